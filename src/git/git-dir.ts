import type { GitContext } from './run-git.js';
import { runGit } from './run-git.js';
import { GitwardError } from '../errors/index.js';

/** Absolute git dir; works in bare repositories, where pre-receive runs. */
export async function absoluteGitDir(ctx: GitContext): Promise<string> {
  const r = await runGit(ctx, ['rev-parse', '--absolute-git-dir'], { okExitCodes: [128] });
  const dir = r.stdout.toString('utf8').trim();
  if (r.exitCode !== 0 || !dir) {
    throw new GitwardError('NOT_A_REPOSITORY', `${ctx.cwd} is not a git repository`, { hint: 'Install the hook inside a repository (e.g. <repo>.git/hooks/pre-receive).' });
  }
  return dir;
}
