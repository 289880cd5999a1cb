import type { CliIo } from './io.js';
import type { TeamConfig } from '../config/types.js';
import { locateRepository, type GitContext } from '../git/index.js';
import { loadTeamConfig, formatProblem, readBaseline } from '../config/index.js';
import { GitwardError } from '../errors/index.js';
import { isAbsolute, join } from 'node:path';

export interface TeamContext {
  ctx: GitContext;
  root: string;
  config: TeamConfig;
  baseline: ReadonlySet<string>;
  /** Config warnings, already formatted for a human. */
  warnings: string[];
}

/**
 * Repository, team config and baseline for a client command. Config errors stop the command
 * with every problem listed (exit 2), not just the first.
 */
export async function loadTeamContext(io: CliIo, options: { configFile?: string; requireRepo: boolean }): Promise<TeamContext> {
  const ctx: GitContext = { cwd: io.cwd, env: io.env };
  const root = await repositoryRoot(ctx, options.requireRepo);
  const loaded = await loadTeamConfig({ repoRoot: root, ...(options.configFile ? { explicitFile: options.configFile } : {}) });
  if (loaded.errors.length > 0) {
    const list = loaded.errors.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new GitwardError('CONFIG_INVALID', `the team config has ${loaded.errors.length} error(s):\n${list}`, {
      hint: 'Fix the keys above; `gitward.schema.json` gives editors autocompletion.',
    });
  }
  const baselinePath = isAbsolute(loaded.config.secrets.baseline) ? loaded.config.secrets.baseline : join(root, loaded.config.secrets.baseline);
  const baseline = await readBaseline(baselinePath);
  return { ctx, root, config: loaded.config, baseline, warnings: loaded.warnings.map((w) => formatProblem(w)) };
}

async function repositoryRoot(ctx: GitContext, required: boolean): Promise<string> {
  try {
    return (await locateRepository(ctx)).root;
  } catch (error) {
    if (required) throw error;
    return ctx.cwd;
  }
}
