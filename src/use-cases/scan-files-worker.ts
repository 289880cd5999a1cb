/**
 * Worker-thread entry for whole-tree scans (`gitward scan <dir>`). It gets the secrets config,
 * baseline and file list once, then claims batches from the counter it shares with the main
 * thread and the other workers, reading and scanning each with the same `createBatchScanner` as
 * the main thread. Files are read here: only paths go in and findings come back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SecretsConfig } from '../config/types.js';
import type { PathEntry } from '../fs/index.js';
import { createBatchScanner } from './scan-file-batch.js';
import { batchOf, claimBatch, type BatchClaims } from './batch-claims.js';

export interface ScanWorkerSetup {
  config: SecretsConfig;
  baseline?: string[];
  entries: PathEntry[];
  claims: BatchClaims;
  /** This worker's slot in `claims.current`. */
  slot: number;
}

const setup = workerData as ScanWorkerSetup;
const scanBatch = createBatchScanner(setup.config, setup.baseline ? new Set(setup.baseline) : undefined);

async function work(): Promise<void> {
  for (let index = claimBatch(setup.claims, setup.slot); index !== undefined; index = claimBatch(setup.claims, setup.slot)) {
    try {
      parentPort?.postMessage({ index, result: await scanBatch(batchOf(setup.entries, index)) });
    } catch {
      // An unreadable file: the main thread scans this batch again itself, so the error
      // surfaces exactly as it would without workers.
      parentPort?.postMessage({ index, failed: true });
    }
  }
}

void work();
