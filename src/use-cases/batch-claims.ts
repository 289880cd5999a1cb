import type { PathEntry } from '../fs/index.js';

/** Files per batch: ~0.15 MB of typical source, 1–2 ms of scanning; small enough to balance threads. */
export const BATCH_FILES = 32;

/**
 * The batch queue shared by the main thread and the workers: one counter every thread claims the
 * next batch from, so a worker never waits for the (busy) main thread to hand it work, and one
 * slot per worker holding the batch it is on, so a batch whose worker dies is not lost.
 */
export interface BatchClaims {
  /** [0]: next batch to claim; [1]: number of batches. */
  counter: Int32Array;
  /** Per worker slot: the batch being scanned, or -1. */
  current: Int32Array;
}

export function createBatchClaims(files: number, workers: number): BatchClaims {
  const counter = new Int32Array(new SharedArrayBuffer(8));
  counter[1] = Math.ceil(files / BATCH_FILES);
  const current = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, workers))).fill(-1);
  return { counter, current };
}

/** The next unclaimed batch, or undefined when all are taken; `slot` is the worker's (none for the main thread). */
export function claimBatch(claims: BatchClaims, slot?: number): number | undefined {
  const index = Atomics.add(claims.counter, 0, 1);
  const claimed = index < claims.counter[1]! ? index : undefined;
  if (slot !== undefined) Atomics.store(claims.current, slot, claimed ?? -1);
  return claimed;
}

export function batchCount(claims: BatchClaims): number {
  return claims.counter[1]!;
}

export function batchOf(entries: PathEntry[], index: number): PathEntry[] {
  return entries.slice(index * BATCH_FILES, (index + 1) * BATCH_FILES);
}
