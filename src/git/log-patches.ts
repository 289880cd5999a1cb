import { StringDecoder } from 'node:string_decoder';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { GitContext } from './run-git.js';
import { gitText, spawnGit } from './run-git.js';
import { DiffParser, type DiffFile } from './parse-diff.js';
import { GitwardError } from '../errors/index.js';

export interface StreamPatchesOptions {
  /**
   * Revision arguments for `git log`: revisions and ranges (`A..B`, an oid), plus the
   * pseudo-options in PSEUDO_OPTIONS (`--all`, `--not`, …) for server-built lists such as
   * `[newOid, '--not', '--all']`. Any other argument starting with `-` is refused.
   */
  revs: readonly string[];
  /** Called with each commit's oid and parent count as its patch starts (progress, octopus merges). */
  onCommit?: (oid: string, parents: number) => void;
  /**
   * How merges are shown. `remerge` (default): what the resolution changed against git's own
   * automatic merge. git skips octopus merges there, so callers re-read those with `first-parent`.
   */
  merges?: 'remerge' | 'first-parent';
  /** Only the named commits, not their ancestors (`--no-walk`). */
  noWalk?: boolean;
}

/** Starts each commit in the stream. U+001E never begins a patch line (content lines carry a +/-/space prefix). */
const MARKER = '\x1e';
const PSEUDO_OPTIONS = new Set(['--all', '--not', '--branches', '--tags', '--remotes']);
const PSEUDO_PREFIXES = ['--branches=', '--tags=', '--remotes=', '--glob=', '--exclude='];
const STDERR_LIMIT = 16_384;

/**
 * Flags that fix the output whatever the user's config says (diff.noprefix, diff.relative,
 * log.showRoot, log.showSignature, diff.renames, diff.external, textconv filters). `-U0`
 * keeps only added/removed lines. `--diff-merges=remerge` shows, for each merge, what its
 * resolution changed against git's own automatic merge: content that enters through a merge
 * (an "evil" merge, a conflict resolved with new text) is scanned, while lines inherited from
 * either parent are not shown twice. Renames are detected (-M) so a moved file is not re-scanned.
 */
const LOG_FLAGS = [
  'log', '--no-color', '--no-ext-diff', '--no-textconv', '--full-index', '--unified=0', '-M', '--root',
  '--no-relative', '--src-prefix=a/', '--dst-prefix=b/', '--submodule=short', '--no-show-signature',
  '-p', '--format=%x1e%H %P',
];

/** The full argv for one streaming pass; exported for the bench and tests. */
export function logPatchesArgs(options: Pick<StreamPatchesOptions, 'revs' | 'merges' | 'noWalk'>): string[] {
  const mode = [`--diff-merges=${options.merges ?? 'remerge'}`, ...(options.noWalk ? ['--no-walk'] : [])];
  return [...LOG_FLAGS, ...mode, ...revisionArgs(options.revs)];
}

/** How many commits `streamPatches` will visit for `revs` (one fast commit walk, no diffs). */
export async function countCommits(ctx: GitContext, revs: readonly string[]): Promise<number> {
  return Number(await gitText(ctx, ['rev-list', '--count', ...revisionArgs(revs)]));
}

/** Validated revision arguments, closed with `--` so none can be taken for a path. */
function revisionArgs(revs: readonly string[]): string[] {
  if (revs.length === 0) throw new GitwardError('USAGE', 'no revisions to scan');
  let pseudo = false;
  for (const rev of revs) {
    if (rev === '' || rev.includes('\n') || rev.includes('\0')) throw new GitwardError('USAGE', 'a revision must be a non-empty single line');
    if (!rev.startsWith('-')) continue;
    if (!PSEUDO_OPTIONS.has(rev) && !PSEUDO_PREFIXES.some((p) => rev.startsWith(p))) {
      throw new GitwardError('USAGE', `'${rev}' is not a revision (revisions must not start with '-')`);
    }
    pseudo = true;
  }
  // git refuses pseudo-options after --end-of-options; every other dash argument was refused above.
  return [...(pseudo ? [] : ['--end-of-options']), ...revs, '--'];
}

/**
 * One streaming `git log -p` pass: yields the added side of every file of every commit as soon
 * as the file's patch is complete, with the commit oid stamped on it. Output is pulled through
 * the stream's async iterator, so git blocks on a full pipe while the consumer is busy and
 * memory stays bounded by one file's patch, whatever the length of the history. A non-zero exit
 * (even after many files were yielded) is a GIT_FAILED error, never a quiet partial result.
 */
export async function* streamPatches(ctx: GitContext, options: StreamPatchesOptions): AsyncGenerator<DiffFile> {
  const args = logPatchesArgs(options);
  const child = spawnGit(ctx, args);
  child.stdin.on('error', () => undefined);
  child.stdin.end();
  const exit = exitOf(child, args);
  exit.catch(() => undefined); // observed below; an early return must not leave it unhandled
  let completed = false;
  try {
    const stream = new PatchStream(options.onCommit);
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      stream.write(chunk);
      if (stream.ready.length > 0) yield* stream.ready.splice(0);
    }
    stream.end();
    await exit; // throws before the last file: a truncated stream must not look complete
    completed = true;
    yield* stream.ready.splice(0);
  } finally {
    if (!completed && child.exitCode === null) child.kill('SIGTERM');
  }
}

/** Turns raw `git log` bytes into lines, and lines into finished DiffFiles per commit. */
class PatchStream {
  readonly ready: DiffFile[] = [];
  private readonly decoder = new StringDecoder('utf8');
  private partial: string[] = [];
  private parser: DiffParser | undefined;

  constructor(private readonly onCommit?: (oid: string, parents: number) => void) {}

  write(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    let start = 0;
    let end = text.indexOf('\n');
    if (end !== -1 && this.partial.length > 0) {
      // A line split across chunks: joined once, so a very long line costs linear time.
      this.partial.push(text.slice(0, end));
      this.line(this.partial.join(''));
      this.partial = [];
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    for (; end !== -1; start = end + 1, end = text.indexOf('\n', start)) this.line(text.slice(start, end));
    if (start < text.length) this.partial.push(text.slice(start));
  }

  end(): void {
    const rest = this.partial.join('') + this.decoder.end();
    if (rest.length > 0) this.line(rest);
    this.partial = [];
    if (this.parser) this.ready.push(...this.parser.finish());
    this.parser = undefined;
  }

  private line(line: string): void {
    if (line.startsWith(MARKER)) {
      if (this.parser) this.ready.push(...this.parser.finish());
      const [oid = '', ...parents] = line.slice(MARKER.length).split(' ');
      this.parser = new DiffParser(oid);
      this.onCommit?.(oid, parents.filter(Boolean).length);
    } else if (this.parser) {
      this.parser.push(line);
      // A file is complete only when the next `diff --git` header starts another one.
      if (line.charCodeAt(0) === 100 /* d */) this.ready.push(...this.parser.take());
    }
  }
}

/** Settles when git exits: resolves on success, rejects with GIT_FAILED (and git's stderr) otherwise. */
function exitOf(child: ChildProcessWithoutNullStreams, args: readonly string[]): Promise<void> {
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_LIMIT);
  });
  return new Promise((resolve, reject) => {
    child.on('error', (cause) => reject(new GitwardError('GIT_FAILED', `could not run git: ${cause.message}`, { hint: 'Is git installed and on PATH?', cause })));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const why = signal ? `killed by ${signal}` : `exit ${code ?? 'unknown'}`;
      const fatal = stderr.split('\n').find((l) => l.startsWith('fatal:') || l.startsWith('error:')) ?? stderr.trim().split('\n')[0] ?? '';
      reject(new GitwardError('GIT_FAILED', `git log failed (${why}): ${fatal}`, { data: { args, exitCode: code, stderr } }));
    });
  });
}
