import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { GitwardError } from '../errors/index.js';

export interface PathContent {
  /** As given on the command line, or relative to `cwd` for files found inside a directory. */
  path: string;
  bytes?: Buffer;
  size: number;
}

/** Directories never worth scanning from the file system: git's own data and installed packages. */
const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * Reads files named on the command line, walking directories. Files over `maxBytes` are
 * returned without content so the caller can report them as skipped rather than silently clean.
 */
export async function* readPaths(cwd: string, paths: string[], maxBytes: number): AsyncGenerator<PathContent> {
  for (const given of paths) {
    const full = isAbsolute(given) ? given : join(cwd, given);
    const info = await stat(full).catch((cause: unknown) => {
      throw new GitwardError('USAGE', `cannot read ${given}: ${(cause as Error).message}`, { hint: 'Check the path.', cause });
    });
    if (info.isDirectory()) yield* walk(cwd, full, maxBytes);
    else yield await readOne(given, full, info.size, maxBytes);
  }
}

async function* walk(cwd: string, dir: string, maxBytes: number): AsyncGenerator<PathContent> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) yield* walk(cwd, full, maxBytes);
    else if (entry.isFile()) yield await readOne(relative(cwd, full), full, (await stat(full)).size, maxBytes);
  }
}

async function readOne(path: string, full: string, size: number, maxBytes: number): Promise<PathContent> {
  if (size > maxBytes) return { path, size };
  return { path, size, bytes: await readFile(full) };
}
