import type { Finding } from '../model/index.js';

/** Deterministic order for every format: by file, then position, then commit, then rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    compareText(a.file, b.file) || a.line - b.line || a.column - b.column
    || compareText(a.commit ?? '', b.commit ?? '') || compareText(a.ruleId, b.ruleId));
}

/** Code-unit order, not locale order: output must not change with the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
