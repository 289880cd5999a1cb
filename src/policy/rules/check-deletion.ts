import type { Violation } from '../../model/index.js';
import { texts } from '../messages.js';
import { refViolation, type RefContext } from '../rule-context.js';

/** `deletion: deny` (the default on a protected ref). */
export function checkDeletion(ctx: RefContext): Violation[] {
  if (ctx.rules.deletion !== 'deny' || ctx.pushed.update.kind !== 'delete') return [];
  return [refViolation(ctx, 'DELETION_DENIED', texts.deletion())];
}
