import type { Finding, SkippedItem, Violation } from '../model/index.js';
import type { Painter } from './paint.js';
import { printable, shortOid } from './printable.js';
import { sortFindings } from './sort-findings.js';
import { ALLOW_WAYS, HEADINGS, ROTATE_STEP, describeSkip } from './messages.js';

/** `path:line:col  ruleId  redacted` grouped by file: one block per file, separated by a blank line. */
export function findingLines(findings: readonly Finding[], p: Painter): string[] {
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const f of sortFindings(findings)) {
    if (previousFile !== undefined && f.file !== previousFile) lines.push('');
    previousFile = f.file;
    const extras = [
      ...(f.commit ? [`commit ${shortOid(f.commit)}`] : []),
      ...(f.confidence !== 'high' ? [`(${f.confidence} confidence)`] : []),
    ];
    const where = p.bold(`${printable(f.file)}:${f.line}:${f.column}`);
    lines.push([where, p.red(printable(f.ruleId)), printable(f.redacted), ...extras].join('  '));
  }
  return lines;
}

export function skippedLines(skipped: readonly SkippedItem[], p: Painter): string[] {
  if (skipped.length === 0) return [];
  const rows = skipped.map((s) => {
    const commit = s.commit ? `  commit ${shortOid(s.commit)}` : '';
    return `  ${printable(s.file)}  ${p.yellow(printable(describeSkip(s)))}${commit}`;
  });
  return [p.yellow(HEADINGS.skipped), ...rows];
}

/** `subject  CODE  message`, then the fix indented under it. Warnings are labelled, not hidden. */
export function violationLines(violations: readonly Violation[], p: Painter): string[] {
  if (violations.length === 0) return [];
  const rows = violations.flatMap((v) => {
    const warn = v.severity === 'warn';
    const code = warn ? p.yellow(`${v.code} (warning)`) : p.red(v.code);
    return [`  ${printable(v.subject)}  ${code}  ${printable(v.message)}`, p.dim(`    fix: ${printable(v.fix)}`)];
  });
  return [HEADINGS.violations, ...rows];
}

export function noticeLines(notices: readonly string[], p: Painter): string[] {
  return notices.map((n) => p.dim(`note: ${printable(n)}`));
}

/** The single closing block when secrets were found: remove, rotate, or allow. */
export function fixBlock(removeStep: string): string[] {
  return [
    HEADINGS.fix,
    `  1. ${removeStep}`,
    `  2. ${ROTATE_STEP}`,
    HEADINGS.allow,
    ...ALLOW_WAYS.map((way) => `  - ${way}`),
  ];
}
