import type { Violation } from '../../model/index.js';
import { texts } from '../messages.js';
import { globMatcher } from '../ref-match.js';
import { newCommitViolation, type PushContext } from '../rule-context.js';

/**
 * `content.blockedPaths`, over every commit new to the repository whatever ref brings it:
 * a commit may not add or change (add, modify, mode change, rename or copy to) a blocked path.
 * Deleting one is the fix, so deletions pass.
 */
export function checkBlockedPaths(ctx: PushContext): Violation[] {
  const { blockedPaths } = ctx.policy.content;
  if (blockedPaths.length === 0) return [];
  const isBlocked = globMatcher(blockedPaths);
  return ctx.input.newCommits.flatMap((oid) => ctx.commit(oid).changes
    .filter((change) => change.status !== 'D' && isBlocked(change.path))
    .map((change) => newCommitViolation(ctx, oid, 'BLOCKED_PATH', texts.blockedPath(change.path), change.path)));
}
