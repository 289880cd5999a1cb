import assert from 'node:assert/strict';
import { decide, emptyDecision, type RefUpdate } from '../../../src/model/index.js';
import { buildAuditRecord, type AuditInput } from '../../../src/report/index.js';
import { sampleFinding, sampleViolation } from './sample-decisions.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const refs: RefUpdate[] = [{ ref: 'refs/heads/main', oldOid: OLD, newOid: NEW, kind: 'update' }];
const base: AuditInput = { time: new Date('2025-03-04T05:06:07.089Z'), repo: 'group/repo', refs, version: '0.1.0' };

describe('report: buildAuditRecord', () => {
  it('has every field, in a stable order, with null/[] for what is absent', () => {
    const record = buildAuditRecord({ ...base, decision: emptyDecision() });
    assert.deepEqual(Object.keys(record), [
      'time', 'repo', 'pusher', 'refs', 'decision', 'violations', 'findings', 'skipped', 'notices', 'error', 'bypass', 'pushOptions', 'policyDigest', 'gitwardVersion',
    ]);
    assert.equal(record.time, '2025-03-04T05:06:07.089Z');
    assert.deepEqual(record.refs, [{ ref: 'refs/heads/main', old: OLD, new: NEW }]);
    assert.equal(record.decision, 'accepted');
    assert.equal(record.pusher, null);
    assert.equal(record.error, null);
    assert.equal(record.policyDigest, null);
    assert.equal(record.gitwardVersion, '0.1.0');
  });

  it('records violations and redacted findings of a rejected push', () => {
    const decision = decide({ findings: [sampleFinding({ commit: 'c1' })], violations: [sampleViolation()], skipped: [], notices: [] });
    const record = buildAuditRecord({ ...base, pusher: 'alice', decision, policyDigest: 'sha256:x' });
    assert.equal(record.decision, 'rejected');
    assert.deepEqual(record.violations, [{
      code: 'COMMIT_UNSIGNED', subject: 'refs/heads/main@0123456789ab', ref: 'refs/heads/main',
      commit: '0123456789abcdef0123456789abcdef01234567', message: 'commit is not signed', severity: 'error',
    }]);
    assert.deepEqual(record.findings, [{ ruleId: 'github-token', file: 'src/app.ts', line: 3, column: 7, redacted: 'ghp_****', fingerprint: 'fp-1', commit: 'c1' }]);
    assert.equal(record.pusher, 'alice');
    assert.equal(record.policyDigest, 'sha256:x');
  });

  it('a failure is rejected even when a decision allowed the push (fail closed)', () => {
    const withError = buildAuditRecord({ ...base, decision: emptyDecision(), error: { code: 'AUDIT_FAILED', message: 'disk full' } });
    assert.equal(withError.decision, 'rejected');
    assert.deepEqual(withError.error, { code: 'AUDIT_FAILED', message: 'disk full' });
    const noDecision = buildAuditRecord({ ...base, refs: [], error: { code: 'TIMEOUT', message: 'the push check took longer than 60 s' } });
    assert.equal(noDecision.decision, 'rejected');
    assert.deepEqual(noDecision.violations, []);
  });

  it('keeps the break-glass reason verbatim, and the push options', () => {
    const reason = 'prod down: "INC-1" \u00e9\nsecond line';
    const record = buildAuditRecord({ ...base, decision: emptyDecision(), bypass: { pusher: 'alice', reason }, pushOptions: [`gitward.bypass=${reason}`] });
    assert.deepEqual(record.bypass, { pusher: 'alice', reason });
    assert.deepEqual(record.pushOptions, [`gitward.bypass=${reason}`]);
  });

  it('survives a JSON round trip unchanged (only plain data)', () => {
    const record = buildAuditRecord({ ...base, decision: decide({ findings: [sampleFinding()], violations: [], skipped: [{ file: 'x', reason: 'binary' }], notices: ['n'] }) });
    assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
  });
});
