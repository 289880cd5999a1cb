import type { ChangedPath, Violation } from '../../model/index.js';
import { expandPrincipals } from '../expand-principals.js';
import { texts } from '../messages.js';
import { globMatcher } from '../ref-match.js';
import type { RefContext } from '../rule-context.js';

/**
 * `protectedPaths`: a commit the ref gains that touches a path matching a glob must be signed
 * `good` by one of that glob's owners. Every requirement is checked on its own, so a path under
 * two globs (or the same glob from two entries) needs a signer satisfying each. One violation
 * per commit and requirement, naming the first matching path, keeps a 500-file change readable.
 */
export function checkProtectedPaths(ctx: RefContext): Violation[] {
  const requirements = ctx.rules.protectedPaths.map((r) => ({ ...r, matches: globMatcher([r.glob]), people: expandPrincipals(ctx.policy, r.owners) }));
  if (requirements.length === 0) return [];
  const violations: Violation[] = [];
  for (const oid of ctx.pushed.commits) {
    const { verdict, changes } = ctx.commit(oid);
    const touched = changes.flatMap(touchedPaths);
    for (const requirement of requirements) {
      const hits = touched.filter(requirement.matches);
      const first = hits[0];
      if (first === undefined) continue;
      if (verdict.status === 'good' && verdict.signer !== undefined && requirement.people.has(verdict.signer)) continue;
      violations.push({
        code: 'PROTECTED_PATH',
        subject: first,
        ref: ctx.pushed.update.ref,
        commit: oid,
        ...texts.protectedPath(first, new Set(hits).size - 1, requirement.glob, requirement.owners, verdict),
      });
    }
  }
  return violations;
}

/** Add, modify, delete and mode change touch `path`; a rename touches both ends; a copy leaves its source alone. */
function touchedPaths(change: ChangedPath): string[] {
  return change.status === 'R' && change.oldPath !== undefined ? [change.oldPath, change.path] : [change.path];
}
