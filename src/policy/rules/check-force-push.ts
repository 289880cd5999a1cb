import type { Violation } from '../../model/index.js';
import { texts } from '../messages.js';
import { refViolation, type RefContext } from '../rule-context.js';

/**
 * `forcePush: deny`: an update whose old value is not an ancestor of the new one. An update with
 * `fastForward` unknown counts as forced: the rule fails closed when the caller could not tell.
 */
export function checkForcePush(ctx: RefContext): Violation[] {
  const { update, fastForward } = ctx.pushed;
  if (ctx.rules.forcePush !== 'deny' || update.kind !== 'update' || fastForward === true) return [];
  return [refViolation(ctx, 'FORCE_PUSH_DENIED', texts.forcePush(update.oldOid, update.newOid))];
}
