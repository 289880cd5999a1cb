import assert from 'node:assert/strict';
import type { CommitSpec } from './policy-builder.js';
import { evaluatePush } from '../../../src/policy/index.js';
import { codes, makeCommit, makePolicy, makePush, makeRef } from './policy-builder.js';

function push(spec: CommitSpec) {
  const commit = makeCommit(spec);
  return makePush({ refs: [makeRef('refs/heads/dev', { commits: [commit] })], commits: [commit] });
}

describe('policy rule: metadata.commitMessage', () => {
  const policy = makePolicy({ metadata: { commitMessage: ['^(feat|fix|chore)(\\(.+\\))?: ', 'JIRA-\\d+'] } });

  it('every pattern of the list must match: failing one rejects and names it', () => {
    const result = evaluatePush(policy, push({ message: 'feat: add x\n' }));
    assert.deepEqual(codes(result), ['COMMIT_MESSAGE_INVALID']);
    assert.match(result.violations[0]?.message ?? '', /JIRA-\\d\+/);
    assert.doesNotMatch(result.violations[0]?.message ?? '', /feat\|fix/, 'only failing patterns are named');
    assert.deepEqual(codes(evaluatePush(policy, push({ message: 'wip JIRA-12\n' }))), ['COMMIT_MESSAGE_INVALID']);
  });

  it('accepts a message matching all patterns; unanchored patterns match anywhere', () => {
    assert.deepEqual(codes(evaluatePush(policy, push({ message: 'fix(api): handle nulls\n\nRefs JIRA-42\n' }))), []);
  });

  it('applies only to commits new to the repository', () => {
    const commit = makeCommit({ message: 'bad' });
    const known = makePush({ refs: [makeRef('refs/heads/dev', { commits: [commit] })], commits: [commit], newCommits: [] });
    assert.deepEqual(codes(evaluatePush(policy, known)), []);
  });
});

describe('policy rule: metadata.authorEmail and committerEmail', () => {
  const policy = makePolicy({ metadata: { authorEmail: ['@example\\.com$'], committerEmail: ['@example\\.com$', '^[a-z]+@'] } });

  it('rejects emails that fail a pattern; each field has its own code', () => {
    assert.deepEqual(codes(evaluatePush(policy, push({ authorEmail: 'eve@evil.test' }))), ['AUTHOR_EMAIL_INVALID']);
    assert.deepEqual(codes(evaluatePush(policy, push({ committerEmail: 'eve@evil.test' }))), ['COMMITTER_EMAIL_INVALID']);
    assert.deepEqual(codes(evaluatePush(policy, push({ committerEmail: 'eve.2@example.com' }))), ['COMMITTER_EMAIL_INVALID'], 'all patterns must match');
  });

  it('accepts matching emails, compared case-insensitively', () => {
    assert.deepEqual(codes(evaluatePush(policy, push({ authorEmail: 'Alice@EXAMPLE.COM', committerEmail: 'Alice@Example.Com' }))), []);
  });
});

describe('policy rule: metadata.refName', () => {
  const policy = makePolicy({ metadata: { refName: ['^refs/(heads/(main|feature/.+)|tags/v\\d+)'] } });

  it('rejects creating a ref whose full name does not match', () => {
    const result = evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/my-stuff', { kind: 'create' })] }));
    assert.deepEqual(codes(result), ['REF_NAME_INVALID']);
    assert.equal(result.violations[0]?.subject, 'refs/heads/my-stuff');
  });

  it('accepts creating a matching ref, and updating or deleting a non-matching one that already exists', () => {
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/feature/login', { kind: 'create' })] }))), []);
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/my-stuff')] }))), []);
    assert.deepEqual(codes(evaluatePush(policy, makePush({ refs: [makeRef('refs/heads/my-stuff', { kind: 'delete' })] }))), []);
  });

  it('matches the full ref name, not the short one', () => {
    const short = makePolicy({ metadata: { refName: ['^main$'] } });
    assert.deepEqual(codes(evaluatePush(short, makePush({ refs: [makeRef('refs/heads/main', { kind: 'create' })] }))), ['REF_NAME_INVALID']);
    const full = makePolicy({ metadata: { refName: ['^refs/heads/main$'] } });
    assert.deepEqual(codes(evaluatePush(full, makePush({ refs: [makeRef('refs/heads/main', { kind: 'create' })] }))), []);
  });
});
