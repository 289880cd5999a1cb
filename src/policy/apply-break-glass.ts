import type { Violation } from '../model/index.js';
import { isPrincipal } from './expand-principals.js';
import { texts } from './messages.js';
import type { PushContext } from './rule-context.js';

export interface PolicyResult {
  violations: Violation[];
  /** Informational lines for the pusher and the audit record (e.g. "break-glass by alice: reason"). */
  notices: string[];
  /** Set when a break-glass push was accepted: the reason, verbatim, goes into the audit record. */
  bypass?: { pusher: string; reason: string };
}

/**
 * The break-glass request in the push options: `<option>=<reason>` (or a bare `<option>`, which
 * asks for a bypass without giving a reason). The first occurrence with a non-blank reason wins.
 */
export function readBreakGlass(pushOptions: readonly string[], option: string): { reason: string } | undefined {
  const values = pushOptions.flatMap((entry) => {
    const eq = entry.indexOf('=');
    const key = eq === -1 ? entry : entry.slice(0, eq);
    return key === option ? [eq === -1 ? '' : entry.slice(eq + 1)] : [];
  });
  if (values.length === 0) return undefined;
  return { reason: values.find((value) => value.trim() !== '') ?? '' };
}

/**
 * Break-glass: from a pusher in `breakGlass.allowed`, with a non-blank reason, every policy
 * violation is lifted and the bypass is reported; secret findings are not policy violations and
 * stay blocking (the use-case keeps them). From anyone else, or without a reason, nothing is
 * lifted and BYPASS_DENIED is added, so a refused bypass is visible, not silently ignored.
 */
export function applyBreakGlass(ctx: PushContext, violations: Violation[]): PolicyResult {
  const { option, allowed } = ctx.policy.breakGlass;
  const request = readBreakGlass(ctx.input.pushOptions, option);
  if (!request) return { violations, notices: [] };
  const denied = (text: { message: string; fix: string }): PolicyResult => ({
    violations: [...violations, { code: 'BYPASS_DENIED', subject: `-o ${option}`, ...text }],
    notices: [],
  });
  if (ctx.pusher === undefined || !isPrincipal(ctx.policy, ctx.pusher, allowed)) return denied(texts.bypassNotAllowed(ctx.pusher, option));
  if (request.reason.trim() === '') return denied(texts.bypassNoReason(option));
  const notices = [texts.bypassNotice(ctx.pusher, request.reason)];
  if (violations.length > 0) notices.push(texts.bypassLifted(violations));
  return { violations: [], notices, bypass: { pusher: ctx.pusher, reason: request.reason } };
}
