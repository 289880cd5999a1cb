import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { GitwardError } from '../errors/index.js';
import { messages } from './messages.js';

export interface PolicyLookup {
  /** `--policy FILE`. */
  explicitFile?: string;
  /** The value of GITWARD_POLICY (the CLI passes it; config/ never reads the environment itself). Empty = unset. */
  envFile?: string;
  gitDir: string;
  /** Default /etc/gitward. */
  etcDir?: string;
}

export const POLICY_NAMES = ['policy.yaml', 'policy.yml', 'policy.json'] as const;
export const DEFAULT_ETC_DIR = '/etc/gitward';

/** true: a file; false: nothing there; an error: something is there but cannot be inspected. */
async function probe(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw new GitwardError('CONFIG_INVALID', `cannot inspect policy file ${path}: ${code ?? (error as Error).message}`, { cause: error, data: { file: path } });
  }
}

/**
 * The policy file, in the contract's order: `--policy`, else GITWARD_POLICY, else
 * `<git-dir>/gitward/policy.{yaml,yml,json}`, else `<etc>/policy.{yaml,yml,json}`.
 * A file named explicitly (flag or env) must exist: no fall-through, because falling back to a
 * laxer default policy on a typo would silently weaken the server.
 */
export async function findPolicyFile(lookup: PolicyLookup): Promise<string> {
  const named = lookup.explicitFile !== undefined && lookup.explicitFile !== ''
    ? { file: lookup.explicitFile, what: '--policy file' }
    : lookup.envFile !== undefined && lookup.envFile !== '' ? { file: lookup.envFile, what: 'GITWARD_POLICY file' } : undefined;
  if (named !== undefined) {
    const file = resolve(named.file);
    if (await probe(file)) return file;
    throw new GitwardError('CONFIG_NOT_FOUND', messages.configNotFound(named.what, file), { hint: messages.configNotFoundHint(), data: { file } });
  }
  const dirs = [join(resolve(lookup.gitDir), 'gitward'), resolve(lookup.etcDir ?? DEFAULT_ETC_DIR)];
  const candidates = dirs.flatMap((dir) => POLICY_NAMES.map((name) => join(dir, name)));
  for (const candidate of candidates) {
    if (await probe(candidate)) return candidate;
  }
  throw new GitwardError('POLICY_NOT_FOUND', messages.policyNotFound(dirs.map((d) => join(d, 'policy.{yaml,yml,json}'))), {
    hint: messages.policyNotFoundHint(),
    data: { searched: candidates },
  });
}
