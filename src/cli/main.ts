import type { CliIo, CliResult } from './io.js';
import { result } from './io.js';
import { EXIT_FAILURE } from './exit-codes.js';
import { toGitwardError } from '../errors/index.js';
import { gitwardVersion } from './version.js';

type CommandModule = { run: (args: string[], io: CliIo) => Promise<CliResult> };

/**
 * Commands load lazily: a pre-commit hook pays only for the modules its own command imports,
 * never for openpgp or the server policy code.
 */
const commands: Record<string, () => Promise<CommandModule>> = {
  scan: () => import('./commands/scan.js'),
  'pre-commit': () => import('./commands/pre-commit.js'),
  'pre-push': () => import('./commands/pre-push.js'),
  'pre-receive': () => import('./commands/pre-receive.js'),
  init: () => import('./commands/init.js'),
  doctor: () => import('./commands/doctor.js'),
  baseline: () => import('./commands/baseline.js'),
  verify: () => import('./commands/verify.js'),
};

export const USAGE = `Usage: gitward <command> [options]

Client:
  scan --staged [--all-lines]     secrets in the index (by default only the lines it adds)
  scan <paths...>                 secrets in files on disk (CI, editors)
  scan --range A..B | --history   secrets in the lines each commit adds (progress bar on a TTY)
  pre-commit [--all-lines]        the pre-commit hook: staged secrets + signing setup
  pre-push <remote> [<url>]       the pre-push hook: outgoing signatures (+ secrets); ref lines on stdin
  baseline [paths...|--history]   accept every current finding (.gitward-baseline.json)
  verify [--policy FILE] <commit>...  verify signatures with the team's (or the server's) trust store
  init [--require-signing] [--force]  install the hooks (husky, or core.hooksPath without package.json)
  doctor                          report on config, hooks and signing setup
Server:
  pre-receive [--policy FILE]     the server hook (fails closed); policy also from GITWARD_POLICY

Options: --format text|json|sarif (scan, pre-commit, pre-push, baseline; verify: text|json),
         --config FILE (team config), -h/--help, --version
Exit codes: 0 allowed, 1 blocked, 2 usage/config/internal error (the server rejects on any non-zero).`;

export async function main(argv: string[], io: CliIo): Promise<CliResult> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return result(name ? 0 : EXIT_FAILURE, `${USAGE}\n`);
  if (name === '--version' || name === '-v') return result(0, `${gitwardVersion()}\n`);
  // init and doctor print their own longer help; the others share the overview.
  if ((args.includes('--help') || args.includes('-h')) && name !== 'init' && name !== 'doctor') return result(0, `${USAGE}\n`);
  const load = commands[name];
  if (!load) return result(EXIT_FAILURE, '', `gitward: unknown command '${name}'\n\n${USAGE}\n`);
  try {
    const command = await load();
    return await command.run(args, io);
  } catch (thrown) {
    const error = toGitwardError(thrown);
    const hint = error.hint ? `\n  hint: ${error.hint}` : '';
    return result(EXIT_FAILURE, '', `gitward: ${error.code}: ${error.message}${hint}\n`);
  }
}

