import type { Decision } from '../model/index.js';
import { decide } from '../model/index.js';
import type { SecretsConfig } from '../config/types.js';
import { listPaths } from '../fs/index.js';
import { createBatchScanner, mergeBatches } from './scan-file-batch.js';
import { PLAN_AFTER_MS, scanInPool, spareThreads } from './scan-files-pool.js';
import { applyPathAllowlist } from './apply-path-allowlist.js';

export interface ScanPathsInput {
  cwd: string;
  paths: string[];
  config: SecretsConfig;
  baseline?: ReadonlySet<string>;
  /** Worker threads besides the caller's, started at once; default: as many as pay for themselves (see scan-files-pool.ts). */
  workers?: number;
}

/**
 * Secrets in files on disk (CI, editors): whole files, not diffs. The tree is listed first, then
 * read and scanned in batches, by the main thread alone or shared with worker threads once the
 * tree proves big enough; the result (findings and skipped files, in walk order) is the same either way.
 */
export async function scanPaths(input: ScanPathsInput): Promise<{ decision: Decision; scannedFiles: number }> {
  if (!input.config.enabled) return { decision: decide({ findings: [], violations: [], skipped: [], notices: [] }), scannedFiles: 0 };
  const entries = listPaths(input.cwd, input.paths);
  const scanBatch = createBatchScanner(input.config, input.baseline);
  const maxWorkers = input.workers ?? spareThreads();
  const planAfterMs = input.workers === undefined ? PLAN_AFTER_MS : 0;
  const batches = maxWorkers > 0
    ? await scanInPool({ entries, config: input.config, ...(input.baseline ? { baseline: input.baseline } : {}), maxWorkers, planAfterMs, scanBatch })
    : [await scanBatch(entries)];
  const result = await applyPathAllowlist(mergeBatches(batches), input.config);
  return { decision: decide({ findings: result.findings, violations: [], skipped: result.skipped, notices: [] }), scannedFiles: entries.length };
}
