import type { GitContext } from './run-git.js';
import { runGit } from './run-git.js';
import { parseDiff, type DiffFile } from './parse-diff.js';
import { GitwardError } from '../errors/index.js';

export interface StagedChangesOptions {
  /** Whole staged blobs instead of only the added lines. */
  allLines?: boolean;
}

/**
 * The staged side of the next commit, read from the index (never the working tree).
 * One `git diff --cached` call: spawned git inherits GIT_INDEX_FILE, so `git commit -a` and
 * `git commit <path>`, which hand hooks a temporary index, are read correctly. With
 * `allLines`, a context size larger than any file turns the same call into whole blobs.
 */
export async function readStagedChanges(ctx: GitContext, options: StagedChangesOptions = {}): Promise<DiffFile[]> {
  const args = [
    'diff', '--cached', '--no-color', '--no-ext-diff', '--no-textconv', '--full-index',
    '-M', '--diff-filter=d', options.allLines ? '--unified=2147483647' : '--unified=0',
  ];
  const { stdout } = await runGit(ctx, args);
  return parseDiff(stdout.toString('utf8'), { withContext: options.allLines === true });
}

/** Repository root and git dir in one call (hooks pay for every spawn). */
export async function locateRepository(ctx: GitContext): Promise<{ root: string; gitDir: string }> {
  const result = await runGit(ctx, ['rev-parse', '--show-toplevel', '--absolute-git-dir'], { okExitCodes: [128] });
  const [root = '', gitDir = ''] = result.stdout.toString('utf8').trim().split('\n');
  if (result.exitCode !== 0 || !root) {
    throw new GitwardError('NOT_A_REPOSITORY', `${ctx.cwd} is not inside a git work tree`, {
      hint: 'Run this command inside a git repository, or pass files to `gitward scan <paths>`.',
    });
  }
  return { root, gitDir };
}
