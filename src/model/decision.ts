import type { Finding, SkippedItem } from './finding.js';
import type { Violation } from './violation.js';

/** The outcome of every check: what a face renders and an audit record stores. */
export interface Decision {
  allowed: boolean;
  findings: Finding[];
  violations: Violation[];
  skipped: SkippedItem[];
  /** Informational lines (e.g. "break-glass by alice: reason"). */
  notices: string[];
}

export function emptyDecision(): Decision {
  return { allowed: true, findings: [], violations: [], skipped: [], notices: [] };
}

/** A decision blocks when any finding or any error-severity violation is present. */
export function decide(parts: Omit<Decision, 'allowed'>): Decision {
  const blocking = parts.findings.length > 0 || parts.violations.some((v) => v.severity !== 'warn');
  return { allowed: !blocking, ...parts };
}
