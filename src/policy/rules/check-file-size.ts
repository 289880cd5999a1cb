import type { ChangedPath, Violation } from '../../model/index.js';
import { GitwardError } from '../../errors/index.js';
import { texts } from '../messages.js';
import { newCommitViolation, type PushContext } from '../rule-context.js';

/** Gitlinks (submodules) name commits of another repository: they have no size here. */
const GITLINK_MODE = '160000';

/**
 * `content.maxFileSize`, over every commit new to the repository: no added or changed blob may
 * be larger (bytes; the loader already turned "5MB" into 5·1024² bytes). A blob whose size the
 * caller did not look up is an error, not a pass: the check must never succeed by not looking.
 */
export function checkFileSize(ctx: PushContext): Violation[] {
  const max = ctx.policy.content.maxFileSize;
  if (max === undefined) return [];
  return ctx.input.newCommits.flatMap((oid) => ctx.commit(oid).changes
    .filter((change) => change.status !== 'D' && change.newMode !== GITLINK_MODE && sizeOf(change, oid) > max)
    .map((change) => newCommitViolation(ctx, oid, 'FILE_TOO_LARGE', texts.fileTooLarge(change.path, sizeOf(change, oid), max), change.path)));
}

function sizeOf(change: ChangedPath, oid: string): number {
  if (change.newSize === undefined) {
    throw new GitwardError('INTERNAL', `the size of ${change.path} in commit ${oid} was not collected, so content.maxFileSize cannot be checked`, { data: { oid, path: change.path } });
  }
  return change.newSize;
}
