import assert from 'node:assert/strict';
import type { SignatureStatus, TagInfo } from '../../../src/model/index.js';
import { evaluatePush } from '../../../src/policy/index.js';
import { codes, makeCommit, makePolicy, makePush, makeRef, oid } from './policy-builder.js';

const MAIN = 'refs/heads/main';
const required = makePolicy({ refs: [{ match: MAIN, signedCommits: 'required' }, { match: 'refs/tags/**', signedCommits: 'required' }] });

function pushOne(status: SignatureStatus, ref = MAIN) {
  const commit = makeCommit({ status, committerEmail: 'carol@example.com', signer: 'alice' });
  return makePush({ refs: [makeRef(ref, { commits: [commit] })], commits: [commit], pusher: 'carol' });
}

describe('policy rule: signedCommits', () => {
  it('accepts a commit whose verdict is good', () => {
    assert.deepEqual(codes(evaluatePush(required, pushOne('good'))), []);
  });

  const cases: Array<[SignatureStatus, string, RegExp]> = [
    ['unsigned', 'COMMIT_UNSIGNED', /git commit --amend --no-edit -S.*people\.carol\.openpgp/],
    ['bad', 'SIGNATURE_INVALID', /re-sign/],
    ['untrusted', 'SIGNER_UNTRUSTED', /people\.carol\.openpgp/],
    ['unsupported', 'SIGNER_UNTRUSTED', /X\.509/],
    ['expired', 'SIGNING_KEY_EXPIRED', /quick-set-expire/],
    ['revoked', 'SIGNING_KEY_REVOKED', /revoked/],
    ['not-committer', 'SIGNER_NOT_COMMITTER', /carol@example\.com to people\.alice\.emails/],
  ];
  for (const [status, code, fix] of cases) {
    it(`rejects a commit whose verdict is ${status} with ${code} and says how to fix it`, () => {
      const result = evaluatePush(required, pushOne(status));
      assert.deepEqual(codes(result), [code]);
      const [violation] = result.violations;
      assert.match(violation?.fix ?? '', fix);
      assert.match(violation?.message ?? '', new RegExp(`test verdict ${status}`), 'the verifier detail is part of the message');
      assert.equal(violation?.ref, MAIN);
    });
  }

  it('every commit the ref gains is checked, in the given order; signedCommits: optional checks none', () => {
    const good = makeCommit();
    const bad1 = makeCommit({ status: 'unsigned' });
    const bad2 = makeCommit({ status: 'untrusted' });
    const all = [bad2, good, bad1];
    const result = evaluatePush(required, makePush({ refs: [makeRef(MAIN, { commits: all })], commits: all }));
    assert.deepEqual(result.violations.map((v) => [v.code, v.commit]), [['SIGNER_UNTRUSTED', bad2.commit.oid], ['COMMIT_UNSIGNED', bad1.commit.oid]]);
    const optional = makePolicy({ refs: [{ match: MAIN, signedCommits: 'optional' }] });
    assert.deepEqual(codes(evaluatePush(optional, makePush({ refs: [makeRef(MAIN, { commits: all })], commits: all }))), []);
  });

  it('does not apply to refs no entry matches', () => {
    assert.deepEqual(codes(evaluatePush(required, pushOne('unsigned', 'refs/heads/dev'))), []);
  });
});

describe('policy rule: signedCommits on annotated tags', () => {
  function tagPush(status: SignatureStatus) {
    const commit = makeCommit();
    const info: TagInfo = { oid: oid('t'), object: commit.commit.oid, objectType: 'commit', tag: 'v1', message: 'v1\n' };
    const ref = makeRef('refs/tags/v1', { kind: 'create', commits: [commit], tag: { info, verdict: { status, detail: `tag ${status}` } } });
    return { info, push: makePush({ refs: [ref], commits: [commit] }) };
  }

  it('rejects an unsigned annotated tag on a ref requiring signatures, even over signed commits', () => {
    const { info, push } = tagPush('unsigned');
    const result = evaluatePush(required, push);
    assert.deepEqual(codes(result), ['COMMIT_UNSIGNED']);
    assert.equal(result.violations[0]?.commit, info.oid);
    assert.match(result.violations[0]?.message ?? '', /^tag /);
    assert.match(result.violations[0]?.fix ?? '', /git tag -s/);
  });

  it('accepts a tag signed good; and an unsigned tag where signatures are optional', () => {
    assert.deepEqual(codes(evaluatePush(required, tagPush('good').push)), []);
    const optional = makePolicy({ refs: [{ match: 'refs/tags/**' }] });
    assert.deepEqual(codes(evaluatePush(optional, tagPush('unsigned').push)), []);
  });
});
