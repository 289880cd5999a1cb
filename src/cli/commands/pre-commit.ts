import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { gitwardVersion } from '../version.js';
import { commonOptions, parseCommandArgs, toFormat } from '../args.js';
import { loadTeamContext } from '../team-context.js';
import { startStagedCheck } from '../../use-cases/check-staged.js';
import { checkSigningSetup } from '../../use-cases/check-signing-setup.js';
import { renderDecision } from '../../report/index.js';
import { decide } from '../../model/index.js';
import { EXIT_ALLOWED, EXIT_BLOCKED } from '../exit-codes.js';

const options = { ...commonOptions, 'all-lines': { type: 'boolean' } } as const;

/**
 * The pre-commit hook: secrets in the staged content, then (when `signing.required`) whether
 * this commit will be signed with a usable key. Both are reported together so one commit
 * attempt shows every problem.
 */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const { values } = parseCommandArgs(args, options);
  const format = toFormat(values.format);
  // The staged diff is read while the repository root and team config are located.
  const staged = startStagedCheck({ cwd: io.cwd, env: io.env }, { allLines: values['all-lines'] === true });
  const team = await loadTeamContext(io, { ...(values.config ? { configFile: values.config } : {}), requireRepo: true });
  const [secrets, signing] = await Promise.all([
    staged.finish(team),
    team.config.signing.required ? checkSigningSetup({ ctx: team.ctx, config: team.config }) : undefined,
  ]);
  const decision = signing
    ? decide({
        findings: secrets.decision.findings,
        violations: [...secrets.decision.violations, ...signing.violations],
        skipped: secrets.decision.skipped,
        notices: [...secrets.decision.notices, ...signing.notices],
      })
    : secrets.decision;
  const output = await renderDecision(decision, format, { context: 'staged', scannedFiles: secrets.scannedFiles, color: io.isTty, version: gitwardVersion() });
  const warnings = team.warnings.map((w) => `gitward: warning: ${w}\n`).join('');
  // Hooks talk to the person committing: everything goes to stderr, which git shows as is.
  return result(decision.allowed ? EXIT_ALLOWED : EXIT_BLOCKED, '', warnings + output);
}
