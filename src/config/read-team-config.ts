import { extname } from 'node:path';
import type { ConfigProblem, LoadedTeamConfig } from './types.js';
import { defaultTeamConfig } from './defaults.js';
import { readConfigFile, describeLoadError, type ReadResult } from './read-config-file.js';
import { collectLayers, displayPath } from './collect-layers.js';
import { buildTeamConfig } from './validate.js';
import { messages } from './messages.js';

export interface LocatedConfig {
  /** Absolute path of the config file (the search winner, or `--config`). */
  file: string;
  /** Other config files in the repository root, ignored. */
  ignored: string[];
  /** Named by `--config`: read as is, no search. */
  explicit: boolean;
}

/** Reads a located config file with its `extends` graph into a LoadedTeamConfig (problems collected). */
export async function readTeamConfig(located: LocatedConfig, repoRoot: string): Promise<LoadedTeamConfig> {
  const display = displayPath(located.file, repoRoot);
  const warnings: ConfigProblem[] = located.ignored.length === 0 ? [] : [{ file: display, keyPath: '', message: messages.severalConfigFiles(display, located.ignored) }];
  const { file, read } = await readRoot(located, repoRoot);
  if (!read.ok) {
    const error = { file: displayPath(file, repoRoot), keyPath: '', message: messages.parseFailed(read.message) };
    return { config: defaultTeamConfig(), sources: [file], warnings, errors: [error] };
  }
  const collected = await collectLayers({ file, raw: read.raw }, { repoRoot });
  return {
    config: buildTeamConfig(collected.layers),
    sources: collected.sources,
    warnings: [...warnings, ...collected.warnings],
    errors: collected.errors,
  };
}

/**
 * JSON configs (and `--config` files) are read directly; the other kinds found by the search go
 * through cosmiconfig's search (searchStrategy `none`, same SEARCH_PLACES), which picks the same
 * file and runs its loaders.
 */
async function readRoot(located: LocatedConfig, repoRoot: string): Promise<{ file: string; read: ReadResult }> {
  if (located.explicit || extname(located.file) === '.json') return { file: located.file, read: await readConfigFile(located.file) };
  const { searchWithCosmiconfig } = await import('./cosmiconfig-loader.js');
  try {
    const result = await searchWithCosmiconfig(repoRoot);
    if (result === null) return { file: located.file, read: { ok: true, raw: undefined } };
    return { file: result.filepath, read: { ok: true, raw: result.config } };
  } catch (error) {
    return { file: (error as { filepath?: string }).filepath ?? located.file, read: { ok: false, message: describeLoadError(error) } };
  }
}
