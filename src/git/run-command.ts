import { spawn } from 'node:child_process';
import type { GitContext } from './run-git.js';
import { GitwardError } from '../errors/index.js';

export interface RunCommandOptions {
  input?: string | Uint8Array;
  /** gpg may wait on an agent and ssh-keygen on a card: a hook must never hang on either. */
  timeoutMs?: number;
}

export interface RunCommandResult {
  stdout: Buffer;
  stderr: string;
  /** The program's exit status; callers decide what a non-zero status means (gpg exits 2 for "no such key"). */
  exitCode: number;
  /** The signal that ended the program, if one did. */
  signal?: NodeJS.Signals;
}

const DEFAULT_TIMEOUT_MS = 15_000;

function spawnEnv(ctx: GitContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) env[k] = v;
  return env;
}

/**
 * Runs a program other than git (gpg, ssh-keygen, node) with an argument array, never a shell
 * string, so a key id or path from git config cannot inject commands. Unlike runGit, a non-zero
 * exit is an answer, not a failure; only "could not start" (COMMAND_FAILED) and TIMEOUT reject.
 */
export function runCommand(ctx: GitContext, program: string, args: readonly string[], options: RunCommandOptions = {}): Promise<RunCommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args], { cwd: ctx.cwd, env: spawnEnv(ctx), stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (cause) => {
      clearTimeout(timer);
      reject(new GitwardError('COMMAND_FAILED', `could not run ${program}: ${cause.message}`, { data: { program, args }, cause }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new GitwardError('TIMEOUT', `${program} ${args[0] ?? ''} timed out`, { data: { program, args } }));
      else resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), exitCode: code ?? 128, ...(signal ? { signal } : {}) });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** First line of `program --version` (for `gitward doctor`); undefined when it cannot run. */
export async function readCommandVersion(ctx: GitContext, program: string, args: readonly string[] = ['--version']): Promise<string | undefined> {
  try {
    const result = await runCommand(ctx, program, args, { timeoutMs: 5_000 });
    const text = result.stdout.toString('utf8').trim() || result.stderr.trim();
    return result.exitCode === 0 ? text.split('\n')[0] : undefined;
  } catch {
    return undefined;
  }
}
