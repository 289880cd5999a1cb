import assert from 'node:assert/strict';
import { evaluatePush } from '../../../src/policy/index.js';
import { codes, makeCommit, makePolicy, makePush, makeRef } from './policy-builder.js';

const MAIN = 'refs/heads/main';

describe('policy rule: pushers', () => {
  const policy = makePolicy({ refs: [{ match: MAIN, pushers: ['maintainers'] }] });
  const push = (pusher?: string) => makePush({ refs: [makeRef(MAIN)], ...(pusher ? { pusher } : {}) });

  it('rejects a pusher outside the list; accepts a member of a listed group', () => {
    const rejected = evaluatePush(policy, push('carol'));
    assert.deepEqual(codes(rejected), ['PUSHER_NOT_ALLOWED']);
    assert.equal(rejected.violations[0]?.subject, MAIN);
    assert.equal(rejected.violations[0]?.ref, MAIN);
    assert.match(rejected.violations[0]?.message ?? '', /carol may not push.*maintainers/);
    assert.deepEqual(codes(evaluatePush(policy, push('bob'))), []);
  });

  it('maps an email identity to its person before checking', () => {
    assert.deepEqual(codes(evaluatePush(policy, push('BOB@example.com'))), []);
    assert.deepEqual(codes(evaluatePush(policy, push('mallory@example.com'))), ['PUSHER_NOT_ALLOWED']);
  });

  it('no identity: PUSHER_UNKNOWN where pushers are named, fine where they are not', () => {
    assert.deepEqual(codes(evaluatePush(policy, push())), ['PUSHER_UNKNOWN']);
    const open = makePolicy({ refs: [{ match: MAIN, signedCommits: 'required' }] });
    assert.deepEqual(codes(evaluatePush(open, push())), []);
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/dev')] }))), [], 'an unprotected ref needs no identity');
  });

  it('several entries naming pushers: the pusher must be in every list (strictest wins)', () => {
    const both = makePolicy({ refs: [{ match: 'refs/heads/**', pushers: ['maintainers'] }, { match: MAIN, pushers: ['alice', 'carol'] }] });
    assert.deepEqual(codes(evaluatePush(both, push('bob'))), ['PUSHER_NOT_ALLOWED'], 'bob is in the first list only');
    assert.deepEqual(codes(evaluatePush(both, push('carol'))), ['PUSHER_NOT_ALLOWED'], 'carol is in the second list only');
    assert.deepEqual(codes(evaluatePush(both, push('alice'))), [], 'alice is in both');
    assert.deepEqual(codes(evaluatePush(both, makePush({ refs: [makeRef('refs/heads/dev')], pusher: 'bob' }))), [], 'dev matches the first entry only');
  });

  it('applies to deletions and creations too', () => {
    const any = makePolicy({ refs: [{ match: MAIN, pushers: ['alice'], deletion: 'allow' }] });
    assert.deepEqual(codes(evaluatePush(any, makePush({ refs: [makeRef(MAIN, { kind: 'delete' })], pusher: 'carol' }))), ['PUSHER_NOT_ALLOWED']);
    assert.deepEqual(codes(evaluatePush(any, makePush({ refs: [makeRef(MAIN, { kind: 'delete' })], pusher: 'alice' }))), []);
    assert.deepEqual(codes(evaluatePush(any, makePush({ refs: [makeRef(MAIN, { kind: 'create' })], pusher: 'carol' }))), ['PUSHER_NOT_ALLOWED']);
  });
});

describe('policy rule: forcePush', () => {
  const protectedMain = makePolicy({ refs: [{ match: MAIN }] });

  it('rejects a non-fast-forward update of a protected ref (deny by default); accepts a fast-forward', () => {
    const forced = evaluatePush(protectedMain, makePush({ refs: [makeRef(MAIN, { fastForward: false })] }));
    assert.deepEqual(codes(forced), ['FORCE_PUSH_DENIED']);
    assert.match(forced.violations[0]?.fix ?? '', /git pull --rebase/);
    assert.deepEqual(codes(evaluatePush(protectedMain, makePush({ refs: [makeRef(MAIN, { fastForward: true })] }))), []);
  });

  it('an update with fastForward unknown counts as forced (fail closed)', () => {
    const ref = makeRef(MAIN);
    delete ref.fastForward;
    assert.deepEqual(codes(evaluatePush(protectedMain, makePush({ refs: [ref] }))), ['FORCE_PUSH_DENIED']);
  });

  it('forcePush: allow, or an unprotected ref, accepts a forced update', () => {
    const allow = makePolicy({ refs: [{ match: MAIN, forcePush: 'allow' }] });
    assert.deepEqual(codes(evaluatePush(allow, makePush({ refs: [makeRef(MAIN, { fastForward: false })] }))), []);
    assert.deepEqual(codes(evaluatePush(protectedMain, makePush({ refs: [makeRef('refs/heads/dev', { fastForward: false })] }))), []);
  });
});

describe('policy rule: deletion', () => {
  it('rejects deleting a protected ref by default; accepts with deletion: allow and on unprotected refs', () => {
    const deny = makePolicy({ refs: [{ match: MAIN }] });
    assert.deepEqual(codes(evaluatePush(deny, makePush({ refs: [makeRef(MAIN, { kind: 'delete' })] }))), ['DELETION_DENIED']);
    const allow = makePolicy({ refs: [{ match: MAIN, deletion: 'allow' }] });
    assert.deepEqual(codes(evaluatePush(allow, makePush({ refs: [makeRef(MAIN, { kind: 'delete' })] }))), []);
    assert.deepEqual(codes(evaluatePush(deny, makePush({ refs: [makeRef('refs/heads/dev', { kind: 'delete' })] }))), []);
  });
});

describe('policy rule: creation', () => {
  const policy = makePolicy({ refs: [{ match: 'refs/heads/release/*', creation: 'deny' }] });

  it('rejects creating a ref whose entry denies creation; accepts updating it, and creation where allowed (default)', () => {
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/release/1', { kind: 'create' })] }))), ['CREATION_DENIED']);
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/release/1')] }))), []);
    const open = makePolicy({ refs: [{ match: 'refs/heads/release/*' }] });
    assert.deepEqual(codes(evaluatePush(open, makePush({ refs: [makeRef('refs/heads/release/1', { kind: 'create' })] }))), []);
  });
});

describe('policy rule: immutable tags', () => {
  const policy = makePolicy({ refs: [{ match: 'refs/tags/v*', immutable: true }] });
  const tag = 'refs/tags/v1.0.0';

  it('rejects moving an immutable tag even by fast-forward, and deleting it', () => {
    const moved = evaluatePush(policy, makePush({ refs: [makeRef(tag, { fastForward: true })] }));
    assert.deepEqual(codes(moved), ['TAG_IMMUTABLE']);
    assert.match(moved.violations[0]?.message ?? '', /not even fast-forward/);
    const forced = evaluatePush(policy, makePush({ refs: [makeRef(tag, { fastForward: false })] }));
    assert.deepEqual(codes(forced), ['FORCE_PUSH_DENIED', 'TAG_IMMUTABLE']);
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef(tag, { kind: 'delete' })] }))), ['DELETION_DENIED', 'TAG_IMMUTABLE']);
  });

  it('accepts creating the tag, and moving a tag no immutable entry matches', () => {
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef(tag, { kind: 'create' })] }))), []);
    const mutable = makePolicy({ refs: [{ match: 'refs/tags/v*' }] });
    assert.deepEqual(codes(evaluatePush(mutable, makePush({ refs: [makeRef(tag, { fastForward: true })] }))), []);
  });
});

describe('policy rule: linearHistory', () => {
  const policy = makePolicy({ refs: [{ match: MAIN, linearHistory: true }] });

  it('rejects a merge commit among the commits the ref gains; accepts single-parent commits', () => {
    const plain = makeCommit();
    const merge = makeCommit({ parents: [plain.commit.oid, 'a'.repeat(40)] });
    const rejected = evaluatePush(policy, makePush({ refs: [makeRef(MAIN, { commits: [merge, plain] })], commits: [merge, plain] }));
    assert.deepEqual(codes(rejected), ['NON_LINEAR_HISTORY']);
    assert.equal(rejected.violations[0]?.commit, merge.commit.oid);
    assert.equal(rejected.violations[0]?.subject, `${MAIN}@${merge.commit.oid.slice(0, 7)}`);
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef(MAIN, { commits: [plain] })], commits: [plain] }))), []);
  });

  it('does not apply without linearHistory: true', () => {
    const merge = makeCommit({ parents: ['a'.repeat(40), 'b'.repeat(40)] });
    const open = makePolicy({ refs: [{ match: MAIN }] });
    assert.deepEqual(codes(evaluatePush(open, makePush({ refs: [makeRef(MAIN, { commits: [merge] })], commits: [merge] }))), []);
  });
});
