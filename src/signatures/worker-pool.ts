import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { SignatureVerdict } from '../model/index.js';
import { packChunk } from './chunk-message.js';
import type { TrustStore } from './trust-store.js';
import type { SignedItem } from './verify-item.js';

/** Items per message: big enough to amortize postMessage, small enough to balance the threads. */
const CHUNK = 64;

export interface PoolJob {
  items: SignedItem[];
  trust: TrustStore;
  now: number;
  bindCommitter: boolean;
  /** Extra threads besides the caller's. */
  workers: number;
  /** The in-thread verifier, for the chunks the main thread takes itself. */
  verifyChunk: (items: SignedItem[]) => SignatureVerdict[];
}

export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(availableParallelism(), 8) - 1);
}

/**
 * Shares chunks between the calling thread and `workers` worker threads. The caller starts
 * verifying at once while the workers boot (~40 ms), so a pool never makes a batch slower by
 * much; a worker that fails is dropped and its chunk goes back to the queue, so results are
 * always complete and identical to the in-thread path.
 */
export async function verifyInPool(job: PoolJob): Promise<SignatureVerdict[]> {
  const board = new ChunkBoard(job.items);
  const workers = Array.from({ length: job.workers }, () => startWorker(job, board));
  try {
    while (!board.finished) {
      const start = board.take();
      if (start === undefined) {
        await board.changed(); // workers hold the remaining chunks
        continue;
      }
      board.store(start, job.verifyChunk(board.slice(start)));
      await yieldToEvents(); // let worker replies in, and hand them the next chunk
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return board.results;
}

/** The chunks still to do, the verdicts so far, and a wake-up for the caller waiting on workers. */
class ChunkBoard {
  readonly results: SignatureVerdict[];
  private readonly queue: number[] = [];
  private readonly done = new Set<number>();
  private readonly total: number;
  private wake: (() => void) | undefined;

  constructor(private readonly items: SignedItem[]) {
    this.results = new Array(items.length);
    for (let start = 0; start < items.length; start += CHUNK) this.queue.push(start);
    this.total = this.queue.length;
  }

  get finished(): boolean {
    return this.done.size === this.total;
  }

  take(): number | undefined {
    return this.queue.shift();
  }

  slice(start: number): SignedItem[] {
    return this.items.slice(start, start + CHUNK);
  }

  store(start: number, verdicts: SignatureVerdict[]): void {
    if (this.done.has(start)) return;
    verdicts.forEach((v, i) => (this.results[start + i] = v));
    this.done.add(start);
    this.notify();
  }

  giveBack(start: number): void {
    if (!this.done.has(start)) this.queue.push(start);
    this.notify();
  }

  changed(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

function startWorker(job: PoolJob, board: ChunkBoard): Worker {
  const worker = spawnVerifyWorker({ trust: job.trust, now: job.now, bindCommitter: job.bindCommitter });
  let current: number | undefined;
  worker.on('message', (message: { start?: number; verdicts?: SignatureVerdict[] }) => {
    if (message.verdicts && message.start !== undefined) board.store(message.start, message.verdicts);
    current = board.take();
    if (current === undefined) return;
    const { message: chunk, transfer } = packChunk(current, board.slice(current));
    worker.postMessage(chunk, transfer);
  });
  const giveBack = () => {
    if (current !== undefined) board.giveBack(current);
    current = undefined;
  };
  worker.on('error', giveBack);
  worker.on('exit', giveBack);
  return worker;
}

/**
 * From dist/ the worker is plain JS. Under tsx (tests) a worker does not inherit tsx's loader, so
 * it registers it first; tsx is a dev dependency and this path is never taken from dist/.
 */
function spawnVerifyWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./verify-worker.js', here), { workerData });
  const entry = new URL('./verify-worker.ts', here).href;
  // import.meta.resolve gives tsx's ESM API; require.resolve would give its CommonJS one, whose register() fails in a worker.
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}
