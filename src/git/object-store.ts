import type { GitContext } from './run-git.js';
import type { GitObject } from './object-reader.js';
import { ObjectReader } from './object-reader.js';
import { IsoObjectReader } from './iso-object-reader.js';

/** What every object reader offers: raw object bytes by id, in request order, and a way to let go. */
export interface ObjectStore {
  read(oid: string): Promise<GitObject>;
  close(): void;
}

export type ObjectBackend = 'cat-file' | 'isomorphic-git';

export interface OpenObjectStoreOptions {
  /** How many objects the caller expects to read; picks the backend. */
  expected: number;
  /** Overrides the measured choice (tests, bench). */
  backend?: ObjectBackend;
}

/**
 * Largest read for which isomorphic-git is chosen: none. Measured with bench/object-read.mjs
 * (quarantine-shaped repo, 2 cores): warm, isomorphic-git reads 1–10 commits in 0.6–3 ms against
 * 4–7 ms for a cat-file spawn, but from 100 commits up it is 2–5× slower; and a hook is a fresh
 * process, where loading isomorphic-git (~40 ms) costs more than the spawn it saves, so it is
 * 3–10× slower at every N, with 5–55 MiB more RSS. Raise this only with new measurements.
 */
export const ISO_GIT_MAX_OBJECTS = 0;

/** The backend for a read of `expected` objects. */
export function objectBackendFor(expected: number): ObjectBackend {
  return expected > 0 && expected <= ISO_GIT_MAX_OBJECTS ? 'isomorphic-git' : 'cat-file';
}

/**
 * One object-reading interface over two implementations, both quarantine-aware: cat-file
 * through the environment git gives the hook, isomorphic-git through QuarantineFs.
 */
export async function openObjectStore(ctx: GitContext, options: OpenObjectStoreOptions): Promise<ObjectStore> {
  const backend = options.backend ?? objectBackendFor(options.expected);
  return backend === 'isomorphic-git' ? IsoObjectReader.open(ctx) : new ObjectReader(ctx);
}
