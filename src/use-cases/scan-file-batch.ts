import type { Finding, SkippedItem } from '../model/index.js';
import type { SecretsConfig } from '../config/types.js';
import { createPathReader, type PathEntry } from '../fs/index.js';
import { BINARY_PROBE_BYTES, createSecretScanner, isBinaryContent } from '../secrets/index.js';

/** What one batch of files produced; batches concatenated in order give the sequential result. */
export interface BatchResult {
  /** Skipped before scanning (over the size limit, binary), in file order. */
  readSkipped: SkippedItem[];
  findings: Finding[];
  /** Skipped by the scanner (git-crypt, NUL in the decoded head), in file order. */
  scanSkipped: SkippedItem[];
}

export type BatchScanner = (entries: PathEntry[]) => Promise<BatchResult>;

/**
 * Reads and scans files one batch at a time, with one long-lived secret scanner. The same code
 * runs in the main thread and in every worker, so which thread took a batch never shows in the result.
 */
export function createBatchScanner(config: SecretsConfig, baseline?: ReadonlySet<string>): BatchScanner {
  const scanner = createSecretScanner({ config, ...(baseline ? { baseline } : {}) });
  const read = createPathReader({ maxBytes: config.maxFileSize, headBytes: BINARY_PROBE_BYTES, skipHead: isBinaryContent });
  return async (entries) => {
    const readSkipped: SkippedItem[] = [];
    const findings: Finding[] = [];
    for (const entry of entries) {
      const file = read(entry); // its bytes are decoded before the next read reuses the buffer
      if (file.skippedByHead) readSkipped.push({ file: file.path, reason: 'binary' });
      else if (!file.bytes) readSkipped.push({ file: file.path, reason: 'too-large', detail: `${file.size} bytes` });
      else {
        const found = scanner.scan({ path: file.path, text: file.bytes.toString('utf8') });
        findings.push(...(Array.isArray(found) ? found : await found));
      }
    }
    // Drained per batch: the scanner's list would otherwise hold every skipped file twice.
    return { readSkipped, findings, scanSkipped: scanner.skipped.splice(0) };
  };
}

export function mergeBatches(batches: BatchResult[]): { findings: Finding[]; skipped: SkippedItem[] } {
  return {
    findings: batches.flatMap((b) => b.findings),
    skipped: [...batches.flatMap((b) => b.readSkipped), ...batches.flatMap((b) => b.scanSkipped)],
  };
}
