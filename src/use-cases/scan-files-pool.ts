import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SecretsConfig } from '../config/types.js';
import type { PathEntry } from '../fs/index.js';
import type { BatchResult, BatchScanner } from './scan-file-batch.js';
import { batchCount, batchOf, claimBatch, createBatchClaims, type BatchClaims } from './batch-claims.js';
import type { ScanWorkerSetup } from './scan-files-worker.js';

/**
 * Main-thread work a worker must be able to take over to pay for itself: it needs ~50 ms (thread,
 * modules, rule compilation) and a few batches of JIT warm-up, and it slows the main thread a
 * little (memory bandwidth, a shared core on a loaded machine). Measured on a 2-core VM: a
 * 2,000-file, 8.6 MB tree (~100 ms of scanning) came out slower with a worker, a 5,700-file,
 * 78 MB one (~450 ms) 15-25% faster.
 */
export const MIN_WORK_PER_WORKER_MS = 150;
/** How long the main thread scans alone before it judges, from its own pace, whether workers pay. */
export const PLAN_AFTER_MS = 40;

export interface PoolJob {
  entries: PathEntry[];
  config: SecretsConfig;
  baseline?: ReadonlySet<string>;
  /** Extra threads besides the caller's, at most. */
  maxWorkers: number;
  /** 0: start `maxWorkers` at once; otherwise plan after this long (see `workersWorthStarting`). */
  planAfterMs: number;
  /** The caller's own scanner, for the batches the main thread takes itself. */
  scanBatch: BatchScanner;
}

/** Extra threads the machine can spare: its idle cores by the 1-minute load average, less the caller's, at most 7. */
export function spareThreads(): number {
  const cores = Math.min(availableParallelism(), 8);
  return Math.max(0, Math.min(cores - 1, Math.round(cores - (loadavg()[0] ?? 0))));
}

/** Workers that pay for themselves, from the main thread's pace so far: one per MIN_WORK_PER_WORKER_MS left. */
export function workersWorthStarting(elapsedMs: number, batchesDone: number, batchesLeft: number, maxWorkers: number): number {
  const leftMs = (elapsedMs / Math.max(1, batchesDone)) * batchesLeft;
  return Math.max(0, Math.min(maxWorkers, Math.floor(leftMs / MIN_WORK_PER_WORKER_MS)));
}

/**
 * Scans the batches of `entries` on the calling thread and, when the tree is big enough, worker
 * threads, all claiming from one shared counter. The caller starts at once and only then decides
 * on workers from its own pace, so small trees never pay for a thread. A batch a worker could
 * not finish (a read error, a dead worker) is scanned again by the caller, so results are always
 * complete, in batch order, and a real read error surfaces from the caller as without workers.
 */
export async function scanInPool(job: PoolJob): Promise<BatchResult[]> {
  const claims = createBatchClaims(job.entries.length, job.maxWorkers);
  const state: PoolState = { results: new Array<BatchResult | undefined>(batchCount(claims)), retry: [], live: new Set(), wake: undefined };
  const start = (count: number) => {
    for (let slot = 0; slot < count; slot++) state.live.add(startWorker(job, claims, slot, state));
  };
  let planned = job.maxWorkers === 0 || job.planAfterMs === 0;
  if (job.planAfterMs === 0) start(job.maxWorkers);
  const began = performance.now();
  try {
    let done = 0;
    for (let index = claimBatch(claims); index !== undefined; index = claimBatch(claims)) {
      state.results[index] = await job.scanBatch(batchOf(job.entries, index));
      done++;
      const elapsed = performance.now() - began;
      if (planned || elapsed < job.planAfterMs) continue;
      planned = true;
      start(workersWorthStarting(elapsed, done, batchCount(claims) - Atomics.load(claims.counter, 0), job.maxWorkers));
    }
    return await collect(job, state);
  } finally {
    await Promise.all([...state.live].map((w) => w.terminate()));
  }
}

/** What is left was claimed by workers: wait for them, and scan what they give back. */
async function collect(job: PoolJob, state: PoolState): Promise<BatchResult[]> {
  for (;;) {
    if (state.live.size === 0) state.retry.push(...missing(state.results)); // none left to deliver the rest
    const index = state.retry.shift();
    if (index !== undefined) state.results[index] ??= await job.scanBatch(batchOf(job.entries, index));
    else if (!state.results.includes(undefined)) return state.results as BatchResult[];
    else await new Promise<void>((resolve) => (state.wake = resolve));
  }
}

interface PoolState {
  results: Array<BatchResult | undefined>;
  /** Batches a worker gave back (read error) or left behind (died). */
  retry: number[];
  live: Set<Worker>;
  /** Wakes `collect` when a worker reports or exits. */
  wake: (() => void) | undefined;
}

function missing(results: Array<BatchResult | undefined>): number[] {
  return results.flatMap((r, i) => (r ? [] : [i]));
}

function startWorker(job: PoolJob, claims: BatchClaims, slot: number, state: PoolState): Worker {
  const setup: ScanWorkerSetup = { config: job.config, entries: job.entries, claims, slot, ...(job.baseline ? { baseline: [...job.baseline] } : {}) };
  const worker = spawnScanWorker(setup);
  worker.on('message', (reply: { index: number; result?: BatchResult; failed?: true }) => {
    if (reply.result) state.results[reply.index] ??= reply.result;
    else state.retry.push(reply.index);
    state.wake?.();
  });
  const gone = () => {
    if (!state.live.delete(worker)) return;
    const current = Atomics.load(claims.current, slot);
    if (current >= 0 && !state.results[current]) state.retry.push(current);
    state.wake?.();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  return worker;
}

/**
 * From dist/ (and dist/bundle/, where the build emits the worker as its own entry next to the
 * chunk that holds this code) the worker is plain JS beside this file. Under tsx (tests) a worker
 * does not inherit tsx's loader, so it registers it first; that path is never taken from dist/.
 * tsx's ESM API is resolved with `import.meta.resolve`: the CommonJS one that `require.resolve`
 * finds fails to register inside a worker (ERR_MODULE_NOT_FOUND …/esm/api/esm/index.mjs).
 */
function spawnScanWorker(workerData: ScanWorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./scan-files-worker.js', here), { workerData });
  const entry = new URL('./scan-files-worker.ts', here).href;
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}
