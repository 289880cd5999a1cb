import type { Confidence } from '../model/index.js';
import type { KeyKind } from './key-names.js';

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower, upper, digit and other characters occur. */
export function charClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

/**
 * Names rather than secrets: kebab/snake/dotted lower case (`my-app-db-password`), Title-Case
 * (`Vault-Kv-Secrets`), UPPER_SNAKE (`DB_PASSWORD` as a value) and camelCase (`secretValue`).
 */
export function isWordLike(value: string): boolean {
  return /^[a-z]+([-_. ][a-z]+)+$/.test(value) || /^[A-Z][a-z]+([-_. ]?[A-Z][a-z]+)+$/.test(value) || /^[A-Z]+(_[A-Z]+)+$/.test(value)
    || /^[a-z]+([A-Z][a-z]+)+$/.test(value);
}

/**
 * Character statistics of an assigned value → a confidence, or undefined (not a secret).
 * Entropy is compared with a share of its maximum for the length (log2 n), so short values are
 * not held to a bar they cannot reach. Thresholds were tuned on the corpus (README, accuracy).
 */
export function scoreValue(value: string, kind: KeyKind): Confidence | undefined {
  const minLength = kind === 'password' ? 8 : 12;
  if (value.length < minLength || value.length > 4096 || isWordLike(value)) return undefined;
  const entropy = shannonEntropy(value);
  const classes = charClasses(value);
  const ceiling = Math.log2(value.length);
  if (classes < 2 || entropy < Math.min(3.0, 0.8 * ceiling)) return undefined;
  const strong = kind === 'password'
    ? value.length >= 12 && classes >= 3 && entropy >= Math.min(3.3, 0.85 * ceiling)
    : value.length >= 20 && entropy >= Math.min(3.8, 0.85 * ceiling);
  return strong ? 'medium' : 'low';
}
