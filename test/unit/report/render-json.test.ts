import assert from 'node:assert/strict';
import { decide } from '../../../src/model/index.js';
import { renderDecision } from '../../../src/report/index.js';
import { sampleFinding, sampleSkipped, sampleViolation } from './sample-decisions.js';

const json = async (parts: Partial<Parameters<typeof decide>[0]>) =>
  JSON.parse(await renderDecision(decide({ findings: [], violations: [], skipped: [], notices: [], ...parts }), 'json', { context: 'files', scannedFiles: 1, color: true })) as Record<string, unknown>;

describe('report: json', () => {
  it('has exactly findings, violations, skipped, allowed, in that order', async () => {
    assert.deepEqual(Object.keys(await json({})), ['findings', 'violations', 'skipped', 'allowed']);
  });

  it('starts each finding with the issue-2 contract keys (1-based line, file as given)', async () => {
    const report = await json({ findings: [sampleFinding({ line: 1, column: 1, commit: 'c0ffee', metadata: { z: '1', a: '2' } })] });
    const [finding] = report.findings as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(finding ?? {}).slice(0, 6), ['ruleId', 'file', 'line', 'column', 'redacted', 'fingerprint']);
    assert.deepEqual(finding, {
      ruleId: 'github-token', file: 'src/app.ts', line: 1, column: 1, redacted: 'ghp_****', fingerprint: 'fp-1',
      confidence: 'high', commit: 'c0ffee', message: 'GitHub token', metadata: { a: '2', z: '1' },
    });
    assert.deepEqual(Object.keys(finding?.metadata as object), ['a', 'z'], 'metadata keys are sorted');
    assert.equal(report.allowed, false);
  });

  it('never colours JSON and carries violations and skipped items', async () => {
    const report = await json({ violations: [sampleViolation({ severity: 'warn' })], skipped: [sampleSkipped({ commit: 'c1' })] });
    assert.deepEqual(report.violations, [{
      code: 'COMMIT_UNSIGNED', subject: 'refs/heads/main@0123456789ab', message: 'commit is not signed', fix: 'Sign it.',
      ref: 'refs/heads/main', commit: '0123456789abcdef0123456789abcdef01234567', severity: 'warn',
    }]);
    assert.deepEqual(report.skipped, [{ file: 'img.png', reason: 'binary', commit: 'c1' }]);
    assert.equal(report.allowed, true);
  });
});
