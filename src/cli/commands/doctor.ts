import { isAbsolute, relative } from 'node:path';
import type { CliIo, CliResult } from '../io.js';
import { gitwardVersion } from '../version.js';
import { result } from '../io.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_ALLOWED, EXIT_BLOCKED } from '../exit-codes.js';
import { locateRepository, gitText, readCommandVersion, type GitContext } from '../../git/index.js';
import { loadTeamConfig, formatProblem } from '../../config/index.js';
import type { LoadedTeamConfig } from '../../config/types.js';
import { inspectSigningSetup, type SigningSetupReport } from '../../use-cases/check-signing-setup.js';
import { inspectHooks, type HooksReport } from '../../use-cases/inspect-hooks.js';

const options = { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

interface Section {
  title: string;
  lines: string[];
  /** A failed check here makes doctor exit 1. */
  failed: boolean;
}

/**
 * `gitward doctor`: the pre-commit signing checks plus config and hook installation, as a
 * report. Exit 0 when every required check passes, 1 when one fails.
 */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const { values } = parseCommandArgs(args, options);
  if (values.help) return result(EXIT_ALLOWED, 'Usage: gitward doctor [--config FILE]\n\nChecks the team config, hook installation and signing setup of this clone.\n');
  const ctx: GitContext = { cwd: io.cwd, env: io.env };
  const { root } = await locateRepository(ctx);
  const team = await loadTeamConfig({ repoRoot: root, ...(values.config ? { explicitFile: values.config } : {}) });
  const signing = await inspectSigningSetup({ ctx });
  const hooks = await inspectHooks({ ctx, entries: signing.entries });
  const required = team.config.signing.required;
  const sections = [configSection(team, root), hooksSection(hooks), signingSection(signing, required)];
  const failed = sections.some((s) => s.failed);
  const text = [
    `gitward doctor — ${root}`,
    ...sections.flatMap((s) => ['', s.title, ...s.lines]),
    '',
    `Versions: ${await versions(ctx, signing)}`,
    '',
    failed ? 'Result: ✗ a required check failed (see the fixes above).' : 'Result: ✓ all required checks pass.',
  ];
  return result(failed ? EXIT_BLOCKED : EXIT_ALLOWED, `${text.join('\n')}\n`);
}

function configSection(team: LoadedTeamConfig, root: string): Section {
  const shown = team.sources.map((s) => (isAbsolute(s) && !relative(root, s).startsWith('..') ? relative(root, s) : s));
  const from = shown.length > 0 ? `from ${shown.join(' → ')}` : 'no config file: defaults (run `gitward init` to create gitward.config.json)';
  const lines = [`  ${team.errors.length === 0 ? '✓' : '✗'} team config ${from}; signing.required: ${team.config.signing.required}`];
  lines.push(...team.errors.map((p) => `      ✗ ${formatProblem(p)}`), ...team.warnings.map((p) => `      ! ${formatProblem(p)}`));
  return { title: 'Team config', lines, failed: team.errors.length > 0 };
}

function hooksSection(report: HooksReport): Section {
  const lines = [`    hooks run from ${report.hooksDir} — ${report.source}`];
  for (const hook of report.hooks) lines.push(`  ${hook.installed ? '✓' : '✗'} ${hook.hook}: ${hook.detail}`);
  const failed = report.hooks.some((h) => !h.installed);
  if (failed) lines.push('      fix: npx gitward init');
  return { title: 'Hooks', lines, failed };
}

function signingSection(report: SigningSetupReport, required: boolean): Section {
  const why = required ? 'required by the team config (signing.required: true)' : 'not required by the team config; shown for information';
  const lines = [`    gpg.format ${report.format}`];
  for (const check of report.checks) {
    lines.push(`  ${check.ok ? '✓' : '✗'} ${check.title}${check.detail ? ` — ${check.detail}` : ''}`);
    if (!check.ok) lines.push(...[...(check.fixNote ? [`${check.fixNote}:`] : []), ...check.fix].map((f, i) => `      ${i === 0 ? 'fix:' : '    '} ${f}`));
  }
  lines.push(...report.notices.map((n) => `    note: ${n}`));
  return { title: `Signing — ${why}`, lines, failed: required && report.checks.some((c) => !c.ok) };
}

async function versions(ctx: GitContext, signing: SigningSetupReport): Promise<string> {
  const parts = [`gitward ${gitwardVersion()}`, `node ${process.version}`, (await gitText(ctx, ['--version'])).replace(/^git version /, 'git ')];
  if (signing.format === 'openpgp') {
    const program = signing.entries.get('gpg.openpgp.program')?.value ?? signing.entries.get('gpg.program')?.value ?? 'gpg';
    parts.push((await readCommandVersion(ctx, program)) ?? `${program}: not found`);
  }
  return parts.join(' · ');
}
