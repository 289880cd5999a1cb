import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { gitwardVersion } from '../version.js';
import { commonOptions, parseCommandArgs, toFormat } from '../args.js';
import { loadTeamContext } from '../team-context.js';
import { parsePushInput } from '../../git/index.js';
import { checkOutgoing } from '../../use-cases/check-outgoing.js';
import { renderDecision } from '../../report/index.js';
import { EXIT_ALLOWED, EXIT_BLOCKED } from '../exit-codes.js';

/**
 * The pre-push hook: `gitward pre-push <remote-name> <remote-url>` with git's ref lines on stdin.
 * Outgoing commits are verified with the server's verifier so a rejection arrives before the push.
 */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const { values, positionals } = parseCommandArgs(args, commonOptions);
  const format = toFormat(values.format);
  const [remote = 'origin'] = positionals;
  const team = await loadTeamContext(io, { ...(values.config ? { configFile: values.config } : {}), requireRepo: true });
  const lines = parsePushInput(await io.readStdin());
  const outcome = await checkOutgoing({ ctx: team.ctx, config: team.config, lines, remote, now: new Date(), baseline: team.baseline });
  const output = await renderDecision(outcome.decision, format, { context: 'outgoing', scannedFiles: outcome.checkedCommits, color: io.isTty, version: gitwardVersion() });
  const warnings = team.warnings.map((w) => `gitward: warning: ${w}\n`).join('');
  return result(outcome.decision.allowed ? EXIT_ALLOWED : EXIT_BLOCKED, '', warnings + output);
}
