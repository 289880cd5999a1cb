import type { PushedCommit, PushedRef, PushInput, Violation } from '../model/index.js';
import type { ServerPolicy } from '../config/types.js';
import { GitwardError } from '../errors/index.js';
import type { EffectiveRefRules } from './rules-for-ref.js';

/** What every rule sees: the policy, the push, and the identified pusher (person name or raw identity). */
export interface PushContext {
  policy: ServerPolicy;
  input: PushInput;
  pusher?: string;
  /** The commit's data; throws INTERNAL when the caller left it out (fail closed, never "no commit = fine"). */
  commit(oid: string): PushedCommit;
  /** The ref that brings a new commit, when it can be told exactly (see createPushContext). */
  refOf(oid: string): string | undefined;
}

/** A rule about one ref update, with that ref's effective rules. */
export interface RefContext extends PushContext {
  pushed: PushedRef;
  rules: EffectiveRefRules;
}

/** `(ctx) => Violation[]`: a rule about one ref update (house style §1, policy/rules/). */
export type RefRuleCheck = (ctx: RefContext) => Violation[];
/** A rule over the whole push (content and metadata over the commits new to the repository). */
export type PushRuleCheck = (ctx: PushContext) => Violation[];

export function createPushContext(policy: ServerPolicy, input: PushInput, pusher: string | undefined): PushContext {
  let owners: Map<string, string> | undefined;
  return {
    policy,
    input,
    ...(pusher === undefined ? {} : { pusher }),
    commit(oid) {
      const found = input.commits.get(oid);
      if (!found) throw new GitwardError('INTERNAL', `commit ${oid} is named by the push but its data was not collected`, { data: { oid } });
      return found;
    },
    refOf(oid) {
      owners ??= newCommitRefs(input);
      return owners.get(oid);
    },
  };
}

/**
 * Which ref brings each new commit, only where that is certain: with one created or updated ref,
 * every new commit comes through it; otherwise the first ref (input order) listing the commit in
 * its `commits`. Unprotected refs list no commits, so some stay unattributed (subject: the oid).
 */
function newCommitRefs(input: PushInput): Map<string, string> {
  const live = input.refs.filter((r) => r.update.kind !== 'delete');
  const owners = new Map<string, string>();
  const only = live.length === 1 ? live[0]?.update.ref : undefined;
  if (only !== undefined) for (const oid of input.newCommits) owners.set(oid, only);
  for (const pushed of live) for (const oid of pushed.commits) if (!owners.has(oid)) owners.set(oid, pushed.update.ref);
  return owners;
}

export const shortOid = (oid: string): string => oid.slice(0, 7);

/** `refs/heads/main@abc1234`: a commit as reached through a ref. */
export const commitSubject = (ref: string, oid: string): string => `${ref}@${shortOid(oid)}`;

/** A violation about the ref update itself. */
export function refViolation(ctx: RefContext, code: string, text: { message: string; fix: string }): Violation {
  return { code, subject: ctx.pushed.update.ref, ref: ctx.pushed.update.ref, ...text };
}

/** A violation about one commit reached through the ref. */
export function refCommitViolation(ctx: RefContext, oid: string, code: string, text: { message: string; fix: string }): Violation {
  return { code, subject: commitSubject(ctx.pushed.update.ref, oid), ref: ctx.pushed.update.ref, commit: oid, ...text };
}

/** A content or metadata violation about a new commit: subject `path`, else `ref@oid` (or the short oid alone). */
export function newCommitViolation(ctx: PushContext, oid: string, code: string, text: { message: string; fix: string }, path?: string): Violation {
  const ref = ctx.refOf(oid);
  const subject = path ?? (ref === undefined ? shortOid(oid) : commitSubject(ref, oid));
  return { code, subject, ...(ref === undefined ? {} : { ref }), commit: oid, ...text };
}
