import assert from 'node:assert/strict';
import { evaluatePush } from '../../../src/policy/index.js';
import { codes, makeCommit, makePolicy, makePush, makeRef } from './policy-builder.js';

const MAIN = 'refs/heads/main';
const RELEASE = 'refs/heads/release';

describe('policy: evaluatePush', () => {
  const strict = makePolicy({
    refs: [{ match: 'refs/heads/{main,release}', pushers: ['maintainers'], signedCommits: 'required', linearHistory: true, creation: 'deny', protectedPaths: { '**': ['alice'] } }],
    content: { blockedPaths: ['**/*.pem'] },
    metadata: { commitMessage: ['^feat'], refName: ['^refs/heads/feature/'] },
  });

  it('a ref matching no entry gets only content and metadata rules', () => {
    const unsigned = makeCommit({ status: 'unsigned', parents: ['a'.repeat(40), 'b'.repeat(40)], message: 'wip', changes: [{ path: 'key.pem', status: 'A' }] });
    const result = evaluatePush(strict, makePush({ refs: [makeRef('refs/heads/feature/x', { kind: 'create', commits: [unsigned] })], commits: [unsigned] }));
    assert.deepEqual(codes(result), ['COMMIT_MESSAGE_INVALID', 'BLOCKED_PATH']);
    const clean = makeCommit({ status: 'unsigned', parents: ['a'.repeat(40), 'b'.repeat(40)], message: 'feat: x', changes: [{ path: 'a.txt', status: 'A' }] });
    assert.deepEqual(codes(evaluatePush(strict, makePush({ refs: [makeRef('refs/heads/feature/x', { kind: 'create', commits: [clean] })], commits: [clean] }))), []);
  });

  it('orders violations: refs in input order, ref-level first, then per commit in the given order; content last', () => {
    const c1 = makeCommit({ status: 'unsigned', message: 'feat: 1' });
    const c2 = makeCommit({ parents: ['a'.repeat(40), 'b'.repeat(40)], signer: 'bob', message: 'feat: 2', changes: [{ path: 'x.pem', status: 'A' }] });
    const result = evaluatePush(strict, makePush({
      refs: [makeRef(RELEASE, { fastForward: false }), makeRef(MAIN, { commits: [c1, c2] }), makeRef('refs/heads/topic', { kind: 'create' })],
      commits: [c1, c2], pusher: 'carol',
    }));
    assert.deepEqual(result.violations.map((v) => [v.code, v.subject]), [
      ['PUSHER_NOT_ALLOWED', RELEASE],
      ['FORCE_PUSH_DENIED', RELEASE],
      ['PUSHER_NOT_ALLOWED', MAIN],
      ['COMMIT_UNSIGNED', `${MAIN}@${c1.commit.oid.slice(0, 7)}`],
      ['NON_LINEAR_HISTORY', `${MAIN}@${c2.commit.oid.slice(0, 7)}`],
      ['PROTECTED_PATH', 'x.pem'],
      ['REF_NAME_INVALID', 'refs/heads/topic'],
      ['BLOCKED_PATH', 'x.pem'],
    ]);
  });

  it('a commit reached through two refs fails once per problem (first ref wins); different problems stay', () => {
    const unsigned = makeCommit({ status: 'unsigned', message: 'feat: x' });
    const twoRefs = makePush({ refs: [makeRef(MAIN, { commits: [unsigned] }), makeRef(RELEASE, { commits: [unsigned] })], commits: [unsigned], pusher: 'alice' });
    const result = evaluatePush(strict, twoRefs);
    assert.deepEqual(result.violations.map((v) => [v.code, v.ref]), [['COMMIT_UNSIGNED', MAIN]]);
    const signed = makeCommit({ message: 'feat: x' });
    assert.deepEqual(codes(evaluatePush(strict, makePush({ refs: [makeRef(MAIN, { commits: [signed] }), makeRef(RELEASE, { commits: [signed] })], commits: [signed], pusher: 'alice' }))), []);
    const owners = makePolicy({ refs: [{ match: MAIN, protectedPaths: { 'infra/**': ['alice'] } }, { match: RELEASE, protectedPaths: { 'infra/**': ['bob'] } }] });
    const byCarol = makeCommit({ signer: 'carol', changes: [{ path: 'infra/dns.tf' }] });
    const both = evaluatePush(owners, makePush({ refs: [makeRef(MAIN, { commits: [byCarol] }), makeRef(RELEASE, { commits: [byCarol] })], commits: [byCarol] }));
    assert.deepEqual(both.violations.map((v) => [v.code, v.ref]), [['PROTECTED_PATH', MAIN], ['PROTECTED_PATH', RELEASE]], 'different owners, different fixes');
  });

  it('names the ref that brings a new commit only when that is certain', () => {
    const policy = makePolicy({ metadata: { commitMessage: ['^feat'] }, refs: [{ match: MAIN }] });
    const wip = makeCommit({ message: 'wip' });
    const short = wip.commit.oid.slice(0, 7);
    const one = evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/a', { kind: 'create' })], commits: [wip] }));
    assert.deepEqual(one.violations.map((v) => [v.subject, v.ref, v.commit]), [[`refs/heads/a@${short}`, 'refs/heads/a', wip.commit.oid]]);
    const unclear = evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/a', { kind: 'create' }), makeRef('refs/heads/b', { kind: 'create' })], commits: [wip] }));
    assert.deepEqual(unclear.violations.map((v) => [v.subject, v.ref, v.commit]), [[short, undefined, wip.commit.oid]]);
    const listed = evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/a', { kind: 'create' }), makeRef(MAIN, { commits: [wip] })], commits: [wip] }));
    assert.deepEqual(listed.violations.map((v) => [v.subject, v.ref]), [[`${MAIN}@${short}`, MAIN]]);
  });

  it('a clean push is accepted with no notices', () => {
    const good = makeCommit({ message: 'feat: y', changes: [{ path: 'a.txt' }] });
    assert.deepEqual(evaluatePush(strict, makePush({ refs: [makeRef(MAIN, { commits: [good] })], commits: [good], pusher: 'alice' })), { violations: [], notices: [] });
  });

  it('fails closed when a named commit was not collected', () => {
    const ghost = makeCommit();
    const push = makePush({ refs: [makeRef(MAIN, { commits: [ghost] })], commits: [], newCommits: [], pusher: 'alice' });
    assert.throws(() => evaluatePush(strict, push), { code: 'INTERNAL' });
  });
});
