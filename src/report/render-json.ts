import type { Decision, Finding, SkippedItem, Violation } from '../model/index.js';
import { compareText, sortFindings } from './sort-findings.js';

/**
 * `--format json`: `{findings, violations, skipped, allowed}`, in that key order, pretty-printed
 * with two spaces and a trailing newline (readable in CI logs; `jq` does not care). The six
 * finding keys of issue 2 come first and are a contract; optional keys appear only when set.
 */
export function renderJson(decision: Decision): string {
  const report = {
    findings: sortFindings(decision.findings).map(jsonFinding),
    violations: decision.violations.map(jsonViolation),
    skipped: decision.skipped.map(jsonSkipped),
    allowed: decision.allowed,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function jsonFinding(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    file: f.file,
    line: f.line,
    column: f.column,
    redacted: f.redacted,
    fingerprint: f.fingerprint,
    confidence: f.confidence,
    ...(f.commit ? { commit: f.commit } : {}),
    message: f.message,
    ...(f.metadata ? { metadata: sortedRecord(f.metadata) } : {}),
  };
}

function jsonViolation(v: Violation): Record<string, unknown> {
  return {
    code: v.code,
    subject: v.subject,
    message: v.message,
    fix: v.fix,
    ...(v.ref ? { ref: v.ref } : {}),
    ...(v.commit ? { commit: v.commit } : {}),
    severity: v.severity ?? 'error',
  };
}

function jsonSkipped(s: SkippedItem): Record<string, unknown> {
  return { file: s.file, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}), ...(s.commit ? { commit: s.commit } : {}) };
}

/** Metadata comes from detectors in whatever order they built it; sort so output is stable. */
function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
