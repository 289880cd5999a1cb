import type { Violation } from '../model/index.js';
import type { TeamConfig } from '../config/types.js';
import type { GitContext, ConfigEntries } from '../git/index.js';
import { readConfigEntries, isConfigTrue } from '../git/index.js';
import { checkOpenpgpKey, checkSshKey, describeEntry, type SetupCheck } from './signing-checks.js';

export type { SetupCheck } from './signing-checks.js';

/**
 * Every git config key the signing checks and `gitward doctor` read, fetched in ONE
 * `git config` call (hooks pay for each spawn).
 */
export const SETUP_CONFIG_PATTERN = '^(commit\\.gpgsign|user\\.signingkey|user\\.email|gpg\\..+|core\\.hookspath)$';

export interface SigningSetupReport {
  /** `openpgp`, `ssh`, or whatever gpg.format says. */
  format: string;
  checks: SetupCheck[];
  notices: string[];
  /** The config that was read, for callers that report more (doctor: core.hooksPath). */
  entries: ConfigEntries;
}

/** What `git commit` will do about signing in this repository, as a list of checks. */
export async function inspectSigningSetup(input: { ctx: GitContext }): Promise<SigningSetupReport> {
  const entries = await readConfigEntries(input.ctx, SETUP_CONFIG_PATTERN);
  const format = (entries.get('gpg.format')?.value ?? 'openpgp').trim().toLowerCase();
  const checks: SetupCheck[] = [gpgsignCheck(entries)];
  const notices: string[] = [];
  if (format === 'openpgp' || format === 'ssh') {
    const key = format === 'ssh' ? await checkSshKey(input.ctx, entries) : await checkOpenpgpKey(input.ctx, entries);
    checks.push(...key.checks);
    notices.push(...key.notices);
  } else {
    checks.push(unsupportedFormat(entries, format));
  }
  return { format, checks, notices, entries };
}

/**
 * The pre-commit face of the checks: failed checks become violations that block the commit,
 * each with the exact commands that fix it. Does nothing unless the team requires signing.
 */
export async function checkSigningSetup(input: { ctx: GitContext; config: TeamConfig }): Promise<{ violations: Violation[]; notices: string[] }> {
  if (!input.config.signing.required) return { violations: [], notices: [] };
  const report = await inspectSigningSetup({ ctx: input.ctx });
  return { violations: report.checks.flatMap(toViolation), notices: report.notices };
}

function toViolation(check: SetupCheck): Violation[] {
  if (check.ok) return [];
  const message = `the team config requires signed commits, but ${check.detail ?? `not: ${check.title}`}`;
  // One line: report renderers keep a fix on one line (they escape newlines in untrusted text).
  const commands = check.fix.map((c) => `\`${c}\``).join(' && ');
  const fix = check.fixNote ? `${check.fixNote}: ${commands}` : `run ${commands}`;
  return [{ code: check.code ?? 'SIGNING_NOT_CONFIGURED', subject: check.subject, message, fix, severity: 'error' }];
}

function gpgsignCheck(entries: ConfigEntries): SetupCheck {
  const entry = entries.get('commit.gpgsign');
  const ok = isConfigTrue(entry);
  return {
    title: 'commit.gpgsign is true',
    ok,
    subject: 'commit.gpgsign',
    detail: describeEntry('commit.gpgsign', entry),
    code: 'SIGNING_NOT_CONFIGURED',
    fix: ok ? [] : ['git config commit.gpgsign true'],
  };
}

/** x509 (gpgsm) signatures are not verified by the gitward server, so they would be rejected there. */
function unsupportedFormat(entries: ConfigEntries, format: string): SetupCheck {
  return {
    title: 'gpg.format is openpgp or ssh',
    ok: false,
    subject: 'gpg.format',
    detail: `${describeEntry('gpg.format', entries.get('gpg.format'))}; gitward verifies OpenPGP and SSH signatures only (not ${format})`,
    code: 'SIGNING_NOT_CONFIGURED',
    fixNote: 'use OpenPGP, or SSH with `git config gpg.format ssh`',
    fix: ['git config gpg.format openpgp'],
  };
}
