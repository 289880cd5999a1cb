import micromatch from 'micromatch';

/*
 * The one wrapper around micromatch (house style §2.4). Ref globs match full ref names
 * (`refs/heads/main`), path globs match repository-relative paths. `dot: true` because dotfiles
 * (`.github/workflows/deploy.yml`, `.env`) are exactly what policies protect or block; without it
 * `**` would silently skip them.
 */
const OPTIONS: micromatch.Options = { dot: true };

/** Compiled matchers by glob: rulesForRef runs once per existing ref during a push, so compile once. */
const compiled = new Map<string, (value: string) => boolean>();

function compile(glob: string): (value: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    matcher = micromatch.matcher(glob, OPTIONS);
    compiled.set(glob, matcher);
  }
  return matcher;
}

/** A predicate that is true when the value matches any of the globs (an empty list matches nothing). */
export function globMatcher(globs: readonly string[]): (value: string) => boolean {
  const matchers = globs.map(compile);
  return (value) => matchers.some((matches) => matches(value));
}

/** Whether the value (a full ref name or a relative path) matches any of the globs. */
export function matchesAnyGlob(value: string, globs: readonly string[]): boolean {
  return globs.some((glob) => compile(glob)(value));
}
