import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { commonOptions, parseCommandArgs, toFormat } from '../args.js';
import { loadTeamContext } from '../team-context.js';
import { absoluteGitDir } from '../../git/index.js';
import { verifyCommits, type VerifiedCommit } from '../../use-cases/verify-commits.js';
import { EXIT_ALLOWED, EXIT_BLOCKED } from '../exit-codes.js';
import { GitwardError } from '../../errors/index.js';

const options = { ...commonOptions, policy: { type: 'string' } } as const;

/** `gitward verify [--policy FILE] <commit>...`: exit 0 only when every commit's signature is good. */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const { values, positionals } = parseCommandArgs(args, options);
  const format = toFormat(values.format);
  if (format === 'sarif') throw new GitwardError('USAGE', 'verify prints text or json', { hint: 'Use --format text or json.' });
  if (positionals.length === 0) throw new GitwardError('USAGE', 'name at least one commit', { hint: 'e.g. `gitward verify HEAD HEAD~1`.' });
  const team = await loadTeamContext(io, { ...(values.config ? { configFile: values.config } : {}), requireRepo: true });
  const verified = await verifyCommits({
    ctx: team.ctx, revs: positionals, config: team.config, gitDir: await absoluteGitDir(team.ctx), now: new Date(),
    ...(values.policy ? { policyFile: values.policy } : {}),
  });
  const allGood = verified.every((v) => v.verdict.status === 'good');
  const output = format === 'json' ? `${JSON.stringify({ commits: verified.map(toJson) }, null, 2)}\n` : verified.map(toLine).join('');
  return result(allGood ? EXIT_ALLOWED : EXIT_BLOCKED, output);
}

function toJson({ commit, verdict }: VerifiedCommit) {
  return { commit: commit.oid, committer: commit.committer.email, ...verdict };
}

function toLine({ commit, verdict }: VerifiedCommit): string {
  const who = verdict.signer ? ` by ${verdict.signer}` : '';
  const key = verdict.keyId ? ` (${verdict.format ?? ''} ${verdict.keyId})` : '';
  return `${commit.oid.slice(0, 12)}  ${verdict.status.padEnd(13)}${who}${key}: ${verdict.detail}\n`;
}
