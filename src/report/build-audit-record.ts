import type { Decision, RefUpdate } from '../model/index.js';
import { sortFindings } from './sort-findings.js';

export interface AuditInput {
  time: Date;
  /** Forge project path, or the bare repository's directory. */
  repo: string;
  pusher?: string;
  refs: ReadonlyArray<Pick<RefUpdate, 'ref' | 'oldOid' | 'newOid'>>;
  /** Absent when the check failed before deciding (then `error` says why). */
  decision?: Decision;
  error?: { code: string; message: string };
  policyDigest?: string;
  version: string;
  bypass?: { pusher: string; reason: string };
  pushOptions?: string[];
}

/** One line of the audit log. Every key is always present (null or [] when empty), so `jq` filters need no guards. */
export interface AuditRecord {
  time: string;
  repo: string;
  pusher: string | null;
  refs: Array<{ ref: string; old: string; new: string }>;
  decision: 'accepted' | 'rejected';
  violations: Array<{ code: string; subject: string; ref: string | null; commit: string | null; message: string; severity: 'error' | 'warn' }>;
  findings: Array<{ ruleId: string; file: string; line: number; column: number; redacted: string; fingerprint: string; commit: string | null }>;
  skipped: Array<{ file: string; reason: string; commit: string | null }>;
  notices: string[];
  error: { code: string; message: string } | null;
  bypass: { pusher: string; reason: string } | null;
  pushOptions: string[];
  policyDigest: string | null;
  gitwardVersion: string;
}

/**
 * The record of one push, pure data for `audit/`. A push is `accepted` only when a decision
 * exists, allows it, and nothing failed: the record can never claim acceptance of a push the
 * face rejected. Findings are copied field by field (redacted preview and fingerprint only).
 */
export function buildAuditRecord(input: AuditInput): AuditRecord {
  const d = input.decision;
  return {
    time: input.time.toISOString(),
    repo: input.repo,
    pusher: input.pusher ?? null,
    refs: input.refs.map((r) => ({ ref: r.ref, old: r.oldOid, new: r.newOid })),
    decision: d?.allowed === true && !input.error ? 'accepted' : 'rejected',
    violations: (d?.violations ?? []).map((v) => ({
      code: v.code, subject: v.subject, ref: v.ref ?? null, commit: v.commit ?? null, message: v.message, severity: v.severity ?? 'error',
    })),
    findings: sortFindings(d?.findings ?? []).map((f) => ({
      ruleId: f.ruleId, file: f.file, line: f.line, column: f.column, redacted: f.redacted, fingerprint: f.fingerprint, commit: f.commit ?? null,
    })),
    skipped: (d?.skipped ?? []).map((s) => ({ file: s.file, reason: s.reason, commit: s.commit ?? null })),
    notices: d?.notices ?? [],
    error: input.error ? { code: input.error.code, message: input.error.message } : null,
    bypass: input.bypass ? { pusher: input.bypass.pusher, reason: input.bypass.reason } : null,
    pushOptions: input.pushOptions ?? [],
    policyDigest: input.policyDigest ?? null,
    gitwardVersion: input.version,
  };
}
