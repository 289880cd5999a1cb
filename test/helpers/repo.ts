import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shipped entry point (package.json `bin`): the esbuild bundle of dist/cli/bin.js. */
export const GITWARD_BIN = join(PROJECT_ROOT, 'dist/bundle/bin.js');

/** A temp git repo with an isolated HOME, global git config and GNUPGHOME. */
export interface TestRepo {
  dir: string;
  home: string;
  env: Record<string, string>;
  /** Runs git in the repo; throws on non-zero exit. */
  git: (...args: string[]) => string;
  /** Runs git and returns status + output instead of throwing. */
  gitResult: (...args: string[]) => SpawnSyncReturns<string>;
  write: (path: string, content: string | Buffer) => void;
  /** Runs the built CLI (dist/) in the repo. */
  gitward: (args: string[], options?: { input?: string; env?: Record<string, string> }) => SpawnSyncReturns<string>;
}

export function makeTempDir(prefix = 'gitward-test-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Environment that isolates git from the developer's real config, keys and hooks. */
export function isolatedEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('GIT_') && k !== 'HUSKY') env[k] = v;
  }
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GNUPGHOME: join(home, '.gnupg'),
    // A test that makes git open an editor must fail at once, not hang the suite.
    GIT_EDITOR: 'false',
  });
  mkdirSync(join(home, '.gnupg'), { recursive: true, mode: 0o700 });
  writeFileSync(join(home, '.gitconfig'), [
    '[user]', '\tname = Test User', '\temail = test@example.com',
    '[init]', '\tdefaultBranch = main',
    '[gc]', '\tauto = 0',
    '[commit]', '\tgpgSign = false',
    '[advice]', '\tdetachedHead = false',
  ].join('\n') + '\n');
  return env;
}

export function createRepo(options: { bare?: boolean } = {}): TestRepo & { cleanup: () => void } {
  const root = makeTempDir();
  if (resolve(root).startsWith(PROJECT_ROOT)) throw new Error('refusing to create a test repo inside the project');
  const home = join(root, 'home');
  const dir = join(root, options.bare ? 'repo.git' : 'repo');
  mkdirSync(home, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const env = isolatedEnv(home);
  const run = (cmd: string, args: string[], input?: string, extraEnv?: Record<string, string>) =>
    spawnSync(cmd, args, { cwd: dir, env: { ...env, ...extraEnv }, encoding: 'utf8', input });
  const git = (...args: string[]) => {
    const r = run('git', args);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  };
  execFileSync('git', options.bare ? ['init', '--bare', '-q', '-b', 'main'] : ['init', '-q', '-b', 'main'], { cwd: dir, env });
  return {
    dir, home, env, git,
    gitResult: (...args) => run('git', args),
    write: (path, content) => {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    gitward: (args, o = {}) => run(process.execPath, [GITWARD_BIN, ...args], o.input, o.env),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Creates a repo, runs `fn`, and always removes it. */
export async function withRepo<T>(fn: (repo: TestRepo) => Promise<T> | T, options: { bare?: boolean } = {}): Promise<T> {
  const repo = createRepo(options);
  try {
    return await fn(repo);
  } finally {
    repo.cleanup();
  }
}
