/**
 * Worker-thread entry for `verifyMany`. It receives the trust store once (plain data), builds its
 * own key index, then verifies chunks with the same `verifyItem` as the main thread. It loads no
 * openpgp.js: keys were parsed in the main thread and arrive as JWKs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KeyIndex } from './key-index.js';
import type { TrustStore } from './trust-store.js';
import { unpackChunk, type ChunkMessage } from './chunk-message.js';
import { verifyItem } from './verify-item.js';

interface WorkerSetup {
  trust: TrustStore;
  now: number;
  bindCommitter: boolean;
}

const setup = workerData as WorkerSetup;
const ctx = { index: new KeyIndex(setup.trust), now: setup.now, bindCommitter: setup.bindCommitter };

parentPort?.on('message', (chunk: ChunkMessage) => {
  parentPort?.postMessage({ start: chunk.start, verdicts: unpackChunk(chunk).map((item) => verifyItem(item, ctx)) });
});
parentPort?.postMessage({ ready: true });
