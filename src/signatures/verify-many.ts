import type { SignatureVerdict } from '../model/index.js';
import { keyIndexFor } from './key-index.js';
import type { TrustStore } from './trust-store.js';
import { verifyItem, type SignedItem } from './verify-item.js';
import { defaultWorkerCount, verifyInPool } from './worker-pool.js';

export interface VerifyManyOptions {
  trust: TrustStore;
  now: Date;
  bindCommitter: boolean;
  /** Worker threads besides the caller's; default: one per extra core when the batch is large enough. */
  workers?: number;
}

/**
 * Below this many signatures the batch stays on the calling thread. One thread verifies ~80 µs per
 * ed25519 and ~45 µs per RSA-3072 signature (1,000 in 45–90 ms), and a worker needs ~35 ms to
 * start; on a busy 2-core host the pool measured no faster up to 4,000 signatures, so it is kept
 * for very large pushes only. Figures: bench/verify.mjs and the README's design notes.
 */
export const POOL_THRESHOLD = 2000;

/** Verifies many signed objects (a push); verdicts come back in input order, identical to `verifySignature`'s. */
export async function verifyMany(items: SignedItem[], options: VerifyManyOptions): Promise<SignatureVerdict[]> {
  const ctx = { index: keyIndexFor(options.trust), now: options.now.getTime(), bindCommitter: options.bindCommitter };
  const verifyChunk = (chunk: SignedItem[]) => chunk.map((item) => verifyItem(item, ctx));
  const signed = items.reduce((n, item) => n + (item.signature ? 1 : 0), 0);
  const workers = options.workers ?? (signed >= POOL_THRESHOLD ? defaultWorkerCount() : 0);
  if (workers <= 0) return verifyChunk(items);
  return verifyInPool({ items, trust: options.trust, now: ctx.now, bindCommitter: options.bindCommitter, workers, verifyChunk });
}
