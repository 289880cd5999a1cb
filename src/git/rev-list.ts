import type { GitContext } from './run-git.js';
import { runGit } from './run-git.js';

/** `ref → oid` for every ref the repository has (in pre-receive: the values before this push). */
export async function listRefs(ctx: GitContext): Promise<Map<string, string>> {
  const { stdout } = await runGit(ctx, ['for-each-ref', '--format=%(objectname) %(refname)']);
  const refs = new Map<string, string>();
  for (const line of stdout.toString('utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  return refs;
}

export interface RevisionSet {
  include: string[];
  /** Object ids to exclude; `all: true` excludes everything reachable from existing refs. */
  exclude: string[];
  excludeAllRefs?: boolean;
  /** Exclude everything reachable from this remote's tracking refs (pre-push: what the remote already has). */
  excludeRemote?: string;
}

/**
 * Commits reachable from `include` and not from `exclude`, newest first. Revisions go through
 * stdin, so no ref name or oid is ever parsed as an option and huge lists don't hit argv limits.
 */
export async function listCommits(ctx: GitContext, set: RevisionSet): Promise<string[]> {
  if (set.include.length === 0) return [];
  const input = [...set.include, ...set.exclude.map((oid) => `^${oid}`)].join('\n') + '\n';
  const not = [...(set.excludeAllRefs ? ['--all'] : []), ...(set.excludeRemote ? [`--remotes=${set.excludeRemote}`] : [])];
  const args = ['rev-list', '--stdin', ...(not.length > 0 ? ['--not', ...not] : [])];
  const { stdout } = await runGit(ctx, args, { input });
  return stdout.toString('utf8').split('\n').filter((l) => l.length > 0);
}

/** Whether `ancestor` is reachable from `descendant` (fast-forward test). */
export async function isAncestor(ctx: GitContext, ancestor: string, descendant: string): Promise<boolean> {
  const r = await runGit(ctx, ['merge-base', '--is-ancestor', ancestor, descendant], { okExitCodes: [1] });
  return r.exitCode === 0;
}

/** Object type of each oid (`commit`, `tag`, …) in one `cat-file --batch-check` call. */
export async function objectTypes(ctx: GitContext, oids: string[]): Promise<Map<string, { type: string; size: number }>> {
  const out = new Map<string, { type: string; size: number }>();
  if (oids.length === 0) return out;
  const { stdout } = await runGit(ctx, ['cat-file', '--batch-check'], { input: oids.join('\n') + '\n' });
  for (const line of stdout.toString('utf8').split('\n')) {
    const [oid = '', type = '', size = ''] = line.split(' ');
    if (type && type !== 'missing') out.set(oid, { type, size: Number(size) });
  }
  return out;
}
