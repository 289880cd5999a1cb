import type { Violation } from '../../model/index.js';
import { expandPrincipals } from '../expand-principals.js';
import { texts } from '../messages.js';
import { refViolation, type RefContext } from '../rule-context.js';

/**
 * `pushers`: every entry that names pushers must name this pusher (directly or through a group).
 * No identity is fine only where no entry names pushers; with one it is PUSHER_UNKNOWN, not a
 * guess. Applies to creations, updates and deletions alike.
 */
export function checkPushers(ctx: RefContext): Violation[] {
  const lists = ctx.rules.pushers;
  if (!lists || lists.length === 0) return [];
  if (ctx.pusher === undefined) return [refViolation(ctx, 'PUSHER_UNKNOWN', texts.pusherUnknown(ctx.policy.identity.env))];
  const pusher = ctx.pusher;
  const failed = lists.find((names) => !expandPrincipals(ctx.policy, names).has(pusher));
  return failed ? [refViolation(ctx, 'PUSHER_NOT_ALLOWED', texts.pusherNotAllowed(pusher, failed))] : [];
}
