import type { Violation } from '../../model/index.js';
import { failingPatterns } from '../failing-patterns.js';
import { texts } from '../messages.js';
import { newCommitViolation, type PushContext } from '../rule-context.js';

/**
 * `metadata.commitMessage`, `authorEmail`, `committerEmail`, over every commit new to the
 * repository: each value must match every pattern of its list. Emails match case-insensitively.
 * A new commit is judged once, whichever refs bring it.
 */
export function checkCommitMetadata(ctx: PushContext): Violation[] {
  const { commitMessage, authorEmail, committerEmail } = ctx.policy.metadata;
  if (!commitMessage?.length && !authorEmail?.length && !committerEmail?.length) return [];
  return ctx.input.newCommits.flatMap((oid) => {
    const { commit } = ctx.commit(oid);
    const found: Violation[] = [];
    const add = (code: string, text: { message: string; fix: string }) => found.push(newCommitViolation(ctx, oid, code, text));
    const message = failingPatterns(commit.message, commitMessage);
    if (message.length > 0) add('COMMIT_MESSAGE_INVALID', texts.commitMessage(message));
    const author = failingPatterns(commit.author.email, authorEmail, { ignoreCase: true });
    if (author.length > 0) add('AUTHOR_EMAIL_INVALID', texts.authorEmail(commit.author.email, author));
    const committer = failingPatterns(commit.committer.email, committerEmail, { ignoreCase: true });
    if (committer.length > 0) add('COMMITTER_EMAIL_INVALID', texts.committerEmail(commit.committer.email, committer));
    return found;
  });
}
