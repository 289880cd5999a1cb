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

Commands:
  scan [--staged|--range A..B|--history|paths...]  scan for secrets (exit 1 when found)
  pre-commit                 the pre-commit hook: staged secrets + signing setup
  pre-push                   the pre-push hook: outgoing signatures (+ secrets)
  pre-receive                the server hook (fails closed)
  init [--require-signing]   install the hooks (husky, or core.hooksPath without package.json)
  doctor                     report on signing setup and config
  baseline                   write the baseline of current findings
  verify <commit>...         verify commit signatures against the trust store

Common options: --format text|json|sarif, --config FILE, --help, --version
Exit codes: 0 allowed, 1 blocked, 2 usage/config/internal error.`;

export async function main(argv: string[], io: CliIo): Promise<CliResult> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return result(name ? 0 : EXIT_FAILURE, `${USAGE}\n`);
  if (name === '--version' || name === '-v') return result(0, `${gitwardVersion()}\n`);
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

