import type { Violation } from '../../model/index.js';
import { texts } from '../messages.js';
import { refViolation, type RefContext } from '../rule-context.js';

/**
 * `immutable: true`: once created, the ref never changes. Unlike forcePush this rejects
 * fast-forwards too, since a release tag that moves forward still changes what was released.
 * Meant for tags; on any other matched ref it means the same (no move, no delete).
 */
export function checkImmutable(ctx: RefContext): Violation[] {
  const { kind } = ctx.pushed.update;
  if (!ctx.rules.immutable || kind === 'create') return [];
  return [refViolation(ctx, 'TAG_IMMUTABLE', texts.tagImmutable(kind))];
}
