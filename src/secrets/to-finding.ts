import type { Finding, Fragment } from '../model/index.js';
import type { Candidate } from './detector.js';
import { fingerprintOf } from './fingerprint.js';
import { redact } from './redact.js';
import { fixFor } from './messages.js';
import type { LineMap } from './line-map.js';

/** The only place a candidate becomes a Finding: the raw secret is hashed and masked here. */
export function toFinding(fragment: Fragment, candidate: Candidate, lines: LineMap, fingerprint = fingerprintOf(candidate.ruleId, candidate.secret)): Finding {
  const { line, column } = lines.position(candidate.start);
  return {
    code: 'SECRET_DETECTED',
    ruleId: candidate.ruleId,
    file: fragment.path,
    line,
    column,
    redacted: candidate.preview ?? redact(candidate.secret, candidate.publicPrefix),
    fingerprint,
    confidence: candidate.confidence,
    message: candidate.message,
    fix: fixFor(candidate.ruleId),
    ...(fragment.commit ? { commit: fragment.commit } : {}),
    ...(candidate.metadata ? { metadata: { ...candidate.metadata } } : {}),
  };
}
