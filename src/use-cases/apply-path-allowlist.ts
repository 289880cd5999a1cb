import type { Finding, SkippedItem } from '../model/index.js';
import type { SecretsConfig } from '../config/types.js';

/**
 * Drops findings and skipped items under `secrets.allow.paths`. Applied after the scan, not as a
 * pre-filter, on the client's hot path: glob matching lives in policy/ and loading it (micromatch
 * and the rules) costs ~25 ms of start-up that a clean commit, the common case, never pays.
 * History and server scans, which read thousands of files, filter up front instead.
 */
export async function applyPathAllowlist<T extends { findings: Finding[]; skipped: SkippedItem[] }>(result: T, config: SecretsConfig): Promise<T> {
  if (config.allow.paths.length === 0 || (result.findings.length === 0 && result.skipped.length === 0)) return result;
  const { globMatcher } = await import('../policy/index.js');
  const allowed = globMatcher(config.allow.paths);
  return { ...result, findings: result.findings.filter((f) => !allowed(f.file)), skipped: result.skipped.filter((s) => !allowed(s.file)) };
}
