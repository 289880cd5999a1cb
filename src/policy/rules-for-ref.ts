import type { RefRule, ServerPolicy, Strictness } from '../config/types.js';
import { matchesAnyGlob } from './ref-match.js';

/** One `protectedPaths` requirement: a commit touching a path matching `glob` must be signed by one of `owners`. */
export interface PathOwners {
  glob: string;
  owners: string[];
  /** Index into `policy.refs` of the entry that set it. */
  entry: number;
}

/** The rules that apply to one ref: every matching `refs[]` entry merged, strictest value per key. */
export interface EffectiveRefRules {
  /** True when at least one entry matches. */
  protected: boolean;
  /** Indexes into `policy.refs` of the matching entries, in policy order. */
  matched: number[];
  /** One list per entry that names pushers: the pusher must be in EVERY list. Absent = anyone. */
  pushers?: string[][];
  signedCommits: 'required' | 'optional';
  forcePush: Strictness;
  deletion: Strictness;
  creation: Strictness;
  linearHistory: boolean;
  /** Every entry's globs, not merged by glob: a path matching several needs a signer satisfying each. */
  protectedPaths: PathOwners[];
  immutable: boolean;
}

/** A ref no entry matches: only `content` and `metadata` apply to it. */
function unprotectedRules(): EffectiveRefRules {
  return {
    protected: false, matched: [], signedCommits: 'optional', forcePush: 'allow', deletion: 'allow',
    creation: 'allow', linearHistory: false, protectedPaths: [], immutable: false,
  };
}

const stricter = (a: Strictness, b: Strictness): Strictness => (a === 'deny' || b === 'deny' ? 'deny' : 'allow');

/**
 * Defaults are applied per entry, before merging: every matching entry is a complete rule, so an
 * entry that says nothing about `forcePush` still denies it. `refs/heads/**` with
 * `forcePush: allow` therefore does not re-open force pushes on `refs/heads/main` once main has an
 * entry of its own; that entry must say `forcePush: allow` too (fail-safe, and order-independent).
 */
function mergeEntry(rules: EffectiveRefRules, entry: RefRule, index: number): void {
  rules.matched.push(index);
  if (entry.pushers) rules.pushers = [...(rules.pushers ?? []), [...entry.pushers]];
  if (entry.signedCommits === 'required') rules.signedCommits = 'required';
  rules.forcePush = stricter(rules.forcePush, entry.forcePush ?? 'deny');
  rules.deletion = stricter(rules.deletion, entry.deletion ?? 'deny');
  rules.creation = stricter(rules.creation, entry.creation ?? 'allow');
  rules.linearHistory ||= entry.linearHistory === true;
  rules.immutable ||= entry.immutable === true;
  for (const [glob, owners] of Object.entries(entry.protectedPaths ?? {})) rules.protectedPaths.push({ glob, owners: [...owners], entry: index });
}

/** The effective rules for a full ref name (`refs/heads/main`, `refs/tags/v1.0.0`). */
export function rulesForRef(policy: Pick<ServerPolicy, 'refs'>, ref: string): EffectiveRefRules {
  const rules = unprotectedRules();
  policy.refs.forEach((entry, index) => {
    if (matchesAnyGlob(ref, [entry.match])) mergeEntry(rules, entry, index);
  });
  rules.protected = rules.matched.length > 0;
  return rules;
}
