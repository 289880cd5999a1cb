import type { ServerPolicy } from '../config/types.js';

/**
 * The people a list of names stands for: a person name is that person, a group name is its
 * members. Anything else (an unknown name, a group member that is not a person) stands for
 * nobody, so a raw identity the policy does not know can never satisfy a list, whatever it is
 * called. The loader rejects dangling names; this is the second line.
 */
export function expandPrincipals(policy: Pick<ServerPolicy, 'people' | 'groups'>, names: readonly string[]): Set<string> {
  const people = new Set<string>();
  for (const name of names) {
    if (Object.hasOwn(policy.people, name)) people.add(name);
    else if (Object.hasOwn(policy.groups, name)) {
      for (const member of policy.groups[name] ?? []) if (Object.hasOwn(policy.people, member)) people.add(member);
    }
  }
  return people;
}

/** Whether the person is one of the names (directly or through a group). */
export function isPrincipal(policy: Pick<ServerPolicy, 'people' | 'groups'>, person: string | undefined, names: readonly string[]): boolean {
  return person !== undefined && expandPrincipals(policy, names).has(person);
}
