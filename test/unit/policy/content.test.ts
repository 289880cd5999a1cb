import assert from 'node:assert/strict';
import type { ChangedPath } from '../../../src/model/index.js';
import { evaluatePush } from '../../../src/policy/index.js';
import { codes, makeCommit, makePolicy, makePush, makeRef } from './policy-builder.js';

const MB = 1024 * 1024;

function push(changes: Array<Partial<ChangedPath> & { path: string }>, newCommit = true) {
  const commit = makeCommit({ changes });
  // Unprotected ref: content rules apply to every ref update.
  return makePush({ refs: [makeRef('refs/heads/feature/x', { kind: 'create' })], commits: [commit], newCommits: newCommit ? [commit.commit.oid] : [] });
}

describe('policy rule: content.blockedPaths', () => {
  const policy = makePolicy({ content: { blockedPaths: ['**/*.pem', '**/.env'] } });

  it('rejects adding or changing a blocked path, on any ref; accepts other paths', () => {
    for (const status of ['A', 'M', 'T', 'R', 'C'] as const) {
      const result = evaluatePush(policy, push([{ path: 'deploy/tls/server.pem', status, ...(status === 'R' || status === 'C' ? { oldPath: 'x.txt' } : {}) }]));
      assert.deepEqual(codes(result), ['BLOCKED_PATH'], status);
      assert.equal(result.violations[0]?.subject, 'deploy/tls/server.pem');
      assert.equal(result.violations[0]?.ref, 'refs/heads/feature/x', 'the only ref pushed is the one that brings it');
    }
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: '.env', status: 'A' }]))), ['BLOCKED_PATH'], 'dotfiles match');
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'deploy/tls/README.md', status: 'A' }]))), []);
  });

  it('accepts deleting a blocked path (and renaming it away), and ignores commits that are not new', () => {
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'server.pem', status: 'D' }]))), []);
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'notes.txt', oldPath: 'server.pem', status: 'R' }]))), []);
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'server.pem', status: 'A' }], false))), []);
  });
});

describe('policy rule: content.maxFileSize', () => {
  const policy = makePolicy({ content: { maxFileSize: 5 * MB } });

  it('rejects a blob over the limit; accepts one exactly at it', () => {
    const over = evaluatePush(policy, push([{ path: 'dump.sql', status: 'A', newSize: 5 * MB + 1 }]));
    assert.deepEqual(codes(over), ['FILE_TOO_LARGE']);
    assert.match(over.violations[0]?.message ?? '', /5242881 bytes, over content\.maxFileSize \(5242880 bytes\)/);
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'dump.sql', status: 'A', newSize: 5 * MB }]))), []);
  });

  it('ignores deletions and gitlinks; no limit set means no check', () => {
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'big', status: 'D', newSize: 10 * MB }]))), []);
    assert.deepEqual(codes(evaluatePush(policy, push([{ path: 'vendor/lib', status: 'A', newMode: '160000', newSize: 10 * MB }]))), []);
    assert.deepEqual(codes(evaluatePush(makePolicy(), push([{ path: 'big', status: 'A', newSize: 10 * MB }]))), []);
  });

  it('a size the caller did not collect is an error, never a pass', () => {
    const unknown = push([{ path: 'big', status: 'A' }]);
    const change = unknown.commits.values().next().value?.changes[0];
    if (change) delete change.newSize;
    assert.throws(() => evaluatePush(policy, unknown), { code: 'INTERNAL' });
    assert.deepEqual(codes(evaluatePush(makePolicy(), unknown)), [], 'without a limit the size is not needed');
  });
});
