import { promises as fsp, type Stats } from 'node:fs';
import { basename, dirname, join, normalize, resolve } from 'node:path';

type ErrnoError = NodeJS.ErrnoException;

const isNotFound = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as ErrnoError)?.code ?? '');

/**
 * isomorphic-git probes `readFile()` with no path twice per call to tell promise style; one shared
 * error answers that without building a stack trace each time (7 µs × 2 per object read).
 */
const NO_PATH: ErrnoError = Object.assign(new Error('EINVAL: no path given'), { code: 'EINVAL' });

function notFoundError(path: string): ErrnoError {
  return Object.assign(new Error(`ENOENT: no such file or directory in any object directory, '${path}'`), { code: 'ENOENT', path });
}

function readOnly(method: string): ErrnoError {
  return Object.assign(new Error(`EROFS: the quarantine overlay is read-only (${method})`), { code: 'EROFS' });
}

/**
 * A read-only, promise-style `fs` for isomorphic-git that makes `<gitdir>/objects` the union of
 * several object directories. isomorphic-git only ever looks in `<gitdir>/objects`, but during
 * pre-receive the pushed objects sit in git's quarantine (GIT_OBJECT_DIRECTORY) and the old ones
 * in the real store (GIT_ALTERNATE_OBJECT_DIRECTORIES). Paths under `<gitdir>/objects/` are tried
 * in each directory in order; `readdir` merges the listings, so isomorphic-git finds the
 * quarantine's packs beside the repository's. Other paths (refs, config) pass straight through.
 *
 * Every method is `async`: isomorphic-git calls `readFile()` with no arguments and treats the
 * fs as promise-style only if that returns a promise, so a synchronous throw would make it wrap
 * these methods as callback-style and hang.
 */
export class QuarantineFs {
  private readonly objectsRoot: string;
  private readonly objectDirs: readonly string[];
  /** Directory listings under the object directories, read once: see listing(). */
  private readonly listings = new Map<string, Promise<Set<string> | undefined>>();
  private readonly gitdir: string;
  /** isomorphic-git stats the gitdir on every call (to detect a `.git` file); once is enough here. */
  private gitdirStat: Promise<Stats> | undefined;

  /** `objectDirs` comes from objectDirectories(); the first one that has a file wins. */
  constructor(gitdir: string, objectDirs: readonly string[]) {
    this.gitdir = resolve(gitdir);
    this.objectsRoot = join(this.gitdir, 'objects');
    this.objectDirs = objectDirs.length > 0 ? objectDirs : [this.objectsRoot];
  }

  async readFile(path: string, options?: unknown): Promise<Buffer | string> {
    if (typeof path !== 'string') throw NO_PATH;
    return this.first(path, (p) => fsp.readFile(p, options as BufferEncoding | undefined));
  }

  async stat(path: string): Promise<Stats> {
    if (path === this.gitdir) return (this.gitdirStat ??= fsp.stat(path));
    return this.first(path, (p) => fsp.stat(p));
  }

  async lstat(path: string): Promise<Stats> {
    return this.first(path, (p) => fsp.lstat(p));
  }

  async readlink(path: string): Promise<string> {
    return this.first(path, (p) => fsp.readlink(p));
  }

  /** Union of the listings; not-found only when no directory has it. */
  async readdir(path: string): Promise<string[]> {
    const candidates = this.candidates(path);
    if (candidates.length === 1) return fsp.readdir(candidates[0] as string);
    const listings = await Promise.all(candidates.map((dir) => this.listing(dir)));
    const present = listings.filter((l): l is Set<string> => l !== undefined);
    if (present.length === 0) throw notFoundError(path);
    return [...new Set(present.flatMap((l) => [...l]))];
  }

  async writeFile(): Promise<never> {
    throw readOnly('writeFile');
  }

  async mkdir(): Promise<never> {
    throw readOnly('mkdir');
  }

  async rmdir(): Promise<never> {
    throw readOnly('rmdir');
  }

  async unlink(): Promise<never> {
    throw readOnly('unlink');
  }

  async symlink(): Promise<never> {
    throw readOnly('symlink');
  }

  /** Where a path may really be: one place, or one per object directory for `<gitdir>/objects/…`. */
  private candidates(path: string): string[] {
    const full = normalize(path);
    if (full === this.objectsRoot) return [...this.objectDirs];
    if (!full.startsWith(`${this.objectsRoot}/`)) return [full];
    const rest = full.slice(this.objectsRoot.length);
    return this.objectDirs.map((dir) => dir + rest);
  }

  /** The first directory that has `path`; a real error (EACCES, EIO) stops the search and fails. */
  private async first<T>(path: string, op: (real: string) => Promise<T>): Promise<T> {
    const candidates = this.candidates(path);
    if (candidates.length === 1) return op(candidates[0] as string);
    for (const candidate of candidates) {
      // Skip directories whose listing lacks the name: a failed open per directory per object
      // doubled isomorphic-git's read time in a quarantine (bench/object-read.mjs).
      if (!(await this.listing(dirname(candidate)))?.has(basename(candidate))) continue;
      try {
        return await op(candidate);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    throw notFoundError(path);
  }

  /**
   * A directory's names, read once per overlay. The overlay is a snapshot for one hook run: the
   * quarantine does not change while the hook runs, and an object that vanishes (a concurrent
   * repack of the real store) makes the read fail, never return something else.
   */
  private listing(dir: string): Promise<Set<string> | undefined> {
    let entry = this.listings.get(dir);
    if (!entry) {
      entry = fsp.readdir(dir).then((names) => new Set(names), (error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      this.listings.set(dir, entry);
    }
    return entry;
  }
}
