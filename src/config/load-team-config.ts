import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LoadedTeamConfig } from './types.js';
import { GitwardError } from '../errors/index.js';
import { defaultTeamConfig } from './defaults.js';
import { findTeamConfigFile } from './search.js';
import { messages } from './messages.js';

/**
 * Finds, reads, validates and normalizes the team config of a repository. Bad content never
 * throws: every problem comes back in `errors`/`warnings`, with `config` holding defaults where
 * values were bad. Only an explicitly named file that does not exist throws (CONFIG_NOT_FOUND).
 *
 * This module stays small on purpose: with no config file (the common case on a fresh repo) the
 * pre-commit hook pays for one readdir, and the validator, schema and extends resolver are
 * imported only when there is a file to read (README "Load cost").
 */
export async function loadTeamConfig(opts: { repoRoot: string; explicitFile?: string }): Promise<LoadedTeamConfig> {
  const repoRoot = await realpath(opts.repoRoot).catch(() => resolve(opts.repoRoot));
  if (opts.explicitFile !== undefined) {
    const file = await existingExplicitFile(opts.explicitFile);
    const { readTeamConfig } = await import('./read-team-config.js');
    return readTeamConfig({ file, ignored: [], explicit: true }, repoRoot);
  }
  const found = await findTeamConfigFile(repoRoot);
  if (found === undefined) return { config: defaultTeamConfig(), sources: [], warnings: [], errors: [] };
  const { readTeamConfig } = await import('./read-team-config.js');
  return readTeamConfig({ ...found, explicit: false }, repoRoot);
}

/** `--config FILE` (relative to the working directory): must exist; no fall-back to the search. */
async function existingExplicitFile(explicitFile: string): Promise<string> {
  const file = resolve(explicitFile);
  const isFile = await stat(file).then((s) => s.isFile(), () => false);
  if (!isFile) {
    throw new GitwardError('CONFIG_NOT_FOUND', messages.configNotFound('config file', file), {
      hint: messages.configNotFoundHint(),
      data: { file },
    });
  }
  return realpath(file);
}
