import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { PolicyPerson, RefRule, SecretsConfig, ServerPolicy } from './types.js';
import { defaultTeamConfig, DEFAULT_BREAK_GLASS_OPTION, DEFAULT_IDENTITY_ENV, DEFAULT_TIMEOUT_SECONDS } from './defaults.js';
import { readKeyFile } from './read-key-file.js';
import { GitwardError } from '../errors/index.js';

/* The shapes check-value.ts guarantees for a valid policy (every key optional). */
interface RawPerson { emails?: string[]; openpgp?: string[]; ssh?: string[] }
interface RawAllow { paths?: string[]; regexes?: string[]; stopwords?: string[]; inlineComments?: boolean }
interface CleanPolicy {
  identity?: { env?: string[] };
  people?: Record<string, RawPerson>;
  groups?: Record<string, string[]>;
  refs?: RefRule[];
  content?: { maxFileSize?: number; blockedPaths?: string[]; secrets?: 'block' | 'warn' | 'off'; allow?: RawAllow; baseline?: string };
  metadata?: Record<'commitMessage' | 'authorEmail' | 'committerEmail' | 'refName', string[] | undefined>;
  breakGlass?: { option?: string; allowed?: string[] };
  audit?: { file?: string };
  timeout?: number;
}

/**
 * The typed ServerPolicy from a validated policy: reads every key file (TRUST_STORE_UNREADABLE
 * on failure), fills defaults, and computes the digest that goes into each audit record.
 * The digest is sha256 over the policy bytes, then for every key file and the baseline, in the
 * order read: NUL, the path relative to the policy, NUL, the file bytes.
 */
export async function buildServerPolicy(cleaned: unknown, source: { file: string; bytes: Buffer }): Promise<ServerPolicy> {
  const policy = cleaned as CleanPolicy;
  const hash = createHash('sha256').update(source.bytes);
  const addToDigest = (path: string, bytes: Buffer) => hash.update(`\0${relative(dirname(source.file), path)}\0`).update(bytes);
  const people = await readPeople(policy.people ?? {}, addToDigest);
  const secretsConfig = await serverSecretsConfig(policy.content ?? {}, addToDigest);
  return {
    file: source.file,
    digest: hash.digest('hex'),
    identity: { env: policy.identity?.env ?? [...DEFAULT_IDENTITY_ENV] },
    people,
    groups: policy.groups ?? {},
    refs: policy.refs ?? [],
    content: {
      ...(policy.content?.maxFileSize === undefined ? {} : { maxFileSize: policy.content.maxFileSize }),
      blockedPaths: policy.content?.blockedPaths ?? [],
      secrets: policy.content?.secrets ?? 'block',
      secretsConfig,
    },
    metadata: Object.fromEntries(Object.entries(policy.metadata ?? {}).filter(([, v]) => v !== undefined)),
    breakGlass: { option: policy.breakGlass?.option ?? DEFAULT_BREAK_GLASS_OPTION, allowed: policy.breakGlass?.allowed ?? [] },
    audit: policy.audit?.file === undefined ? {} : { file: policy.audit.file },
    timeoutSeconds: policy.timeout ?? DEFAULT_TIMEOUT_SECONDS,
  };
}

async function readPeople(raw: Record<string, RawPerson>, addToDigest: (path: string, bytes: Buffer) => void): Promise<Record<string, PolicyPerson>> {
  const people: Record<string, PolicyPerson> = {};
  // Sequential on purpose: the digest must not depend on which read finishes first.
  for (const [name, person] of Object.entries(raw)) {
    const openpgp: string[] = [];
    for (const [index, path] of (person.openpgp ?? []).entries()) {
      const key = await readKeyFile(path, { owner: `person "${name}", people.${name}.openpgp[${index}]`, armoredOpenpgp: true });
      addToDigest(path, key.bytes);
      openpgp.push(key.text);
    }
    people[name] = { emails: person.emails ?? [], openpgp, ssh: person.ssh ?? [] };
  }
  return people;
}

/**
 * A full SecretsConfig for the server: the team defaults (detectors, secretlint) with the
 * policy's own allowlist and baseline. The repository's team config is never consulted, since
 * pushers control it. `baseline` is absolute, or '' for none.
 */
async function serverSecretsConfig(content: NonNullable<CleanPolicy['content']>, addToDigest: (path: string, bytes: Buffer) => void): Promise<SecretsConfig> {
  const base = defaultTeamConfig().secrets;
  const allow = content.allow ?? {};
  if (content.baseline !== undefined) addToDigest(content.baseline, await readBaselineBytes(content.baseline));
  return {
    ...base,
    enabled: (content.secrets ?? 'block') !== 'off',
    maxFileSize: content.maxFileSize ?? base.maxFileSize,
    allow: { paths: allow.paths ?? [], regexes: allow.regexes ?? [], stopwords: allow.stopwords ?? [], inlineComments: allow.inlineComments ?? false },
    baseline: content.baseline ?? '',
  };
}

async function readBaselineBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new GitwardError('BASELINE_INVALID', `cannot read the policy's baseline ${path}`, { cause: error, data: { path } });
  }
}
