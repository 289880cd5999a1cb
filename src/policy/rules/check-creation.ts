import type { Violation } from '../../model/index.js';
import { texts } from '../messages.js';
import { refViolation, type RefContext } from '../rule-context.js';

/** `creation: deny`: matching refs must already exist (an admin creates them). */
export function checkCreation(ctx: RefContext): Violation[] {
  if (ctx.rules.creation !== 'deny' || ctx.pushed.update.kind !== 'create') return [];
  return [refViolation(ctx, 'CREATION_DENIED', texts.creation())];
}
