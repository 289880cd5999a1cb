import type { Decision, Fragment, SkippedItem } from '../model/index.js';
import { decide } from '../model/index.js';
import type { SecretsConfig } from '../config/types.js';
import { readPaths } from '../fs/index.js';
import { scanFragments, isBinaryContent } from '../secrets/index.js';
import { applyPathAllowlist } from './apply-path-allowlist.js';

export interface ScanPathsInput {
  cwd: string;
  paths: string[];
  config: SecretsConfig;
  baseline?: ReadonlySet<string>;
}

/** Secrets in files on disk (CI, editors): whole files, not diffs. */
export async function scanPaths(input: ScanPathsInput): Promise<{ decision: Decision; scannedFiles: number }> {
  const skipped: SkippedItem[] = [];
  let scannedFiles = 0;
  async function* fragments(): AsyncGenerator<Fragment> {
    for await (const file of readPaths(input.cwd, input.paths, input.config.maxFileSize)) {
      scannedFiles++;
      if (!file.bytes) skipped.push({ file: file.path, reason: 'too-large', detail: `${file.size} bytes` });
      else if (isBinaryContent(file.bytes)) skipped.push({ file: file.path, reason: 'binary' });
      else yield { path: file.path, text: file.bytes.toString('utf8') };
    }
  }
  const result = await applyPathAllowlist(await scanFragments(fragments(), { config: input.config, ...(input.baseline ? { baseline: input.baseline } : {}) }), input.config);
  return { decision: decide({ findings: result.findings, violations: [], skipped: [...skipped, ...result.skipped], notices: [] }), scannedFiles };
}
