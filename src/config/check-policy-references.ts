import type { Problem } from './check-value.js';
import { joinKeyPath } from './schema-node.js';
import { messages } from './messages.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): Array<[number, string]> =>
  Array.isArray(v) ? v.flatMap((item, i): Array<[number, string]> => (typeof item === 'string' ? [[i, item]] : [])) : [];

/**
 * Cross-references in the raw policy (raw, so key paths keep the indexes people wrote): every
 * name in `pushers`, `protectedPaths`, `breakGlass.allowed` must be a person or a group, group
 * members must be people, and no name may be both. A dangling name would otherwise make a rule
 * silently unsatisfiable (or, worse, satisfiable by whoever claims that name).
 */
export function checkPolicyReferences(raw: unknown): Problem[] {
  if (!isRecord(raw)) return [];
  const people = new Set(isRecord(raw.people) ? Object.keys(raw.people) : []);
  const groups = isRecord(raw.groups) ? raw.groups : {};
  const problems: Problem[] = [];
  const known = (name: string) => people.has(name) || Object.hasOwn(groups, name);
  const checkNames = (list: unknown, keyPath: string) => {
    for (const [i, name] of entries(list)) {
      if (!known(name)) problems.push({ keyPath: joinKeyPath(keyPath, i), message: messages.unknownName(name) });
    }
  };
  for (const [group, members] of Object.entries(groups)) {
    const keyPath = joinKeyPath('groups', group);
    if (people.has(group)) problems.push({ keyPath, message: messages.nameClash(group) });
    for (const [i, name] of entries(members)) {
      if (!people.has(name)) problems.push({ keyPath: joinKeyPath(keyPath, i), message: messages.unknownPerson(name) });
    }
  }
  const refs = Array.isArray(raw.refs) ? raw.refs : [];
  refs.forEach((rule, index) => {
    if (!isRecord(rule)) return;
    const base = joinKeyPath('refs', index);
    checkNames(rule.pushers, joinKeyPath(base, 'pushers'));
    if (!isRecord(rule.protectedPaths)) return;
    for (const [glob, owners] of Object.entries(rule.protectedPaths)) checkNames(owners, joinKeyPath(joinKeyPath(base, 'protectedPaths'), glob));
  });
  if (isRecord(raw.breakGlass)) checkNames(raw.breakGlass.allowed, 'breakGlass.allowed');
  return problems;
}
