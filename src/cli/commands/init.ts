import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_ALLOWED } from '../exit-codes.js';
import { locateRepository } from '../../git/index.js';
import { loadTeamConfig } from '../../config/index.js';
import { installHooks, type InstallHooksResult } from '../../use-cases/install-hooks.js';

const options = {
  'require-signing': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: gitward init [--require-signing] [--force]

Installs the pre-commit and pre-push hooks in the current repository:
  with package.json     husky: "prepare": "husky", the husky devDependency, .husky/pre-commit and
                        .husky/pre-push (existing lines are kept), core.hooksPath = .husky/_
  without package.json  core.hooksPath = .git/gitward/hooks (gitward-managed shims)
and creates gitward.config.json when the repository has no team config. Safe to run again.

  --require-signing  set signing.required: true in the team config
  --force            replace a core.hooksPath set by another tool (no package.json only)
`;

/** `gitward init`: prints what it did, one line per step, so a second run visibly changes nothing. */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const { values } = parseCommandArgs(args, options);
  if (values.help) return result(EXIT_ALLOWED, HELP);
  const ctx = { cwd: io.cwd, env: io.env };
  const { root } = await locateRepository(ctx);
  const team = await loadTeamConfig({ repoRoot: root });
  const outcome = await installHooks({
    ctx,
    nodePath: process.execPath,
    requireSigning: values['require-signing'] === true,
    ...(team.sources.length > 0 ? { configFile: team.sources[team.sources.length - 1] as string } : {}),
    force: values.force === true,
  });
  const problems = team.errors.length > 0 ? [`the team config has ${team.errors.length} problem(s): run \`gitward doctor\` to see them`] : [];
  return result(EXIT_ALLOWED, render(outcome, problems));
}

function render(outcome: InstallHooksResult, problems: string[]): string {
  const how = outcome.mode === 'husky' ? 'husky' : 'core.hooksPath, no package.json';
  const lines = [`gitward init (${how}) in ${outcome.root}`, ...outcome.done.map((d) => `  ✓ ${d}`)];
  const notes = [...outcome.notes, ...problems];
  if (notes.length > 0) lines.push('', 'Next:', ...notes.map((n) => `  • ${n}`));
  lines.push('', 'Hooks can be skipped with --no-verify or HUSKY=0; the server-side pre-receive hook is the enforcement point.');
  return `${lines.join('\n')}\n`;
}
