import type { Finding, Fragment, SkippedItem } from '../model/index.js';
import { createSecretScanner, type ScanOptions } from './create-secret-scanner.js';

export interface ScanResult {
  findings: Finding[];
  skipped: SkippedItem[];
}

/** Scans every fragment (staged diffs, files on disk) and collects the findings. */
export async function scanFragments(fragments: Iterable<Fragment> | AsyncIterable<Fragment>, options: ScanOptions): Promise<ScanResult> {
  if (!options.config.enabled) return { findings: [], skipped: [] };
  const scanner = createSecretScanner(options);
  const findings: Finding[] = [];
  for await (const fragment of fragments) {
    const found = scanner.scan(fragment);
    findings.push(...(Array.isArray(found) ? found : await found));
  }
  return { findings, skipped: scanner.skipped };
}
