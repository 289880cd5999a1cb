import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { gitwardVersion } from '../version.js';
import { commonOptions, parseCommandArgs, toFormat } from '../args.js';
import { loadTeamContext } from '../team-context.js';
import { checkStaged } from '../../use-cases/check-staged.js';
import { scanPaths } from '../../use-cases/scan-paths.js';
import { scanHistory } from '../../use-cases/scan-history.js';
import { renderDecision } from '../../report/index.js';
import { EXIT_ALLOWED, EXIT_BLOCKED } from '../exit-codes.js';
import { GitwardError } from '../../errors/index.js';
import type { Decision } from '../../model/index.js';

const options = {
  ...commonOptions,
  staged: { type: 'boolean' },
  'all-lines': { type: 'boolean' },
  range: { type: 'string' },
  history: { type: 'boolean' },
} as const;

/** `gitward scan`: staged content, files on disk, a commit range or the whole history. */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const { values, positionals } = parseCommandArgs(args, options);
  const format = toFormat(values.format);
  const modes = [values.staged, values.range !== undefined, values.history, positionals.length > 0].filter(Boolean).length;
  if (modes !== 1) throw new GitwardError('USAGE', 'give exactly one of --staged, --range A..B, --history or paths', { hint: 'e.g. `gitward scan --staged` or `gitward scan src/`' });
  const team = await loadTeamContext(io, { ...(values.config ? { configFile: values.config } : {}), requireRepo: positionals.length === 0 });
  const { decision, scannedFiles, context } = await scanFor(values, positionals, team, io);
  const output = await renderDecision(decision, format, { context, scannedFiles, color: false, version: gitwardVersion() });
  const warnings = team.warnings.map((w) => `gitward: warning: ${w}\n`).join('');
  return result(decision.allowed ? EXIT_ALLOWED : EXIT_BLOCKED, output, warnings);
}

type Values = { staged?: boolean; 'all-lines'?: boolean; range?: string; history?: boolean };
type Team = Awaited<ReturnType<typeof loadTeamContext>>;

async function scanFor(values: Values, positionals: string[], team: Team, io: CliIo): Promise<{ decision: Decision; scannedFiles: number; context: 'staged' | 'files' | 'history' }> {
  if (values.staged) {
    const staged = await checkStaged({ ctx: team.ctx, config: team.config, allLines: values['all-lines'] === true, baseline: team.baseline });
    return { ...staged, context: 'staged' };
  }
  if (positionals.length > 0) {
    const files = await scanPaths({ cwd: io.cwd, paths: positionals, config: team.config.secrets, baseline: team.baseline });
    return { ...files, context: 'files' };
  }
  const progress = io.progress;
  const history = await scanHistory({
    ctx: team.ctx,
    config: team.config.secrets,
    baseline: team.baseline,
    ...(values.range ? { range: values.range } : { all: true }),
    ...(progress ? { onProgress: (done: number, total: number) => progress(progressBar(done, total)) } : {}),
  });
  if (progress) progress('\n');
  return { decision: history.decision, scannedFiles: history.scannedCommits, context: 'history' };
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `gitward: scanning history [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} commits`;
}
