import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, makeTempDir, GITWARD_BIN, PROJECT_ROOT } from '../helpers/repo.js';
import { githubToken } from '../helpers/secret-samples.js';
import { makeGpgKey, makeSshSigner, stopGpgAgent } from '../helpers/keys.js';

/**
 * The client hooks as a team gets them (husky's and lint-staged's own e2e approach): gitward is
 * `npm pack`ed once, installed from the tarball into a template project (dependencies from the
 * warm npm cache), and every scenario runs real `git commit`s through `npx gitward init`'s hooks.
 */
type Repo = ReturnType<typeof createRepo>;

let work = '';
let template = '';

function run(cmd: string, args: string[], options: { cwd: string; env: Record<string, string | undefined>; input?: string }): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd: options.cwd, env: options.env, encoding: 'utf8', input: options.input ?? '' });
}

function timed<T>(label: string, fn: () => T): T {
  const start = Date.now();
  const value = fn();
  console.log(`      (${label}: ${Date.now() - start} ms)`);
  return value;
}

/** A team repository with gitward installed from the tarball (node_modules shared with the template). */
function teamRepo(options: { packageJson: boolean }): Repo {
  const repo = createRepo();
  if (options.packageJson) {
    writeFileSync(join(repo.dir, 'package.json'), readFileSync(join(template, 'package.json')));
    symlinkSync(join(template, 'node_modules'), join(repo.dir, 'node_modules'));
  }
  repo.write('.gitignore', 'node_modules\n');
  repo.write('README.md', 'team repo\n');
  repo.git('add', '.');
  repo.git('commit', '-qm', 'initial');
  return repo;
}

function npxGitward(repo: Repo, args: string[]): SpawnSyncReturns<string> {
  return run('npx', ['--no-install', 'gitward', ...args], { cwd: repo.dir, env: repo.env });
}

function commit(repo: Repo, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return run('git', ['commit', ...args], { cwd: repo.dir, env: { ...repo.env, ...env } });
}

function stageToken(repo: Repo, file = 'config/app.env'): string {
  const token = githubToken();
  repo.write(file, `NAME=demo\nGITHUB_TOKEN=${token}\n`);
  repo.git('add', file);
  return token;
}

function stageClean(repo: Repo, name: string): void {
  repo.write(name, `${name}\n`);
  repo.git('add', name);
}

describe('client hooks end to end (npm-packed gitward + husky, real git commit)', function () {
  this.timeout(180_000);

  before(function () {
    assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)');
    work = makeTempDir('gitward-e2e-');
    const packed = timed('npm pack', () => run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: PROJECT_ROOT, env: process.env }));
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = join(work, packed.stdout.trim().split('\n').pop() ?? '');
    template = join(work, 'template');
    mkdirSync(template);
    writeFileSync(join(template, 'package.json'), `${JSON.stringify({ name: 'team-repo', version: '1.0.0', private: true }, null, 2)}\n`);
    const install = timed('npm install <tarball>', () =>
      run('npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: template, env: process.env }));
    assert.equal(install.status, 0, install.stderr);
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('with husky (package.json)', () => {
    let repo: Repo;
    beforeEach(() => {
      repo = teamRepo({ packageJson: true });
    });
    afterEach(() => {
      stopGpgAgent(repo.env.GNUPGHOME as string);
      repo.cleanup();
    });

    it('`npx gitward init` wires husky: prepare script, .husky hooks, core.hooksPath, config', () => {
      const r = timed('npx gitward init', () => npxGitward(repo, ['init']));
      assert.equal(r.status, 0, r.stderr);
      const pkg = JSON.parse(readFileSync(join(repo.dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
      assert.equal(pkg.scripts.prepare, 'husky');
      assert.ok(pkg.devDependencies.gitward && pkg.devDependencies.husky);
      assert.equal(repo.git('config', 'core.hooksPath').trim(), '.husky/_');
      assert.match(readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8'), /gitward/);
      assert.match(readFileSync(join(repo.dir, 'gitward.config.json'), 'utf8'), /"\$schema": "\.\/node_modules\/gitward\/gitward\.schema\.json"/);
      assert.ok(existsSync(join(repo.dir, 'node_modules/gitward/gitward.schema.json')), 'the $schema target ships in the package');
    });

    it('blocks a staged token (file, line, rule; token redacted), and passes after `git restore --staged`', () => {
      assert.equal(npxGitward(repo, ['init']).status, 0);
      const token = stageToken(repo);
      const blocked = timed('blocked git commit', () => commit(repo, ['-m', 'leak']));
      assert.equal(blocked.status, 1, blocked.stderr);
      const output = blocked.stdout + blocked.stderr;
      assert.match(output, /config\/app\.env:2/);
      assert.match(output, /github/i);
      assert.ok(!output.includes(token), 'the raw token is never printed');
      assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '1', 'no commit was created');
      repo.git('restore', '--staged', 'config/app.env');
      stageClean(repo, 'notes.txt');
      const passed = timed('clean git commit', () => commit(repo, ['-m', 'clean']));
      assert.equal(passed.status, 0, passed.stderr);
    });

    it('HUSKY=0 and --no-verify skip the hook (the server hook is the enforcement point)', () => {
      assert.equal(npxGitward(repo, ['init']).status, 0);
      stageToken(repo, 'a.env');
      assert.equal(commit(repo, ['-m', 'skipped by HUSKY=0'], { HUSKY: '0' }).status, 0);
      stageToken(repo, 'b.env');
      assert.equal(commit(repo, ['--no-verify', '-m', 'skipped by --no-verify']).status, 0);
      stageToken(repo, 'c.env');
      const checked = commit(repo, ['-m', 'not skipped']);
      assert.equal(checked.status, 1, 'the hook still runs otherwise');
      assert.match(checked.stderr, /c\.env:2/);
    });

    it('`gitward init` twice leaves one copy of each hook line, and the team\'s own hook lines still run', () => {
      mkdirSync(join(repo.dir, '.husky'));
      writeFileSync(join(repo.dir, '.husky/pre-commit'), 'echo team-hook-ran\n');
      assert.equal(npxGitward(repo, ['init']).status, 0);
      const first = readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8');
      const again = npxGitward(repo, ['init']);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /already up to date/);
      const second = readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8');
      assert.equal(second, first);
      assert.equal(second.split('echo team-hook-ran').length - 1, 1);
      assert.equal(second.split('# >>> gitward >>>').length - 1, 1);
      stageClean(repo, 'x.txt');
      const r = commit(repo, ['-m', 'both run']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout + r.stderr, /team-hook-ran/);
    });

    it('signing.required blocks until signing is set up, then a real OpenPGP-signed commit passes', () => {
      assert.equal(npxGitward(repo, ['init', '--require-signing']).status, 0);
      stageClean(repo, 'signed.txt');
      const blocked = commit(repo, ['-m', 'unsigned']);
      assert.equal(blocked.status, 1, blocked.stderr);
      assert.match(blocked.stderr, /SIGNING_NOT_CONFIGURED/);
      assert.match(blocked.stderr, /git config commit\.gpgsign true/);
      const fpr = makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Test User', email: 'test@example.com' }).fingerprint;
      repo.git('config', 'commit.gpgsign', 'true');
      repo.git('config', 'user.signingkey', fpr);
      const passed = commit(repo, ['-m', 'signed']);
      assert.equal(passed.status, 0, passed.stderr);
      assert.equal(repo.gitResult('verify-commit', 'HEAD').status, 0, 'git verifies the OpenPGP signature');
    });

    it('signing.required passes with a real SSH key', () => {
      assert.equal(npxGitward(repo, ['init', '--require-signing']).status, 0);
      const keys = makeSshSigner(join(repo.home, '.ssh'), 'test@example.com');
      repo.git('config', 'commit.gpgsign', 'true');
      repo.git('config', 'gpg.format', 'ssh');
      repo.git('config', 'user.signingkey', keys.publicKeyPath);
      stageClean(repo, 'ssh.txt');
      const blocked = commit(repo, ['-m', 'no allowed signers yet']);
      assert.equal(blocked.status, 1);
      assert.match(blocked.stderr, /gpg\.ssh\.allowedSignersFile/);
      repo.git('config', 'gpg.ssh.allowedSignersFile', keys.allowedSignersPath);
      const passed = commit(repo, ['-m', 'ssh signed']);
      assert.equal(passed.status, 0, passed.stderr);
      assert.equal(repo.gitResult('verify-commit', 'HEAD').status, 0, 'git verifies the SSH signature');
    });
  });

  describe('without package.json (core.hooksPath)', () => {
    let repo: Repo;
    beforeEach(() => {
      repo = teamRepo({ packageJson: false });
    });
    afterEach(() => repo.cleanup());

    it('installs gitward-managed shims that find gitward on PATH and block a secret', () => {
      // A global install, as the README suggests for repositories without package.json.
      const env = { ...repo.env, PATH: `${join(template, 'node_modules/.bin')}:${repo.env.PATH ?? ''}` };
      const init = run('gitward', ['init'], { cwd: repo.dir, env });
      assert.equal(init.status, 0, init.stderr);
      assert.equal(repo.git('config', 'core.hooksPath').trim(), '.git/gitward/hooks');
      const token = stageToken(repo);
      const blocked = run('git', ['commit', '-m', 'leak'], { cwd: repo.dir, env });
      assert.equal(blocked.status, 1, blocked.stderr);
      assert.match(blocked.stderr, /config\/app\.env:2/);
      assert.ok(!blocked.stderr.includes(token));
      repo.git('restore', '--staged', 'config/app.env');
      stageClean(repo, 'ok.txt');
      const passed = run('git', ['commit', '-m', 'clean'], { cwd: repo.dir, env });
      assert.equal(passed.status, 0, passed.stderr);
    });
  });
});
