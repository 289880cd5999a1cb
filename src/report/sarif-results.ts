import type { Finding, SkippedItem, Violation } from '../model/index.js';
import { describeSkip } from './messages.js';

/**
 * SARIF `artifactLocation` for a path: relative paths become a relative URI reference against
 * %SRCROOT% (what code-scanning uploads expect), absolute ones a file: URI. Segments are
 * percent-encoded because a path may hold spaces, `#` or `?`.
 */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? { uri: `file://${encoded}` } : { uri: encoded, uriBaseId: '%SRCROOT%' };
}

export function findingResult(f: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: 'error',
    message: { text: `${f.message}: ${f.redacted}` },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(f.file),
        region: { startLine: f.line, startColumn: f.column },
      },
    }],
    partialFingerprints: { 'gitwardFingerprint/v1': f.fingerprint },
    properties: {
      confidence: f.confidence,
      redacted: f.redacted,
      ...(f.commit ? { commit: f.commit } : {}),
      ...(f.metadata ? { metadata: f.metadata } : {}),
    },
  };
}

/** Violations concern refs and commits, not file regions, so they get logical locations. */
export function violationResult(v: Violation, ruleIndex: number): Record<string, unknown> {
  const qualified = [v.ref, v.commit].filter((x): x is string => Boolean(x)).join('@');
  return {
    ruleId: v.code,
    ruleIndex,
    level: v.severity === 'warn' ? 'warning' : 'error',
    message: { text: v.message },
    locations: [{
      logicalLocations: [{ name: v.subject, fullyQualifiedName: qualified || v.subject, kind: 'resource' }],
    }],
    partialFingerprints: { 'gitwardViolation/v1': [v.code, v.ref ?? '', v.commit ?? '', v.subject].join('|') },
    properties: { fix: v.fix, ...(v.ref ? { ref: v.ref } : {}), ...(v.commit ? { commit: v.commit } : {}) },
  };
}

/** What was not scanned goes into the run's notifications, so a SARIF consumer cannot read it as clean. */
export function skippedNotification(s: SkippedItem): Record<string, unknown> {
  return {
    level: 'warning',
    message: { text: `${s.file}: ${describeSkip(s)}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.file) } }],
    properties: { reason: s.reason, ...(s.commit ? { commit: s.commit } : {}) },
  };
}

export function noticeNotification(notice: string): Record<string, unknown> {
  return { level: 'note', message: { text: notice } };
}
