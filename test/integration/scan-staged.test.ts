import assert from 'node:assert/strict';
import { existsSync, writeFileSync, chmodSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, GITWARD_BIN, type TestRepo } from '../helpers/repo.js';
import { githubToken } from '../helpers/secret-samples.js';

type Repo = ReturnType<typeof createRepo>;
interface JsonReport { findings: Array<{ ruleId: string; file: string; line: number; column: number; redacted: string; fingerprint: string }> }

function scanJson(repo: TestRepo, ...args: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const r = repo.gitward(['scan', ...args, '--format', 'json']);
  return { status: r.status, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** A plain git hook (no husky) that runs the built CLI, so git itself decides the index it hands us. */
function installPlainHook(repo: TestRepo): void {
  const hook = join(repo.dir, '.git/hooks/pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${GITWARD_BIN}" pre-commit\n`);
  chmodSync(hook, 0o755);
}

describe('gitward scan --staged (real repositories)', function () {
  let repo: Repo;
  before(() => assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)'));
  beforeEach(() => {
    repo = createRepo();
    repo.write('README.md', 'hello\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
  });
  afterEach(() => repo.cleanup());

  it('reports a staged token with file, line and rule, redacted, and exits 1', () => {
    const token = githubToken();
    repo.write('config/app.env', `NAME=demo\nGITHUB_TOKEN=${token}\n`);
    repo.git('add', '.');
    const { status, report } = scanJson(repo, '--staged');
    assert.equal(status, 1);
    const [finding] = report.findings;
    assert.ok(finding, 'expected a finding');
    assert.equal(finding.file, 'config/app.env');
    assert.equal(finding.line, 2);
    assert.match(finding.ruleId, /github/i);
    assert.ok(!JSON.stringify(report).includes(token), 'the token must never be printed');
    const text = repo.gitward(['scan', '--staged']);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /config\/app\.env:2:\d+/);
    assert.ok(!text.stdout.includes(token) && !text.stderr.includes(token));
  });

  it('exits 0 when the staged change is clean, and after `git restore --staged`', () => {
    repo.write('leak.txt', `token: ${githubToken()}\n`);
    repo.git('add', '.');
    assert.equal(repo.gitward(['scan', '--staged']).status, 1);
    repo.git('restore', '--staged', 'leak.txt');
    const clean = repo.gitward(['scan', '--staged']);
    assert.equal(clean.status, 0, clean.stderr);
  });

  it('reads the index, not the working tree', () => {
    repo.write('a.txt', 'safe\n');
    repo.git('add', 'a.txt');
    repo.write('a.txt', `safe\nkey=${githubToken()}\n`); // only in the working tree
    assert.equal(repo.gitward(['scan', '--staged']).status, 0);
    repo.write('b.txt', `key=${githubToken()}\n`);
    repo.git('add', 'b.txt');
    unlinkSync(join(repo.dir, 'b.txt')); // staged, then removed from the working tree
    assert.equal(scanJson(repo, '--staged').report.findings[0]?.file, 'b.txt');
  });

  it('ignores an old secret in an unchanged part of a modified file unless --all-lines', () => {
    const token = githubToken();
    repo.write('settings.txt', `old_token=${token}\nother=1\n`);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'existing secret');
    repo.write('settings.txt', `old_token=${token}\nother=1\nadded=line\n`);
    repo.git('add', '.');
    assert.equal(scanJson(repo, '--staged').report.findings.length, 0);
    const all = scanJson(repo, '--staged', '--all-lines');
    assert.equal(all.status, 1);
    assert.equal(all.report.findings[0]?.line, 1);
  });

  it('honours `gitward:allow` on the line and secrets.allow.paths', () => {
    repo.write('allowed.txt', `token=${githubToken()} # gitward:allow test fixture\n`);
    repo.write('fixtures/sample.txt', `token=${githubToken()}\n`);
    repo.write('.gitwardrc.json', JSON.stringify({ secrets: { allow: { paths: ['fixtures/**'] } } }));
    repo.git('add', '.');
    const { status, report } = scanJson(repo, '--staged');
    assert.deepEqual(report.findings, []);
    assert.equal(status, 0);
  });

  it('blocks `git commit -a` and `git commit <path>`, which use a temporary index (GIT_INDEX_FILE)', () => {
    installPlainHook(repo);
    repo.write('README.md', `hello\ntoken=${githubToken()}\n`);
    const all = repo.gitResult('commit', '-a', '-m', 'with -a');
    assert.notEqual(all.status, 0, 'commit -a must be blocked');
    assert.match(all.stderr, /README\.md:2/);
    const only = repo.gitResult('commit', 'README.md', '-m', 'with a path');
    assert.notEqual(only.status, 0, 'commit <path> must be blocked');
    repo.write('README.md', 'hello\nclean\n');
    assert.equal(repo.gitResult('commit', '-a', '-m', 'clean').status, 0);
  });

  it('reports a binary file as skipped rather than clean', () => {
    repo.write('blob.bin', Buffer.from([0, 1, 2, 3, 0, 5]));
    repo.git('add', '.');
    const r = repo.gitward(['scan', '--staged', '--format', 'json']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /blob\.bin/);
  });

  it('exits 2 with every problem listed when the config is invalid', () => {
    repo.write('.gitwardrc.json', JSON.stringify({ secrets: { enabled: 'yes', maxFileSize: -1, allow: { paths: [1] } } }));
    const r = repo.gitward(['scan', '--staged']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /secrets\.enabled/);
    assert.match(r.stderr, /secrets\.maxFileSize/);
    assert.match(r.stderr, /secrets\.allow\.paths\[0\]/);
  });

  it('rejects unknown flags and formats with exit 2', () => {
    assert.equal(repo.gitward(['scan', '--staged', '--bogus']).status, 2);
    assert.equal(repo.gitward(['scan', '--staged', '--format', 'xml']).status, 2);
  });
});
