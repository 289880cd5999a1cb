import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync, symlinkSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRepo, GITWARD_BIN, PROJECT_ROOT } from '../helpers/repo.js';
import { githubToken } from '../helpers/secret-samples.js';
import { installHooks, type InstallHooksInput } from '../../src/use-cases/install-hooks.js';
import { BLOCK_START, BLOCK_END } from '../../src/install/index.js';

type Repo = ReturnType<typeof createRepo>;

function init(repo: Repo, extra: Partial<InstallHooksInput> = {}) {
  return installHooks({ ctx: { cwd: repo.dir, env: repo.env }, nodePath: process.execPath, requireSigning: false, ...extra });
}
const read = (repo: Repo, path: string) => readFileSync(join(repo.dir, path), 'utf8');
const readJson = (repo: Repo, path: string) => JSON.parse(read(repo, path)) as Record<string, any>;
const mode = (repo: Repo, path: string) => statSync(join(repo.dir, path)).mode & 0o777;
const count = (text: string, needle: string) => text.split(needle).length - 1;
const shippedBlock = (name: string) => {
  const text = readFileSync(join(PROJECT_ROOT, 'hooks', name), 'utf8');
  return text.slice(text.indexOf(BLOCK_START));
};

describe('gitward init: husky (repository with package.json)', function () {
  let repo: Repo;
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => repo.cleanup());

  it('adds the prepare script and husky, writes both hooks, runs husky and scaffolds the config', async () => {
    repo.write('package.json', JSON.stringify({ name: 'team-repo', version: '1.0.0' }, null, 2));
    const outcome = await init(repo);
    assert.equal(outcome.mode, 'husky');
    const pkg = readJson(repo, 'package.json');
    assert.equal(pkg.scripts.prepare, 'husky');
    assert.equal(pkg.devDependencies.husky, '^9.1.7');
    for (const name of ['pre-commit', 'pre-push']) {
      assert.equal(read(repo, `.husky/${name}`), shippedBlock(name), `.husky/${name} holds the shipped block`);
      assert.equal(mode(repo, `.husky/${name}`), 0o755);
      assert.ok(existsSync(join(repo.dir, '.husky/_', name)), `husky's stub for ${name}`);
    }
    assert.equal(repo.git('config', 'core.hooksPath').trim(), '.husky/_');
    assert.deepEqual(readJson(repo, 'gitward.config.json'), { $schema: './node_modules/gitward/gitward.schema.json', signing: { required: false } });
    assert.ok(outcome.done.some((d) => d.includes('gitward.config.json')));
  });

  it('keeps an existing prepare script, indentation and hook lines; a second run changes nothing', async () => {
    repo.write('package.json', '{\n\t"name": "x",\n\t"scripts": {\n\t\t"prepare": "npm run build"\n\t},\n\t"devDependencies": {\n\t\t"gitward": "^0.1.0"\n\t}\n}\n');
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    await init(repo);
    const first = { pkg: read(repo, 'package.json'), hook: read(repo, '.husky/pre-commit'), push: read(repo, '.husky/pre-push') };
    assert.equal(readJson(repo, 'package.json').scripts.prepare, 'npm run build && husky');
    assert.match(first.pkg, /^\t"name"/m, 'tab indentation kept');
    assert.ok(first.hook.startsWith('npx lint-staged\n'), 'the team\'s line stays first');
    const again = await init(repo);
    assert.equal(read(repo, 'package.json'), first.pkg);
    assert.equal(read(repo, '.husky/pre-commit'), first.hook);
    assert.equal(read(repo, '.husky/pre-push'), first.push);
    for (const line of first.hook.split('\n').filter((l) => l.trim() !== '' && !/^\s*(fi|\)|})\s*$/.test(l))) {
      assert.equal(count(first.hook, `${line}\n`), 1, `one copy of: ${line}`);
    }
    assert.ok(again.done.some((d) => /pre-commit: gitward lines already up to date/.test(d)), again.done.join('\n'));
    assert.ok(!again.done.some((d) => d.startsWith('package.json')), 'package.json untouched the second time');
  });

  it('respects HUSKY=0 for husky\'s installer and says how to activate the hooks later', async () => {
    repo.write('package.json', '{"name":"x"}');
    const outcome = await init(repo, { ctx: { cwd: repo.dir, env: { ...repo.env, HUSKY: '0' } } });
    assert.ok(outcome.notes.some((n) => n.includes('HUSKY=0')), outcome.notes.join('\n'));
    assert.equal(repo.gitResult('config', 'core.hooksPath').status, 1, 'core.hooksPath left unset');
    assert.ok(existsSync(join(repo.dir, '.husky/pre-commit')), 'the committed hook files are still written');
  });

  it('refreshes an outdated gitward block in place and keeps the lines around it', async () => {
    repo.write('package.json', '{"name":"x","scripts":{"prepare":"husky"},"devDependencies":{"husky":"^9.0.0"}}');
    repo.write('.husky/pre-push', `echo before\n${BLOCK_START}\nold gitward line\n${BLOCK_END}\necho after\n`);
    await init(repo);
    const text = read(repo, '.husky/pre-push');
    assert.ok(text.startsWith('echo before\n') && text.endsWith('echo after\n'), text);
    assert.ok(!text.includes('old gitward line'));
    assert.equal(count(text, BLOCK_START), 1);
    assert.equal(readJson(repo, 'package.json').devDependencies.husky, '^9.0.0', 'an existing husky range is respected');
  });

  it('--require-signing: scaffolds it, or sets only that key in a JSON config, or says what to add', async () => {
    repo.write('package.json', '{"name":"x"}');
    await init(repo, { requireSigning: true });
    assert.equal(readJson(repo, 'gitward.config.json').signing.required, true);

    repo.write('gitward.config.json', JSON.stringify({ secrets: { allow: { paths: ['fixtures/**'] } } }, null, 4));
    await init(repo, { requireSigning: true, configFile: join(repo.dir, 'gitward.config.json') });
    assert.deepEqual(readJson(repo, 'gitward.config.json'), { secrets: { allow: { paths: ['fixtures/**'] } }, signing: { required: true } });
    assert.match(read(repo, 'gitward.config.json'), /^ {4}"secrets"/m, 'indentation kept');

    repo.write('.gitwardrc.yaml', 'secrets:\n  enabled: true\n');
    const yaml = await init(repo, { requireSigning: true, configFile: '.gitwardrc.yaml' });
    assert.equal(read(repo, '.gitwardrc.yaml'), 'secrets:\n  enabled: true\n');
    assert.ok(yaml.notes.some((n) => n.includes('"signing": { "required": true }')), yaml.notes.join('\n'));

    repo.write('package.json', '{"name":"x","gitward":{"secrets":{"enabled":true}}}');
    await init(repo, { requireSigning: true, configFile: 'package.json' });
    assert.deepEqual(readJson(repo, 'package.json').gitward, { secrets: { enabled: true }, signing: { required: true } });
  });
});

describe('gitward init: core.hooksPath (repository without package.json)', function () {
  let repo: Repo;
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => repo.cleanup());

  it('points core.hooksPath at .git/gitward/hooks with executable shims', async () => {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho mine\n');
    const outcome = await init(repo);
    assert.equal(outcome.mode, 'hooks-path');
    assert.equal(repo.git('config', 'core.hooksPath').trim(), '.git/gitward/hooks');
    for (const name of ['pre-commit', 'pre-push']) {
      assert.equal(read(repo, `.git/gitward/hooks/${name}`), readFileSync(join(PROJECT_ROOT, 'hooks', name), 'utf8'));
      assert.equal(mode(repo, `.git/gitward/hooks/${name}`), 0o755);
    }
    assert.ok(outcome.notes.some((n) => n.includes('no longer run') && n.includes('pre-commit')), outcome.notes.join('\n'));
    assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), '?? gitward.config.json\n', 'only the config appears in the work tree');
    await init(repo);
    assert.equal(repo.git('config', '--get-all', 'core.hooksPath').trim(), '.git/gitward/hooks');
  });

  it('does not silently replace a core.hooksPath set by something else, unless --force', async () => {
    repo.git('config', 'core.hooksPath', 'tools/hooks');
    await assert.rejects(init(repo), (e: { code?: string }) => e.code === 'USAGE');
    assert.equal(repo.git('config', 'core.hooksPath').trim(), 'tools/hooks');
    await init(repo, { force: true });
    assert.equal(repo.git('config', 'core.hooksPath').trim(), '.git/gitward/hooks');
  });

  it('blocks the commit with a clear message when the gitward CLI cannot be found', async () => {
    await init(repo);
    repo.write('a.txt', 'hello\n');
    repo.git('add', 'a.txt');
    const r = repo.gitResult('commit', '-m', 'x');
    // PATH has node (and npx) but no gitward; the temp repo has no node_modules.
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /gitward: the gitward CLI was not found/);
    assert.match(r.stderr, /npm install/);
    assert.match(r.stderr, /--no-verify/);
  });

  it('runs gitward from PATH and blocks a staged secret (built CLI)', async () => {
    assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)');
    const bin = join(repo.home, 'bin');
    mkdirSync(bin);
    symlinkSync(GITWARD_BIN, join(bin, 'gitward'));
    chmodSync(GITWARD_BIN, 0o755);
    const env = { ...repo.env, PATH: `${bin}:${dirname(process.execPath)}:${repo.env.PATH ?? ''}` };
    repo.git('commit', '--allow-empty', '-qm', 'initial');
    await init(repo);
    const token = githubToken();
    writeFileSync(join(repo.dir, 'app.env'), `TOKEN=${token}\n`);
    repo.git('add', 'app.env');
    const commit = (...args: string[]) => spawnSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' });
    const r = commit('commit', '-m', 'leak');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /app\.env:1/);
    assert.ok(!r.stderr.includes(token));
    repo.git('restore', '--staged', 'app.env');
    repo.write('clean.txt', 'ok\n');
    repo.git('add', 'clean.txt');
    assert.equal(commit('commit', '-m', 'clean').status, 0);
  });
});

describe('gitward init (built CLI)', function () {
  let repo: Repo;
  before(() => assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)'));
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => repo.cleanup());

  it('prints what it did, and that a second run changed nothing', () => {
    repo.write('package.json', '{"name":"x"}');
    const first = repo.gitward(['init', '--require-signing']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /✓ package\.json: added the script "prepare": "husky"/);
    assert.match(first.stdout, /✓ gitward\.config\.json: created with \$schema and signing\.required: true/);
    assert.match(first.stdout, /--no-verify/);
    const second = repo.gitward(['init', '--require-signing']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /pre-commit: gitward lines already up to date/);
    assert.match(second.stdout, /signing\.required is already true/);
  });

  it('rejects unknown flags with exit 2', () => {
    assert.equal(repo.gitward(['init', '--bogus']).status, 2);
  });
});
