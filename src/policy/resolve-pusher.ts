import type { ServerPolicy } from '../config/types.js';

/**
 * Who is pushing: the first non-empty variable of `policy.identity.env` (the loader fills the
 * default list; a policy that names its own list replaces it), mapped to a policy person.
 * Values are trimmed: a variable holding only blanks names nobody.
 */
export function resolvePusher(policy: Pick<ServerPolicy, 'identity' | 'people'>, env: Record<string, string | undefined>): string | undefined {
  for (const name of policy.identity.env) {
    const raw = env[name]?.trim();
    if (raw) return identifyPerson(policy, raw);
  }
  return undefined;
}

/**
 * A raw identity as a person name: the person of that exact name, else the first person (in
 * policy order) whose emails contain it, compared case-insensitively; else the raw identity
 * itself, which then matches no person or group (see expandPrincipals). Idempotent.
 */
export function identifyPerson(policy: Pick<ServerPolicy, 'people'>, raw: string): string {
  if (Object.hasOwn(policy.people, raw)) return raw;
  const wanted = raw.toLowerCase();
  for (const [name, person] of Object.entries(policy.people)) {
    if (person.emails.some((email) => email.toLowerCase() === wanted)) return name;
  }
  return raw;
}
