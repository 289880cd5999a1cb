import type { Violation } from '../../model/index.js';
import { texts } from '../messages.js';
import { refCommitViolation, type RefContext } from '../rule-context.js';

/** `linearHistory: true`: no merge commit among the commits this ref gains. */
export function checkLinearHistory(ctx: RefContext): Violation[] {
  if (!ctx.rules.linearHistory) return [];
  return ctx.pushed.commits.flatMap((oid) => {
    const { parents } = ctx.commit(oid).commit;
    return parents.length > 1 ? [refCommitViolation(ctx, oid, 'NON_LINEAR_HISTORY', texts.nonLinear(oid, parents.length))] : [];
  });
}
