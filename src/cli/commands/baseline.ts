import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { commonOptions, parseCommandArgs } from '../args.js';
import { loadTeamContext } from '../team-context.js';
import { scanPaths } from '../../use-cases/scan-paths.js';
import { scanHistory } from '../../use-cases/scan-history.js';
import { writeBaseline } from '../../config/index.js';
import { EXIT_ALLOWED } from '../exit-codes.js';
import { isAbsolute, join, relative } from 'node:path';

const options = { ...commonOptions, history: { type: 'boolean' } } as const;

/**
 * `gitward baseline [paths...|--history]`: accept every current finding. Later scans report
 * only findings whose rule + secret hash is not in the file, wherever the lines move.
 */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const { values, positionals } = parseCommandArgs(args, options);
  const team = await loadTeamContext(io, { ...(values.config ? { configFile: values.config } : {}), requireRepo: true });
  const empty = new Set<string>();
  const decision = values.history
    ? (await scanHistory({ ctx: team.ctx, config: team.config.secrets, baseline: empty, all: true })).decision
    : (await scanPaths({ cwd: io.cwd, paths: positionals.length > 0 ? positionals : [team.root], config: team.config.secrets, baseline: empty })).decision;
  const file = isAbsolute(team.config.secrets.baseline) ? team.config.secrets.baseline : join(team.root, team.config.secrets.baseline);
  await writeBaseline(file, decision.findings.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint })));
  const count = new Set(decision.findings.map((f) => f.fingerprint)).size;
  return result(EXIT_ALLOWED, '', `gitward: wrote ${count} accepted finding(s) to ${relative(io.cwd, file) || file}\n`);
}
