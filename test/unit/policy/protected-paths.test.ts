import assert from 'node:assert/strict';
import type { ChangedPath, SignatureStatus } from '../../../src/model/index.js';
import { evaluatePush } from '../../../src/policy/index.js';
import { codes, makeCommit, makePolicy, makePush, makeRef } from './policy-builder.js';

const MAIN = 'refs/heads/main';
const policy = makePolicy({ refs: [{ match: MAIN, protectedPaths: { 'clusters/prod/**': ['maintainers'], '.github/**': ['alice'] } }] });

function push(changes: Array<Partial<ChangedPath> & { path: string }>, signer?: string, status: SignatureStatus = 'good') {
  const commit = makeCommit({ changes, status, ...(signer ? { signer } : {}) });
  return makePush({ refs: [makeRef(MAIN, { commits: [commit] })], commits: [commit] });
}

describe('policy rule: protectedPaths', () => {
  it('rejects a commit touching a protected path signed by someone else; accepts one signed by an owner (via group)', () => {
    const rejected = evaluatePush(policy, push([{ path: 'clusters/prod/app.yaml' }], 'carol'));
    assert.deepEqual(codes(rejected), ['PROTECTED_PATH']);
    assert.equal(rejected.violations[0]?.subject, 'clusters/prod/app.yaml');
    assert.match(rejected.violations[0]?.message ?? '', /signed by carol.*one of: maintainers/);
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'clusters/prod/app.yaml' }], 'bob'))), []);
  });

  it('an owner is not enough without a good verdict', () => {
    const rejected = evaluatePush(policy, push([{ path: 'clusters/prod/app.yaml' }], undefined, 'unsigned'));
    assert.deepEqual(codes(rejected), ['PROTECTED_PATH']);
    assert.match(rejected.violations[0]?.message ?? '', /is not signed/);
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'clusters/prod/app.yaml' }], 'alice', 'good'))), []);
  });

  it('every kind of touch counts: delete, mode change, rename from and rename to (dotfiles included)', () => {
    const touches: Array<Partial<ChangedPath> & { path: string }> = [
      { path: 'clusters/prod/a.yaml', status: 'D' },
      { path: 'clusters/prod/run.sh', status: 'T', oldMode: '100644', newMode: '100755' },
      { path: 'attic/a.yaml', oldPath: 'clusters/prod/b.yaml', status: 'R' },
      { path: 'clusters/prod/c.yaml', oldPath: 'staging/c.yaml', status: 'R' },
      { path: '.github/workflows/deploy.yml', status: 'A' },
    ];
    for (const touch of touches) assert.equal(codes(evaluatePush(policy, push([touch], 'carol'))).length, 1, JSON.stringify(touch));
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'staging/c.yaml', oldPath: 'clusters/prod/c.yaml', status: 'C' }], 'carol'))), [], 'a copy leaves its source untouched');
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'clusters/staging/a.yaml' }], 'carol'))), []);
  });

  it('one violation per commit and requirement, counting the other matching paths', () => {
    const result = evaluatePush(policy, push([{ path: 'clusters/prod/a.yaml' }, { path: 'clusters/prod/b.yaml' }, { path: '.github/x.yml' }], 'bob'));
    assert.deepEqual(result.violations.map((v) => v.subject), ['.github/x.yml'], 'bob owns clusters/prod but not .github');
    const carol = evaluatePush(policy, push([{ path: 'clusters/prod/a.yaml' }, { path: 'clusters/prod/b.yaml' }], 'carol'));
    assert.equal(carol.violations.length, 1);
    assert.match(carol.violations[0]?.message ?? '', /a\.yaml \(and 1 more\)/);
  });

  it('a path under globs from several entries needs a signer satisfying each (strictest wins)', () => {
    const strict = makePolicy({ refs: [{ match: 'refs/heads/**', protectedPaths: { 'infra/**': ['maintainers'] } }, { match: MAIN, protectedPaths: { 'infra/**': ['alice'] } }] });
    const bob = evaluatePush(strict, push([{ path: 'infra/dns.tf' }], 'bob'));
    assert.deepEqual(codes(bob), ['PROTECTED_PATH']);
    assert.match(bob.violations[0]?.message ?? '', /one of: alice$/);
    assert.deepEqual(codes(evaluatePush(strict, push([{ path: 'infra/dns.tf' }], 'alice'))), []);
  });
});
