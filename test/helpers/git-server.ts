import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './repo.js';

/** A bare repository served to the tests, guarded by gitward's real pre-receive shim. */
export interface ServerRepo {
  gitDir: string;
  /** Runs git in the bare repository (e.g. to read a ref after a push). */
  git: (...args: string[]) => string;
  /** Current value of a ref, or undefined when it does not exist. */
  refValue: (ref: string) => string | undefined;
}

export function createServerRepo(root: string, name: string, env: Record<string, string>): ServerRepo {
  const gitDir = join(root, `${name}.git`);
  mkdirSync(gitDir, { recursive: true });
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: gitDir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`server git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  git('init', '-q', '--bare', '-b', 'main');
  // Without this git itself refuses to delete the current branch, and a deletion test would pass
  // without gitward doing anything.
  git('config', 'receive.denyDeleteCurrent', 'ignore');
  git('config', 'receive.advertisePushOptions', 'true');
  // The real shim, linked the way an admin would: it finds dist/bundle/bin.js through the link.
  symlinkSync(join(PROJECT_ROOT, 'server-hooks/pre-receive'), join(gitDir, 'hooks/pre-receive'));
  const refValue = (ref: string) => {
    const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: gitDir, env, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  return { gitDir, git, refValue };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface GitDaemon {
  url: (name: string) => string;
  stop: () => Promise<void>;
}

/**
 * `git daemon --enable=receive-pack` on 127.0.0.1: a real network transport, with the hook running
 * in the daemon's environment (as on a real server, never the pusher's).
 */
export async function startGitDaemon(root: string, env: Record<string, string>): Promise<GitDaemon> {
  mkdirSync(root, { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn('git', ['daemon', '--reuseaddr', '--verbose', '--export-all', '--enable=receive-pack', '--informative-errors',
      `--base-path=${root}`, '--listen=127.0.0.1', `--port=${port}`, root], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (await ready(child)) {
      return {
        url: (name) => `git://127.0.0.1:${port}/${name}.git`,
        stop: () => new Promise((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
      };
    }
    child.kill('SIGKILL');
  }
  throw new Error('git daemon did not start (is git-daemon installed? .ci/run installs it)');
}

function ready(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 10_000);
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Ready to rumble')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}
