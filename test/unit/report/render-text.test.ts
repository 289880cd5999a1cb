import assert from 'node:assert/strict';
import { decide } from '../../../src/model/index.js';
import { renderDecision, type RenderContext } from '../../../src/report/index.js';
import { sampleFinding, sampleSkipped, sampleViolation } from './sample-decisions.js';

const ESC = '\u001b';
const text = (d: ReturnType<typeof decide>, context: RenderContext = 'staged', color = false, scannedFiles = 2) =>
  renderDecision(d, 'text', { context, scannedFiles, color });
const only = (parts: Partial<Parameters<typeof decide>[0]>) => decide({ findings: [], violations: [], skipped: [], notices: [], ...parts });

describe('report: text', () => {
  it('a clean result is one line that says what was checked, per context', async () => {
    const expected: Record<RenderContext, string> = {
      staged: 'gitward: no secrets in 1 staged file\n',
      files: 'gitward: no secrets in 1 file\n',
      history: 'gitward: no secrets in 1 commit\n',
      push: 'gitward: push accepted (1 commit checked)\n',
      outgoing: 'gitward: no problems in 1 outgoing commit\n',
    };
    for (const [context, line] of Object.entries(expected)) {
      assert.equal(await text(only({}), context as RenderContext, false, 1), line);
    }
  });

  it('lists findings as path:line:col  ruleId  redacted, with commit and non-high confidence', async () => {
    const out = await text(only({ findings: [sampleFinding({ commit: 'abcdef0123456789abcdef0123456789abcdef01', confidence: 'low' })] }));
    assert.match(out, /^src\/app\.ts:3:7 {2}github-token {2}ghp_\*{4} {2}commit abcdef012345 {2}\(low confidence\)$/m);
  });

  it('groups findings by file, sorted, with a blank line between files', async () => {
    const out = await text(only({ findings: [sampleFinding({ file: 'b.ts', line: 9 }), sampleFinding({ file: 'a.ts' }), sampleFinding({ file: 'b.ts', line: 1 })] }));
    const body = out.split('\n').filter((l) => /^[ab]\.ts:|^$/.test(l));
    assert.deepEqual(body.slice(1, 5), ['a.ts:3:7  github-token  ghp_****', '', 'b.ts:1:7  github-token  ghp_****', 'b.ts:9:7  github-token  ghp_****']);
  });

  it('ends with one fix-and-allow block when secrets were found, and none otherwise', async () => {
    const out = await text(only({ findings: [sampleFinding(), sampleFinding({ file: 'x.ts' })] }));
    assert.equal(out.split('How to fix:').length, 2);
    for (const needle of ['rotate', 'gitward:allow', 'secrets.allow.paths', 'gitward baseline', 'secrets.rules.allow']) {
      assert.ok(out.toLowerCase().includes(needle.toLowerCase()), `missing ${needle}`);
    }
    assert.ok(!(await text(only({ violations: [sampleViolation()] }))).includes('How to fix:'));
  });

  it('lists skipped items even when the result is clean, so nobody assumes they were scanned', async () => {
    const out = await text(only({ skipped: [sampleSkipped(), sampleSkipped({ file: 'big.sql', reason: 'too-large', detail: '9 MiB > 5 MiB' })] }));
    assert.match(out, /^gitward: no secrets in 2 staged files \(2 not scanned\)$/m);
    assert.match(out, /^ {2}img\.png {2}binary, not scanned$/m);
    assert.match(out, /^ {2}big\.sql {2}too large, not scanned \(9 MiB > 5 MiB\)$/m);
  });

  it('prints violations as subject  CODE  message with the fix under it; warnings are labelled', async () => {
    const out = await text(only({ violations: [sampleViolation(), sampleViolation({ code: 'REF_NAME_INVALID', subject: 'refs/heads/x', severity: 'warn' })] }), 'outgoing');
    assert.match(out, /^gitward: push blocked: 1 violation, 1 warning \(2 outgoing commits checked\)$/m);
    assert.match(out, /^ {2}refs\/heads\/main@0123456789ab {2}COMMIT_UNSIGNED {2}commit is not signed\n {4}fix: Sign it\.$/m);
    assert.match(out, /^ {2}refs\/heads\/x {2}REF_NAME_INVALID \(warning\)/m);
  });

  it('uses colour only when asked', async () => {
    const d = only({ findings: [sampleFinding()], skipped: [sampleSkipped()] });
    assert.ok(!(await text(d)).includes(ESC));
    assert.ok((await text(d, 'staged', true)).includes(`${ESC}[31m`));
    assert.ok((await text(only({}), 'staged', true)).includes(`${ESC}[32m`));
  });

  it('escapes control characters from untrusted text (paths, commit-derived messages)', async () => {
    const out = await text(only({ violations: [sampleViolation({ message: `bad\n${ESC}[2Jmessage` })], findings: [sampleFinding({ file: `a\nb.ts` })] }));
    assert.ok(!out.includes(ESC));
    assert.ok(out.includes('bad\\n\\x1b[2Jmessage'));
    assert.ok(out.includes('a\\nb.ts:3:7'));
  });

  it('shows notices', async () => {
    assert.match(await text(only({ notices: ['secret scanning is disabled'] })), /^note: secret scanning is disabled$/m);
  });
});
