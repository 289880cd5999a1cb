import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { parseCommandArgs } from '../args.js';
import { gitwardVersion } from '../version.js';
import { withTimeout } from '../with-timeout.js';
import { EXIT_ALLOWED, EXIT_BLOCKED, EXIT_FAILURE } from '../exit-codes.js';
import type { ServerPolicy } from '../../config/types.js';
import type { RefUpdate } from '../../model/index.js';
import { loadServerPolicy } from '../../config/index.js';
import { absoluteGitDir, parseReceiveInput, type GitContext } from '../../git/index.js';
import { appendAuditRecord } from '../../audit/index.js';
import { buildAuditRecord, renderFailure, renderRemoteLines } from '../../report/index.js';
import { checkIncomingPush, type IncomingPushResult } from '../../use-cases/check-incoming-push.js';
import { GitwardError, toGitwardError } from '../../errors/index.js';
import { basename, join } from 'node:path';

const options = { policy: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/**
 * The server face. It fails closed: whatever goes wrong (policy, keys, git, a bug, the time
 * limit), the push is rejected with a code and a hint, never a stack trace, and once the policy
 * is read exactly one audit record is written for the push, failures included.
 */
export async function run(args: string[], io: CliIo): Promise<CliResult> {
  const ctx: GitContext = { cwd: io.cwd, env: io.env };
  let policy: ServerPolicy;
  let gitDir: string;
  try {
    const { values } = parseCommandArgs(args, options);
    gitDir = await absoluteGitDir(ctx);
    policy = await loadServerPolicy({ gitDir, ...(values.policy ? { explicitFile: values.policy } : {}), ...(io.env.GITWARD_POLICY ? { envFile: io.env.GITWARD_POLICY } : {}) });
  } catch (thrown) {
    // No policy, no audit destination: the rejection goes to the pusher (and the server log via stderr).
    return result(EXIT_FAILURE, '', renderFailure(toGitwardError(thrown), { server: true }));
  }
  return judge(io, ctx, policy, gitDir);
}

async function judge(io: CliIo, ctx: GitContext, policy: ServerPolicy, gitDir: string): Promise<CliResult> {
  const time = new Date();
  let updates: RefUpdate[] = [];
  let outcome: IncomingPushResult | undefined;
  let failure: GitwardError | undefined;
  try {
    outcome = await withTimeout(async () => {
      updates = parseReceiveInput(await io.readStdin());
      return checkIncomingPush({ ctx, policy, updates, env: io.env, now: time });
    }, policy.timeoutSeconds * 1000, 'the push check');
  } catch (thrown) {
    failure = toGitwardError(thrown);
  }
  const record = buildAuditRecord({
    time, repo: repositoryName(io.env, gitDir), refs: updates, version: gitwardVersion(), policyDigest: policy.digest,
    ...(outcome ? { decision: outcome.decision, pushOptions: outcome.pushOptions } : {}),
    ...(outcome?.pusher ? { pusher: outcome.pusher } : {}),
    ...(outcome?.bypass ? { bypass: outcome.bypass } : {}),
    ...(failure ? { error: { code: failure.code, message: failure.message } } : {}),
  });
  try {
    await appendAuditRecord(policy.audit.file ?? join(gitDir, 'gitward', 'audit.jsonl'), record);
  } catch (cause) {
    failure ??= new GitwardError('AUDIT_FAILED', `cannot write the audit record: ${(cause as Error).message}`, { hint: 'An admin must make `audit.file` writable by the git server user.', cause });
  }
  if (failure || !outcome) return forForge(io.env, result(EXIT_FAILURE, '', renderFailure(failure ?? toGitwardError('no decision'), { server: true })));
  return forForge(io.env, result(outcome.decision.allowed ? EXIT_ALLOWED : EXIT_BLOCKED, '', renderRemoteLines(outcome.decision)));
}

/**
 * GitLab shows a hook's message in its web UI (merges, web edits) only on a line prefixed
 * `GL-HOOK-ERR:`; git clients show every line anyway. Added only on GitLab (GL_ID is set there).
 */
function forForge(env: Record<string, string | undefined>, outcome: CliResult): CliResult {
  if (!env.GL_ID || outcome.exitCode === EXIT_ALLOWED) return outcome;
  const headline = outcome.stderr.split('\n', 1)[0] ?? 'gitward: push rejected';
  return { ...outcome, stderr: `GL-HOOK-ERR: ${headline}\n${outcome.stderr}` };
}

/** A name admins recognise: the forge's project path when it tells us, else the bare repo's directory. */
function repositoryName(env: Record<string, string | undefined>, gitDir: string): string {
  if (env.GL_PROJECT_PATH) return env.GL_PROJECT_PATH;
  if (env.GITHUB_REPO_NAME) return env.GITHUB_REPO_NAME;
  if (env.GITEA_REPO_USER_NAME && env.GITEA_REPO_NAME) return `${env.GITEA_REPO_USER_NAME}/${env.GITEA_REPO_NAME}`;
  return basename(gitDir) === '.git' ? gitDir.slice(0, -5) : gitDir;
}
