import type { Decision } from '../model/index.js';
import { codeAnchor, violationCodes } from '../errors/index.js';
import { ALLOW_WAYS, HELP_URI } from './messages.js';
import { compareText, sortFindings } from './sort-findings.js';

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' };
  properties: { tags: string[] };
}

/**
 * One `reportingDescriptor` per secret rule id and per violation code present in the decision,
 * sorted by id so the output is stable; `ruleIndex` in results points into this list.
 */
export function buildSarifRules(decision: Decision): { rules: SarifRule[]; indexOf: Map<string, number> } {
  const byId = new Map<string, SarifRule>();
  for (const f of sortFindings(decision.findings)) {
    if (byId.has(f.ruleId)) continue;
    byId.set(f.ruleId, {
      id: f.ruleId,
      shortDescription: { text: `Secret detected by rule ${f.ruleId}` },
      fullDescription: { text: f.message },
      help: { text: `${fixesText(decision.findings.filter((x) => x.ruleId === f.ruleId))}\nTo allow a false positive:\n${ALLOW_WAYS.map((w) => `- ${w}`).join('\n')}` },
      helpUri: `${HELP_URI}${codeAnchor(f.code)}`,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'secret'] },
    });
  }
  for (const v of decision.violations) {
    if (byId.has(v.code)) continue;
    const summary = (violationCodes as Record<string, string>)[v.code] ?? v.code;
    byId.set(v.code, {
      id: v.code,
      shortDescription: { text: summary },
      fullDescription: { text: summary },
      help: { text: fixesText(decision.violations.filter((x) => x.code === v.code)) },
      helpUri: `${HELP_URI}${codeAnchor(v.code)}`,
      defaultConfiguration: { level: v.severity === 'warn' ? 'warning' : 'error' },
      properties: { tags: v.code === 'SECRET_DETECTED' ? ['security', 'secret'] : ['security', 'policy'] },
    });
  }
  const rules = [...byId.values()].sort((a, b) => compareText(a.id, b.id));
  return { rules, indexOf: new Map(rules.map((r, i) => [r.id, i])) };
}

/** A rule's help: its fix, or every distinct fix when results of the same rule carry different ones. */
function fixesText(items: ReadonlyArray<{ fix: string }>): string {
  const fixes = [...new Set(items.map((i) => i.fix))].sort(compareText);
  return fixes.length === 1 ? (fixes[0] as string) : `How to fix, depending on the result:\n${fixes.map((f) => `- ${f}`).join('\n')}`;
}
