import type { Decision, Fragment, SkippedItem } from '../model/index.js';
import { decide } from '../model/index.js';
import type { TeamConfig } from '../config/types.js';
import { readStagedChanges, type DiffFile, type GitContext } from '../git/index.js';
import { scanFragments } from '../secrets/index.js';
import { applyPathAllowlist } from './apply-path-allowlist.js';

export interface CheckStagedInput {
  ctx: GitContext;
  config: TeamConfig;
  /** Scan whole staged blobs instead of only the lines this commit adds. */
  allLines?: boolean;
  baseline?: ReadonlySet<string>;
}

export interface CheckStagedResult {
  decision: Decision;
  scannedFiles: number;
}

/** Secrets in what the next commit will contain: the index, by default only its added lines. */
export async function checkStaged(input: CheckStagedInput): Promise<CheckStagedResult> {
  return startStagedCheck(input.ctx, input).finish(input);
}

/**
 * Starts `git diff --cached` at once and scans when `finish` gets the config: the pre-commit hook
 * overlaps the diff with loading the team config (its whole budget is node start-up plus the diff).
 */
export function startStagedCheck(ctx: GitContext, options: { allLines?: boolean }): { finish: (team: Pick<CheckStagedInput, 'config' | 'baseline'>) => Promise<CheckStagedResult> } {
  const reading = readStagedChanges(ctx, { allLines: options.allLines === true });
  reading.catch(() => undefined); // awaited in finish(); this only keeps an early failure from being "unhandled"
  return {
    async finish(team) {
      const secrets = team.config.secrets;
      if (!secrets.enabled) return { decision: decide({ findings: [], violations: [], skipped: [], notices: ['secret scanning is disabled (secrets.enabled: false)'] }), scannedFiles: 0 };
      const files = await reading;
      const { fragments, skipped } = toFragments(files);
      const result = await applyPathAllowlist(await scanFragments(fragments, { config: secrets, ...(team.baseline ? { baseline: team.baseline } : {}) }), secrets);
      const decision = decide({ findings: result.findings, violations: [], skipped: [...skipped, ...result.skipped], notices: [] });
      return { decision, scannedFiles: files.length };
    },
  };
}

function toFragments(files: DiffFile[]): { fragments: Fragment[]; skipped: SkippedItem[] } {
  const fragments: Fragment[] = [];
  const skipped: SkippedItem[] = [];
  for (const file of files) {
    if (file.binary) skipped.push({ file: file.path, reason: 'binary' });
    else if (file.lines.length > 0) fragments.push({ path: file.path, text: file.lines.join('\n'), lineNumbers: file.lineNumbers });
  }
  return { fragments, skipped };
}
