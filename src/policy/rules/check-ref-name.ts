import type { Violation } from '../../model/index.js';
import { failingPatterns } from '../failing-patterns.js';
import { texts } from '../messages.js';
import { refViolation, type RefContext } from '../rule-context.js';

/**
 * `metadata.refName`: a created ref's full name (`refs/heads/feature/x`, `refs/tags/v1.2.0`) must
 * match every pattern. Only creations: existing refs that predate the pattern keep working.
 * Applies to every ref, protected or not.
 */
export function checkRefName(ctx: RefContext): Violation[] {
  const { ref, kind } = ctx.pushed.update;
  if (kind !== 'create') return [];
  const failed = failingPatterns(ref, ctx.policy.metadata.refName);
  return failed.length > 0 ? [refViolation(ctx, 'REF_NAME_INVALID', texts.refName(ref, failed))] : [];
}
