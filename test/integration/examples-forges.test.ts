import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, GITWARD_BIN, createRepo, makeTempDir } from '../helpers/repo.js';

/**
 * examples/gitlab, examples/gitea and examples/bare-ssh, run the way an admin would: each
 * install.sh puts the real shim into a temp bare repository laid out like that forge's, and a
 * real `git push` goes through the forge's hook chain (emulated by the small dispatchers below)
 * with the forge's identity variable set. What is NOT exercised: GitLab/Gitaly and Gitea
 * themselves, and a real sshd (the bare-ssh transport test runs the forced command the way sshd
 * does, through `sh -c`, with git-shell).
 */
const SHIM = join(PROJECT_ROOT, 'server-hooks/pre-receive');
const example = (name: string) => join(PROJECT_ROOT, 'examples', name);
const IDENTITY_VARS = ['GITWARD_PUSHER', 'GL_ID', 'GL_USERNAME', 'GITEA_PUSHER_NAME', 'GITHUB_USER_LOGIN', 'REMOTE_USER', 'GL_PROJECT_PATH', 'GITEA_REPO_USER_NAME', 'GITEA_REPO_NAME', 'GITWARD_BIN', 'GITWARD_POLICY'];

/** Stand-in for Gitaly: runs custom_hooks/pre-receive.d/* in name order with the push's stdin, skips `*~`, stops at the first failure. */
const GITALY_CHAIN = `#!/bin/sh
input=$(cat)
for hook in "\${GIT_DIR:-.}"/custom_hooks/pre-receive.d/*; do
  case $hook in *~) continue ;; esac
  [ -f "$hook" ] && [ -x "$hook" ] || continue
  printf '%s\\n' "$input" | "$hook" || exit 1
done
`;
/** Stand-in for the hooks/pre-receive Gitea writes: feeds stdin to every executable in hooks/pre-receive.d/, fails if any failed. */
const GITEA_DISPATCHER = `#!/bin/sh
input=$(cat)
hookname=$(basename "$0")
status=0
for hook in "\${GIT_DIR:-.}"/hooks/\${hookname}.d/*; do
  [ -f "$hook" ] && [ -x "$hook" ] || continue
  printf '%s\\n' "$input" | "$hook" || status=1
done
exit $status
`;
/** Stand-in for ssh + sshd (GIT_SSH_VARIANT=simple: argv is HOST COMMAND): run the key's forced command through sh -c. */
const FAKE_SSH = `#!/bin/sh
SSH_ORIGINAL_COMMAND=$2
export SSH_ORIGINAL_COMMAND
exec /bin/sh -c "$GITWARD_TEST_FORCED_COMMAND"
`;
const POLICY = ['refs:', '  - match: refs/heads/main', '    signedCommits: required', ''].join('\n');

interface AuditRecord { decision: string; pusher: string | null; repo: string; violations: Array<{ code: string }>; error: { code: string } | null }

describe('examples: forge install scripts (GitLab, Gitea, bare repo over SSH)', function () {
  this.timeout(60_000);
  let root: string;
  let client: ReturnType<typeof createRepo>;
  let clientEnv: Record<string, string>;

  before(() => assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)'));
  beforeEach(() => {
    root = makeTempDir('gitward-forges-');
    client = createRepo();
    clientEnv = { ...client.env };
    for (const name of IDENTITY_VARS) delete clientEnv[name];
    client.git('config', 'user.email', 'alice@example.com');
    client.write('app.yaml', 'replicas: 2\n');
    client.git('add', 'app.yaml');
    client.git('commit', '-q', '-m', 'unsigned change');
  });
  afterEach(() => {
    client.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  function bareRepo(name: string, layout: 'plain' | 'gitlab' | 'gitea'): string {
    const dir = join(root, `${name}.git`);
    const r = spawnSync('git', ['init', '-q', '--bare', '-b', 'main', dir], { env: clientEnv, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    if (layout === 'gitlab') writeExecutable(join(dir, 'hooks/pre-receive'), GITALY_CHAIN);
    if (layout === 'gitea') {
      writeExecutable(join(dir, 'hooks/pre-receive'), GITEA_DISPATCHER);
      writeExecutable(join(dir, 'hooks/pre-receive.d/gitea'), '#!/bin/sh\ncat >/dev/null\n');
    }
    mkdirSync(join(dir, 'gitward'));
    writeFileSync(join(dir, 'gitward/policy.yaml'), POLICY);
    return dir;
  }

  function install(name: string, ...args: string[]): SpawnSyncReturns<string> {
    return spawnSync('sh', [join(example(name), 'install.sh'), ...args], { env: clientEnv, encoding: 'utf8' });
  }

  function push(url: string, ref: string, env: Record<string, string>): SpawnSyncReturns<string> {
    return spawnSync('git', ['push', '--porcelain', url, `HEAD:${ref}`], { cwd: client.dir, env: { ...clientEnv, ...env }, encoding: 'utf8' });
  }

  function audit(repo: string): AuditRecord[] {
    const file = join(repo, 'gitward/audit.jsonl');
    return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditRecord) : [];
  }

  function refValue(repo: string, ref: string): string | undefined {
    const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: repo, env: clientEnv, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  }

  /** The contract of every example: unsigned → main rejected and audited with the pusher; an unprotected branch still passes. */
  function assertGuarded(repo: string, url: string, env: Record<string, string>, expected: { pusher: string; repo: string }): void {
    const rejected = push(url, 'refs/heads/main', env);
    const out = `${rejected.stdout}\n${rejected.stderr}`;
    assert.notEqual(rejected.status, 0, out);
    assert.match(out, /remote: gitward: .*COMMIT_UNSIGNED/, out);
    assert.equal(refValue(repo, 'refs/heads/main'), undefined, 'a rejected push leaves main absent');
    const accepted = push(url, 'refs/heads/feature/x', env);
    assert.equal(accepted.status, 0, `${accepted.stdout}\n${accepted.stderr}`);
    const records = audit(repo);
    assert.equal(records.length, 2, 'one audit record per push');
    assert.deepEqual(records.map((r) => [r.decision, r.pusher, r.repo, r.error]), [
      ['rejected', expected.pusher, expected.repo, null],
      ['accepted', expected.pusher, expected.repo, null],
    ]);
    assert.ok(records[0]?.violations.some((v) => v.code === 'COMMIT_UNSIGNED'));
  }

  it('gitlab: install.sh links the shim into custom_hooks/pre-receive.d; GL_USERNAME names the pusher', () => {
    const repo = bareRepo('gitlab', 'gitlab');
    const r = install('gitlab', repo);
    assert.equal(r.status, 0, r.stderr);
    const hook = join(repo, 'custom_hooks/pre-receive.d/gitward');
    assert.ok(lstatSync(hook).isSymbolicLink());
    assert.equal(realpathSync(hook), realpathSync(SHIM));
    assert.equal(install('gitlab', repo).status, 0, 'a second run is fine');
    assert.deepEqual(readdirSync(join(repo, 'custom_hooks')).sort(), ['pre-receive.d']);
    assert.deepEqual(readdirSync(join(repo, 'custom_hooks/pre-receive.d')), ['gitward']);
    assertGuarded(repo, `file://${repo}`, { GL_ID: 'user-1', GL_USERNAME: 'alice', GL_PROJECT_PATH: 'platform/gitops' }, { pusher: 'alice', repo: 'platform/gitops' });
    // GitLab's web UI shows only lines prefixed GL-HOOK-ERR: (git clients show all of them).
    const again = push(`file://${repo}`, 'refs/heads/main', { GL_ID: 'user-1', GL_USERNAME: 'alice' });
    assert.match(again.stderr, /remote: GL-HOOK-ERR: gitward: push rejected/);
  });

  it('gitlab: --tar builds the custom_hooks tarball for `gitaly hooks set` (a copy: GITWARD_BIN finds gitward)', () => {
    const tarball = join(root, 'custom_hooks.tar');
    const r = install('gitlab', '--tar', tarball);
    assert.equal(r.status, 0, r.stderr);
    const list = spawnSync('tar', ['-tvf', tarball], { encoding: 'utf8' });
    assert.match(list.stdout, /^-rwxr-xr-x .* custom_hooks\/pre-receive\.d\/gitward$/m, list.stdout);
    const repo = bareRepo('gitlab-tar', 'gitlab');
    assert.equal(spawnSync('tar', ['-C', repo, '-xf', tarball]).status, 0);
    assert.equal(readFileSync(join(repo, 'custom_hooks/pre-receive.d/gitward'), 'utf8'), readFileSync(SHIM, 'utf8'));
    assertGuarded(repo, `file://${repo}`, { GL_USERNAME: 'bob', GITWARD_BIN: GITWARD_BIN }, { pusher: 'bob', repo });
  });

  it("gitea: install.sh adds hooks/pre-receive.d/gitward beside Gitea's own hook; GITEA_PUSHER_NAME names the pusher", () => {
    const repo = bareRepo('gitea', 'gitea');
    const dispatcher = readFileSync(join(repo, 'hooks/pre-receive'), 'utf8');
    const r = install('gitea', repo);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(repo, 'hooks/pre-receive'), 'utf8'), dispatcher, "Gitea's dispatcher is untouched");
    assert.deepEqual(readdirSync(join(repo, 'hooks/pre-receive.d')).sort(), ['gitea', 'gitward']);
    assert.equal(realpathSync(join(repo, 'hooks/pre-receive.d/gitward')), realpathSync(SHIM));
    assert.ok(!readdirSync(join(repo, 'hooks')).some((f) => f.startsWith('.gitward')), 'no temp file left');
    const env = { GITEA_PUSHER_NAME: 'alice', GITEA_REPO_USER_NAME: 'platform', GITEA_REPO_NAME: 'gitops' };
    assertGuarded(repo, `file://${repo}`, env, { pusher: 'alice', repo: 'platform/gitops' });
  });

  it('gitea: install.sh refuses a repository without the pre-receive.d dispatcher (the hook would never run)', () => {
    const repo = bareRepo('plain', 'plain');
    const r = install('gitea', repo);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /does not run hooks\/pre-receive\.d/);
    assert.ok(!existsSync(join(repo, 'hooks/pre-receive.d')));
  });

  it('bare-ssh: install.sh links hooks/pre-receive; GITWARD_PUSHER names the pusher over file://', () => {
    const repo = bareRepo('bare', 'plain');
    const r = install('bare-ssh', repo);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(realpathSync(join(repo, 'hooks/pre-receive')), realpathSync(SHIM));
    assertGuarded(repo, `file://${repo}`, { GITWARD_PUSHER: 'alice' }, { pusher: 'alice', repo });
  });

  it("bare-ssh: the authorized_keys forced command sets GITWARD_PUSHER on the server side, not the pusher's", () => {
    const repo = bareRepo('ssh', 'plain');
    assert.equal(install('bare-ssh', repo).status, 0);
    const line = readFileSync(join(example('bare-ssh'), 'authorized_keys.example'), 'utf8').split('\n').find((l) => l.startsWith('command="env GITWARD_PUSHER=alice '));
    const forced = /^command="((?:[^"\\]|\\.)*)"/.exec(line ?? '')?.[1]?.replace(/\\(.)/g, '$1');
    assert.equal(forced, 'env GITWARD_PUSHER=alice git-shell -c "$SSH_ORIGINAL_COMMAND"');
    const fakeSsh = join(root, 'fake-ssh');
    writeExecutable(fakeSsh, FAKE_SSH);
    const env = { GIT_SSH_COMMAND: fakeSsh, GIT_SSH_VARIANT: 'simple', GITWARD_TEST_FORCED_COMMAND: forced ?? '' };
    assertGuarded(repo, `git-server:${repo}`, env, { pusher: 'alice', repo });
  });

  it("bare-ssh: install.sh leaves someone else's hooks/pre-receive alone unless --force", () => {
    const repo = bareRepo('taken', 'plain');
    writeExecutable(join(repo, 'hooks/pre-receive'), '#!/bin/sh\nexit 0\n');
    const r = install('bare-ssh', repo);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not gitward's shim/);
    assert.equal(install('bare-ssh', '--force', repo).status, 0);
    assert.equal(realpathSync(join(repo, 'hooks/pre-receive')), realpathSync(SHIM));
  });

  function writeExecutable(file: string, content: string): void {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, content);
    chmodSync(file, 0o755);
  }
});
