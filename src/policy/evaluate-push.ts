import type { PushInput, Violation } from '../model/index.js';
import type { ServerPolicy } from '../config/types.js';
import { applyBreakGlass, type PolicyResult } from './apply-break-glass.js';
import { identifyPerson } from './resolve-pusher.js';
import { createPushContext, type PushRuleCheck, type RefRuleCheck } from './rule-context.js';
import { rulesForRef } from './rules-for-ref.js';
import { checkPushers } from './rules/check-pushers.js';
import { checkCreation } from './rules/check-creation.js';
import { checkDeletion } from './rules/check-deletion.js';
import { checkForcePush } from './rules/check-force-push.js';
import { checkImmutable } from './rules/check-immutable.js';
import { checkRefName } from './rules/check-ref-name.js';
import { checkSignedCommits } from './rules/check-signed-commits.js';
import { checkLinearHistory } from './rules/check-linear-history.js';
import { checkProtectedPaths } from './rules/check-protected-paths.js';
import { checkCommitMetadata } from './rules/check-commit-metadata.js';
import { checkBlockedPaths } from './rules/check-blocked-paths.js';
import { checkFileSize } from './rules/check-file-size.js';

/** Rules about one ref update: ref-level ones first, then the ones about the commits it gains. */
const REF_RULES: RefRuleCheck[] = [
  checkPushers, checkCreation, checkDeletion, checkForcePush, checkImmutable, checkRefName,
  checkSignedCommits, checkLinearHistory, checkProtectedPaths,
];
/** `content` and `metadata` over the commits new to the repository, whichever ref brings them. */
const PUSH_RULES: PushRuleCheck[] = [checkCommitMetadata, checkBlockedPaths, checkFileSize];

/**
 * Judges one push against the policy. Pure: everything it needs is in `input` (verdicts already
 * computed). Order is deterministic: refs in input order, and within a ref its own violations,
 * then per commit in the given order; after all refs, content and metadata per new commit.
 * Throws GitwardError only when the input is incomplete (fail closed).
 */
export function evaluatePush(policy: ServerPolicy, input: PushInput): PolicyResult {
  // Idempotent, so a caller may pass the raw identity or resolvePusher's result.
  const pusher = input.pusher === undefined ? undefined : identifyPerson(policy, input.pusher);
  const ctx = createPushContext(policy, input, pusher);
  const perRef = input.refs.flatMap((pushed) => {
    const refCtx = { ...ctx, pushed, rules: rulesForRef(policy, pushed.update.ref) };
    return inCommitOrder(REF_RULES.flatMap((check) => check(refCtx)), pushed.commits);
  });
  const perPush = inCommitOrder(PUSH_RULES.flatMap((check) => check(ctx)), input.newCommits);
  return applyBreakGlass(ctx, dropRepeats([...perRef, ...perPush]));
}

/** Stable sort by the commit's position; violations about no listed commit (ref-level, tag) come first. */
function inCommitOrder(violations: Violation[], commits: readonly string[]): Violation[] {
  const position = new Map(commits.map((oid, i) => [oid, i]));
  const rank = (v: Violation) => (v.commit === undefined ? -1 : position.get(v.commit) ?? -1);
  return violations.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map(({ v }) => v);
}

/**
 * One commit reached through two refs (main and release, pushed together) would fail the same
 * way twice. Commit violations with the same code, commit and message (messages never name the
 * ref) are kept once, under the first ref in input order: the fix is the same. Ref-level
 * violations are never merged, and a commit failing different requirements keeps each.
 */
function dropRepeats(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    if (v.commit === undefined) return true;
    const key = `${v.code}\0${v.commit}\0${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
