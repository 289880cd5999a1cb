import { GitwardError } from '../errors/index.js';

const compiled = new Map<string, RegExp>();

function compile(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    try {
      regex = new RegExp(pattern, flags);
    } catch (error) {
      throw new GitwardError('CONFIG_INVALID', `metadata pattern /${pattern}/ is not a valid regular expression`, { cause: error, data: { pattern } });
    }
    compiled.set(key, regex);
  }
  return regex;
}

/**
 * The `metadata` patterns the value does not match (empty = it passes: ALL must match).
 * Patterns are unanchored JavaScript regexes; one that wants a whole-value match says `^…$`.
 * `ignoreCase` is for emails, which compare case-insensitively everywhere.
 */
export function failingPatterns(value: string, patterns: readonly string[] | undefined, options: { ignoreCase?: boolean } = {}): string[] {
  // No `g`/`y` flag, so test() keeps no lastIndex state between values.
  return (patterns ?? []).filter((pattern) => !compile(pattern, options.ignoreCase ? 'i' : '').test(value));
}
