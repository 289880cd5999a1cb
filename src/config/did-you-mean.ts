/** Edit distance (insert, delete, substitute; case-insensitive) between two short strings. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/**
 * The closest known key, when it is close enough to be a typo: at most 2 edits, and fewer
 * edits than half the key's length (so `a` does not suggest `audit`).
 */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key, name);
    if (distance <= 2 && distance * 2 < Math.max(key.length, name.length) && (!best || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}
