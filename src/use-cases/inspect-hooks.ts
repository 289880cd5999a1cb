import { join } from 'node:path';
import type { GitContext, ConfigEntries } from '../git/index.js';
import { locateRepository, gitText, expandConfigPath, readConfigEntries } from '../git/index.js';
import { inspectHookFiles, type HookFileStatus } from '../install/index.js';

export type { HookFileStatus } from '../install/index.js';

export interface HooksReport {
  /** The directory git runs hooks from, and why. */
  hooksDir: string;
  source: string;
  hooks: HookFileStatus[];
}

/**
 * Whether `git commit` / `git push` in this clone will run gitward: where git looks for hooks
 * (core.hooksPath, relative to the work tree, or `<git-common-dir>/hooks`) and what is there.
 * `entries` lets doctor reuse the config it already read.
 */
export async function inspectHooks(input: { ctx: GitContext; entries?: ConfigEntries }): Promise<HooksReport> {
  const { root } = await locateRepository(input.ctx);
  const entries = input.entries ?? (await readConfigEntries(input.ctx, '^core\\.hookspath$'));
  const entry = entries.get('core.hookspath');
  if (entry?.value) {
    const hooksDir = expandConfigPath(entry.value, { home: input.ctx.env.HOME, cwd: root });
    return { hooksDir, source: `core.hooksPath = ${entry.value} (${entry.scope}, ${entry.origin})`, hooks: await inspectHookFiles(hooksDir) };
  }
  const common = await gitText({ ...input.ctx, cwd: root }, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
  const hooksDir = join(common, 'hooks');
  return { hooksDir, source: 'git\'s default hooks directory (core.hooksPath is not set)', hooks: await inspectHookFiles(hooksDir) };
}
