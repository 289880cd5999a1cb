import type { Decision, Finding, Fragment, SkippedItem } from '../model/index.js';
import { decide } from '../model/index.js';
import type { SecretsConfig } from '../config/types.js';
import { countCommits, streamPatches, type DiffFile, type GitContext } from '../git/index.js';
import { createSecretScanner } from '../secrets/index.js';
import { globMatcher } from '../policy/index.js';
import { GitwardError, isGitwardError } from '../errors/index.js';

export interface ScanHistoryInput {
  ctx: GitContext;
  config: SecretsConfig;
  baseline?: ReadonlySet<string>;
  /** Path allowlist; defaults to the globs in `config.allow.paths`. */
  isPathAllowed?: (path: string) => boolean;
  inlineAllow?: boolean;
  /** Every commit reachable from any ref (`git log --all`). */
  all?: boolean;
  /** A user-given revision range such as `origin/main..HEAD`. */
  range?: string;
  /** Revision arguments built by code, e.g. the server's `[newOid, '--not', '--all']`. */
  revs?: string[];
  /** Commits done / total, at most ~10 times a second, and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

export interface ScanHistoryResult {
  decision: Decision;
  scannedCommits: number;
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * Secrets in the lines each commit adds, over a range or the whole history, in one streaming
 * `git log -p` pass. Nothing is accumulated but findings and (per path) skipped files, so memory
 * does not grow with the length of the history.
 */
export async function scanHistory(input: ScanHistoryInput): Promise<ScanHistoryResult> {
  if (!input.config.enabled) {
    return { decision: decide({ findings: [], violations: [], skipped: [], notices: ['secret scanning is disabled (secrets.enabled: false)'] }), scannedCommits: 0 };
  }
  const revs = revisionsFor(input);
  const progress = input.onProgress ? startProgress(input.ctx, revs, input.onProgress) : undefined;
  const sink = new FindingSink(input);
  const octopus: string[] = [];
  const onCommit = (oid: string, parents: number): void => {
    sink.commits++;
    if (parents > 2) octopus.push(oid);
    progress?.tick(sink.commits);
  };
  try {
    for await (const file of streamPatches(input.ctx, { revs, onCommit })) await sink.add(file);
  } catch (error) {
    throw sink.commits === 0 && input.range !== undefined ? explainBadRange(error, input.range) : error;
  }
  await scanOctopusMerges(input.ctx, octopus, sink);
  progress?.finish(sink.commits);
  return { decision: sink.decision(), scannedCommits: sink.commits };
}

/**
 * git's remerge diff skips octopus merges, so they are read again against their first parent.
 * That also shows what the other branches brought, already scanned at their own commits, so only
 * secrets not found elsewhere are kept. Octopus merges are rare: a second pass costs little.
 */
async function scanOctopusMerges(ctx: GitContext, oids: string[], sink: FindingSink): Promise<void> {
  for (let i = 0; i < oids.length; i += 500) {
    const revs = oids.slice(i, i + 500);
    for await (const file of streamPatches(ctx, { revs, merges: 'first-parent', noWalk: true })) await sink.add(file, { onlyNew: true });
  }
}

/** Scans each file as it arrives and keeps only what the decision needs. */
class FindingSink {
  commits = 0;
  private readonly findings: Finding[] = [];
  private readonly fingerprints = new Set<string>();
  private readonly skipped = new Map<string, SkippedItem>();
  private readonly scanner: ReturnType<typeof createSecretScanner>;

  constructor(input: ScanHistoryInput) {
    const isPathAllowed = input.isPathAllowed ?? (input.config.allow.paths.length > 0 ? globMatcher(input.config.allow.paths) : undefined);
    this.scanner = createSecretScanner({
      config: input.config,
      ...(input.baseline ? { baseline: input.baseline } : {}),
      ...(isPathAllowed ? { isPathAllowed } : {}),
      ...(input.inlineAllow !== undefined ? { inlineAllow: input.inlineAllow } : {}),
    });
  }

  async add(file: DiffFile, options: { onlyNew?: boolean } = {}): Promise<void> {
    if (file.binary) {
      // One entry per path (the newest commit), so a binary edited in every commit cannot grow the report with history.
      if (!this.skipped.has(file.path)) this.skipped.set(file.path, { file: file.path, reason: 'binary', ...(file.commit ? { commit: file.commit } : {}) });
      return;
    }
    if (file.lines.length === 0) return;
    const found = this.scanner.scan(toFragment(file));
    const list = Array.isArray(found) ? found : await found; // no microtask per file when the scanner is synchronous
    for (const finding of list) {
      if (options.onlyNew && this.fingerprints.has(finding.fingerprint)) continue;
      this.fingerprints.add(finding.fingerprint);
      this.findings.push(finding.commit || !file.commit ? finding : { ...finding, commit: file.commit });
    }
  }

  decision(): Decision {
    // The engine reports a too-large or encrypted file in every commit that touches it: once per path is enough.
    const skipped = new Map<string, SkippedItem>();
    for (const item of [...this.skipped.values(), ...this.scanner.skipped]) {
      const key = `${item.reason}\0${item.file}`;
      if (!skipped.has(key)) skipped.set(key, item);
    }
    return decide({ findings: this.findings, violations: [], skipped: [...skipped.values()], notices: [] });
  }
}

function revisionsFor(input: ScanHistoryInput): string[] {
  if (input.revs) return input.revs;
  if (input.range !== undefined) {
    const range = input.range.trim();
    if (range === '' || range.startsWith('-') || /[\0\n]/.test(range)) {
      throw new GitwardError('USAGE', `'${input.range}' is not a revision range`, { hint: 'e.g. `gitward scan --range origin/main..HEAD`' });
    }
    return [range];
  }
  return input.all ? ['--all'] : ['HEAD'];
}

function toFragment(file: DiffFile): Fragment {
  // No blobOid: the text is only the lines this commit adds, so two diffs that end in the same
  // blob can carry different lines and must both be scanned.
  return { path: file.path, text: file.lines.join('\n'), lineNumbers: file.lineNumbers, ...(file.commit ? { commit: file.commit } : {}) };
}

/**
 * Counts the commits with `git rev-list --count` beside the scan (so progress costs no extra
 * wait), and throttles the callback. Only started when someone draws progress.
 */
function startProgress(ctx: GitContext, revs: string[], report: (done: number, total: number) => void) {
  let total: number | undefined;
  let last = 0;
  countCommits(ctx, revs).then(
    (count) => { total = count; },
    () => undefined, // the log pass reports a bad revision itself
  );
  return {
    tick(done: number): void {
      const now = Date.now();
      if (total !== undefined && now - last >= PROGRESS_INTERVAL_MS) {
        last = now;
        report(done, Math.max(total, done));
      }
    },
    finish(done: number): void {
      report(done, Math.max(total ?? done, done));
    },
  };
}

function explainBadRange(error: unknown, range: string): unknown {
  if (!isGitwardError(error) || error.code !== 'GIT_FAILED') return error;
  return new GitwardError('GIT_FAILED', error.message, {
    hint: `Check the range '${range}': both ends must name existing commits (e.g. origin/main..HEAD).`,
    data: error.data,
    cause: error,
  });
}
