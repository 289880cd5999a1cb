import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitwardError, isGitwardError } from '../errors/index.js';
import { runCommand, type RunCommandResult } from './run-command.js';

/** Where and with which environment git runs. Faces build this from the real process; tests from temp repos. */
export interface GitContext {
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface RunGitOptions {
  input?: string | Uint8Array;
  timeoutMs?: number;
  /** Exit codes that are answers rather than failures (e.g. 1 for `merge-base --is-ancestor`). */
  okExitCodes?: number[];
}

export interface RunGitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

/** Settings that keep git's output stable and parseable, whatever the user's config says. */
const HARDENING = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '-c', 'core.pager=cat'];
const DEFAULT_TIMEOUT_MS = 120_000;

function spawnEnv(ctx: GitContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) env[k] = v;
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  return env;
}

/** Starts git with an argument array (never a shell string) for callers that stream its output. */
export function spawnGit(ctx: GitContext, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('git', [...HARDENING, ...args], { cwd: ctx.cwd, env: spawnEnv(ctx), stdio: 'pipe' });
}

/** Runs git to completion and returns its output; a non-zero exit outside `okExitCodes` is a GIT_FAILED error. */
export async function runGit(ctx: GitContext, args: readonly string[], options: RunGitOptions = {}): Promise<RunGitResult> {
  let run: RunCommandResult;
  try {
    run = await runCommand({ cwd: ctx.cwd, env: spawnEnv(ctx) }, 'git', [...HARDENING, ...args], {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(options.input !== undefined ? { input: options.input } : {}),
    });
  } catch (error) {
    if (isGitwardError(error) && error.code === 'TIMEOUT') throw new GitwardError('TIMEOUT', `git ${args[0] ?? ''} timed out`, { data: { args } });
    throw new GitwardError('GIT_FAILED', `could not run git: ${(error as Error).message}`, { hint: 'Is git installed and on PATH?', cause: error });
  }
  if (run.exitCode === 0 || options.okExitCodes?.includes(run.exitCode)) return run;
  const why = run.signal ? `killed by ${run.signal}` : `exit ${run.exitCode}`;
  throw new GitwardError('GIT_FAILED', `git ${args[0] ?? ''} failed (${why}): ${run.stderr.trim().split('\n')[0] ?? ''}`, { data: { args, exitCode: run.exitCode, stderr: run.stderr } });
}

/** Convenience: stdout as trimmed UTF-8. */
export async function gitText(ctx: GitContext, args: readonly string[], options?: RunGitOptions): Promise<string> {
  return (await runGit(ctx, args, options)).stdout.toString('utf8').trim();
}
