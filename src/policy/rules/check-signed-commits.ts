import type { SignatureVerdict, Violation } from '../../model/index.js';
import { SIGNATURE_CODES, texts } from '../messages.js';
import { refCommitViolation, type RefContext } from '../rule-context.js';

/**
 * `signedCommits: required`: every commit the ref gains must have a `good` verdict (verified,
 * trusted, bound to its committer); otherwise the code names what is wrong. An annotated tag
 * pushed to such a ref must be signed `good` itself too: the tag object is what people check
 * out by name, so an unsigned tag over signed commits could still point anywhere it likes.
 */
export function checkSignedCommits(ctx: RefContext): Violation[] {
  if (ctx.rules.signedCommits !== 'required') return [];
  const violations: Violation[] = [];
  const tag = ctx.pushed.tag;
  if (tag && tag.verdict.status !== 'good') {
    violations.push(signatureViolation(ctx, 'tag', tag.info.oid, tag.verdict, tag.info.tagger?.email ?? ''));
  }
  for (const oid of ctx.pushed.commits) {
    const { commit, verdict } = ctx.commit(oid);
    if (verdict.status !== 'good') violations.push(signatureViolation(ctx, 'commit', oid, verdict, commit.committer.email));
  }
  return violations;
}

function signatureViolation(ctx: RefContext, what: 'commit' | 'tag', oid: string, verdict: SignatureVerdict, email: string): Violation {
  const status = verdict.status as keyof typeof SIGNATURE_CODES;
  // Fixes name the policy entry to edit: the key owner for a binding problem, else the pusher.
  const owner = status === 'not-committer' ? verdict.signer : ctx.pusher;
  const you = owner !== undefined && Object.hasOwn(ctx.policy.people, owner) ? owner : '<you>';
  return refCommitViolation(ctx, oid, SIGNATURE_CODES[status], texts.signature(what, oid, verdict, you, email));
}
