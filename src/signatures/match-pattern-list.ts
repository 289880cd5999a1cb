/**
 * ssh-keygen's `match_pattern_list`: a comma-separated list of patterns with `*` and `?` wildcards;
 * a matching `!pattern` rejects outright, otherwise any matching pattern accepts. Used for
 * allowed-signers principals and `namespaces=`. Comparison is case-insensitive here, because
 * gitward compares emails case-insensitively.
 */
export function matchesPatternList(value: string, list: string): boolean {
  const subject = value.toLowerCase();
  let matched = false;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).toLowerCase();
    if (!matchesPattern(subject, pattern)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function matchesPattern(subject: string, pattern: string): boolean {
  // Iterative glob with backtracking over the last `*`: linear-ish, no regex built from user input.
  let s = 0;
  let p = 0;
  let star = -1;
  let resume = 0;
  while (s < subject.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === subject[s])) {
      s++;
      p++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = s;
    } else if (star !== -1) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
