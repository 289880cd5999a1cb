import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { unquotePath } from './unquote-path.js';

/** git follows `objects/info/alternates` chains this deep (object-file.c), and so do we. */
const MAX_ALTERNATE_DEPTH = 5;

export interface ObjectDirectoryOptions {
  /** Absolute git dir (`$GIT_DIR`; in pre-receive, the bare repository). */
  gitdir: string;
  /** The hook's environment, as a plain object (only cli/ reads the real one). */
  env: Record<string, string | undefined>;
  /** Base for relative env paths; git resolves them against its cwd, which is the hook's cwd. Default: gitdir. */
  cwd?: string;
}

/**
 * Splits an alternates list the way git's parse_alt_odb_entry() does: entries separated by `sep`
 * (`:` in GIT_ALTERNATE_OBJECT_DIRECTORIES, newline in `info/alternates`), `#` starts a comment
 * entry, an entry starting with `"` is C-quoted (git quotes a path that contains `:`), and badly
 * quoted entries are taken literally. Empty entries are skipped.
 */
export function parseAlternates(list: string, sep: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < list.length) {
    const quotedEnd = list[i] === '"' ? closingQuote(list, i) : -1;
    if (quotedEnd !== -1) {
      out.push(unquotePath(list.slice(i, quotedEnd + 1)));
      i = quotedEnd + 2; // git skips exactly one character after the closing quote: the separator
      continue;
    }
    const next = list.indexOf(sep, i);
    const end = next === -1 ? list.length : next;
    const entry = list.slice(i, end);
    if (entry.length > 0 && !entry.startsWith('#')) out.push(entry);
    i = end + 1;
  }
  return out;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/**
 * Every object directory git itself would search, most specific first: the quarantine
 * (GIT_OBJECT_DIRECTORY / GIT_QUARANTINE_PATH), `<gitdir>/objects`, GIT_ALTERNATE_OBJECT_DIRECTORIES,
 * then the `info/alternates` chain of each (object pools, `clone --shared`). Absolute, no duplicates.
 */
export async function objectDirectories(options: ObjectDirectoryOptions): Promise<string[]> {
  const base = options.cwd ?? options.gitdir;
  const { env } = options;
  const fromEnv = [env.GIT_OBJECT_DIRECTORY, env.GIT_QUARANTINE_PATH].filter((p): p is string => Boolean(p));
  const alternates = parseAlternates(env.GIT_ALTERNATE_OBJECT_DIRECTORIES ?? '', ':');
  const seeds = [...fromEnv, join(options.gitdir, 'objects'), ...alternates].map((p) => resolve(base, p));
  const found: string[] = [];
  let level = seeds;
  for (let depth = 0; level.length > 0 && depth <= MAX_ALTERNATE_DEPTH; depth++) {
    const fresh = [...new Set(level)].filter((dir) => !found.includes(dir));
    found.push(...fresh);
    level = (await Promise.all(fresh.map(readAlternatesFile))).flat();
  }
  return found;
}

/** Entries of `<dir>/info/alternates`; relative ones are relative to `dir`, as in git. */
async function readAlternatesFile(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(dir, 'info/alternates'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  return parseAlternates(text.replace(/\r/g, ''), '\n').map((p) => resolve(dir, p));
}
