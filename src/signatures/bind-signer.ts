import type { SignatureFormat, SignatureVerdict } from '../model/index.js';
import { matchesPatternList } from './match-pattern-list.js';
import { verdicts } from './verdicts.js';

/** Someone the trust store says holds the key that made a valid signature. */
export interface KeyHolder {
  owner: string;
  /** Lower-cased emails, or allowed-signers principal patterns. */
  principals: string[];
  patterns: boolean;
}

/**
 * The last step for a cryptographically valid signature by a usable trusted key: it counts only
 * if a holder of that key may sign for the committer (or tagger) email. `git verify-commit`
 * stops before this step, which is why any trusted key could otherwise sign as anyone.
 */
export function bindSigner(holders: KeyHolder[], key: { format: SignatureFormat; keyId: string }, email: string, bindCommitter: boolean): SignatureVerdict {
  const first = holders[0] as KeyHolder;
  if (!bindCommitter) return verdicts.good({ ...key, owner: first.owner }, email, false);
  const bound = email === '' ? undefined : holders.find((h) => mayUseEmail(h, email));
  if (bound) return verdicts.good({ ...key, owner: bound.owner }, email, true);
  return verdicts.notCommitter({ ...key, owner: first.owner }, email);
}

function mayUseEmail(holder: KeyHolder, email: string): boolean {
  if (holder.patterns) return matchesPatternList(email, holder.principals.join(','));
  return holder.principals.includes(email.toLowerCase());
}
