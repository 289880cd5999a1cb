import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, GITWARD_BIN, type TestRepo } from '../helpers/repo.js';
import { githubToken } from '../helpers/secret-samples.js';
import { scanHistory } from '../../src/use-cases/scan-history.js';
import { streamPatches, type DiffFile } from '../../src/git/index.js';
import { defaultTeamConfig } from '../../src/config/index.js';

type Repo = ReturnType<typeof createRepo>;
interface JsonReport { findings: Array<{ ruleId: string; file: string; line: number; commit?: string }> }
const secrets = defaultTeamConfig().secrets;

function commit(repo: TestRepo, message: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '-A');
  repo.git('commit', '-qm', message);
  return repo.git('rev-parse', 'HEAD').trim();
}

function scanJson(repo: TestRepo, ...args: string[]): { status: number | null; report: JsonReport } {
  const r = repo.gitward(['scan', ...args, '--format', 'json']);
  return { status: r.status, report: JSON.parse(r.stdout || `{"error": ${JSON.stringify(r.stderr)}}`) as JsonReport };
}

/** `n` commits on top of HEAD appending one line each, written by fast-import (one process instead of 2n). Returns the old HEAD. */
function manyCommits(repo: TestRepo, n: number): string {
  const base = repo.git('rev-parse', 'HEAD').trim();
  let stream = '';
  for (let i = 0; i < n; i++) {
    const data = `${Array.from({ length: i + 1 }, (_, j) => `entry ${j}`).join('\n')}\n`;
    stream += `commit refs/heads/main\ncommitter Test <test@example.com> ${1_700_000_000 + i} +0000\ndata 8\nstep ${String(i).padStart(3, '0')}\n${i === 0 ? `from ${base}\n` : ''}`;
    stream += `M 100644 inline log.txt\ndata ${Buffer.byteLength(data)}\n${data}\n`;
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, env: repo.env, input: stream, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  repo.git('reset', '-q', '--hard');
  return base;
}

/** Runs the CLI under a pseudo-terminal (`script` from bsdutils) and returns everything it drew. */
function underPseudoTty(repo: TestRepo, args: string[]): { status: number | null; output: string } {
  const command = [process.execPath, GITWARD_BIN, ...args].map((s) => `'${s.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
  return { status: r.status, output: r.stdout };
}

describe('history and range scans (real repositories)', function () {
  let repo: Repo;
  before(() => assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)'));
  beforeEach(() => {
    repo = createRepo();
    commit(repo, 'init', { 'README.md': 'hello\n' });
  });
  afterEach(() => repo.cleanup());

  it('--history finds a secret added and removed in old commits, with its commit, path and line', () => {
    const token = githubToken();
    const leak = commit(repo, 'add config', { 'config/app.env': `NAME=demo\nREGION=eu\nGITHUB_TOKEN=${token}\n` });
    repo.git('rm', '-q', 'config/app.env');
    repo.git('commit', '-qm', 'remove config');
    commit(repo, 'later work', { 'src/app.js': 'export const x = 1;\n' });
    const { status, report } = scanJson(repo, '--history');
    assert.equal(status, 1);
    assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.commit]), [['config/app.env', 3, leak]]);
    const text = repo.gitward(['scan', '--history']);
    assert.equal(text.status, 1);
    assert.ok(![text.stdout, text.stderr, JSON.stringify(report)].some((out) => out.includes(token)), 'the token must never be printed');
  });

  it('--range A..B scans only the commits of that range', () => {
    const before = commit(repo, 'old leak', { 'old.txt': `token=${githubToken()}\n` });
    const inRange = commit(repo, 'new leak', { 'new.txt': `a\nb\ntoken=${githubToken()}\n` });
    commit(repo, 'clean', { 'clean.txt': 'nothing here\n' });
    const range = scanJson(repo, '--range', `${before}..HEAD`);
    assert.equal(range.status, 1);
    assert.deepEqual(range.report.findings.map((f) => [f.file, f.line, f.commit]), [['new.txt', 3, inRange]]);
    assert.equal(scanJson(repo, '--range', `${inRange}..HEAD`).status, 0);
    assert.equal(scanJson(repo, '--history').report.findings.length, 2);
  });

  it('exits 0 on a clean history (allowed paths honoured) and 2 on a range git cannot resolve or that looks like an option', () => {
    commit(repo, 'more', { 'a.txt': 'safe\n', 'fixtures/t.txt': `t=${githubToken()}\n`, '.gitwardrc.json': '{"secrets":{"allow":{"paths":["fixtures/**"]}}}' });
    assert.equal(repo.gitward(['scan', '--history']).status, 0);
    const unknown = repo.gitward(['scan', '--range', 'no-such-branch..HEAD']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /GIT_FAILED.*no-such-branch/);
    const option = repo.gitward(['scan', '--range=--output=/tmp/gitward-x']);
    assert.deepEqual([option.status, /USAGE/.test(option.stderr)], [2, true]);
    assert.ok(!existsSync('/tmp/gitward-x'), 'a range must never reach git as an option');
  });

  it('draws a progress bar on a terminal for a 100-commit range, and nothing on a pipe', () => {
    const base = manyCommits(repo, 100);
    const tty = underPseudoTty(repo, ['scan', '--range', `${base}..HEAD`]);
    assert.equal(tty.status, 0, tty.output);
    assert.match(tty.output, /scanning history \[#+\] 100\/100 commits/);
    const piped = repo.gitward(['scan', '--range', `${base}..HEAD`]);
    assert.equal(piped.status, 0, piped.stderr);
    assert.doesNotMatch(piped.stderr + piped.stdout, /scanning history|\r|\x1b/);
  });

  it('finds a secret that enters through a merge conflict resolution at the merge, and branch secrets once, at their commit', () => {
    commit(repo, 'base', { 'settings.txt': 'mode=a\n' });
    repo.git('checkout', '-qb', 'side');
    const sideLeak = commit(repo, 'side change', { 'settings.txt': 'mode=side\n', 'side.txt': `token=${githubToken()}\n` });
    repo.git('checkout', '-q', 'main');
    commit(repo, 'main change', { 'settings.txt': 'mode=main\n' });
    assert.notEqual(repo.gitResult('merge', '-q', 'side', '-m', 'merge side').status, 0, 'the merge must conflict');
    const merge = commit(repo, 'merge side', { 'settings.txt': `mode=merged\ntoken=${githubToken()}\n` });
    const { status, report } = scanJson(repo, '--history');
    assert.equal(status, 1);
    const found = report.findings.map((f) => [f.file, f.line, f.commit]).sort();
    assert.deepEqual(found, [['settings.txt', 2, merge], ['side.txt', 1, sideLeak]]);
  });

  it('finds content added by an octopus merge (which remerge-diff skips) without repeating branch findings', () => {
    const branchLeak: Record<string, string> = {};
    for (const branch of ['x', 'y']) {
      repo.git('checkout', '-q', '-b', branch, 'main');
      branchLeak[branch] = commit(repo, `on ${branch}`, { [`${branch}.txt`]: `token=${githubToken()}\n` });
    }
    repo.git('checkout', '-q', 'main');
    commit(repo, 'main moves on', { 'main.txt': 'work\n' });
    repo.git('merge', '-q', '--no-edit', 'x', 'y');
    repo.write('README.md', `hello\ntoken=${githubToken()}\n`);
    repo.git('commit', '-q', '-a', '--amend', '--no-edit'); // an "evil" octopus merge
    const [octopus, ...parents] = repo.git('rev-list', '--parents', '-n1', 'HEAD').trim().split(' ');
    assert.equal(parents.length, 3, 'expected an octopus merge');
    const { report } = scanJson(repo, '--history');
    const byFile = Object.fromEntries(report.findings.map((f) => [f.file, [f.line, f.commit]]));
    assert.deepEqual(byFile, { 'x.txt': [1, branchLeak.x], 'y.txt': [1, branchLeak.y], 'README.md': [2, octopus] });
  });

  it('does not report a secret again when its file is only renamed', () => {
    const leak = commit(repo, 'leak', { 'old-name.txt': `one\ntwo\nthree\ntoken=${githubToken()}\n` });
    repo.git('mv', 'old-name.txt', 'new-name.txt');
    repo.git('commit', '-qm', 'rename');
    const { report } = scanJson(repo, '--history');
    assert.deepEqual(report.findings.map((f) => [f.file, f.commit]), [['old-name.txt', leak]]);
  });
});

describe('scanHistory / streamPatches (use-case and adapter)', function () {
  let repo: Repo;
  beforeEach(() => {
    repo = createRepo();
    commit(repo, 'init', { 'README.md': 'hello\n' });
  });
  afterEach(() => repo.cleanup());
  const ctxOf = (r: TestRepo) => ({ cwd: r.dir, env: r.env });

  it('scans server-style revisions (new commits only: `<oid> --not --all`)', async () => {
    commit(repo, 'on main', { 'main.txt': `token=${githubToken()}\n` });
    const pushed = commit(repo, 'pushed', { 'pushed.txt': `x\ntoken=${githubToken()}\n` });
    repo.git('reset', '-q', '--hard', 'HEAD~1'); // like a quarantined push: the commit exists, no ref names it
    const result = await scanHistory({ ctx: ctxOf(repo), config: secrets, revs: [pushed, '--not', '--all'] });
    assert.equal(result.scannedCommits, 1);
    assert.deepEqual(result.decision.findings.map((f) => [f.file, f.line, f.commit]), [['pushed.txt', 2, pushed]]);
    await assert.rejects(scanHistory({ ctx: ctxOf(repo), config: secrets, revs: ['--output=/tmp/x'] }), { code: 'USAGE' });
  });

  it('counts every commit, reports progress with the total, and reports binary files as skipped', async () => {
    const bin = commit(repo, 'binary', { 'image.bin': Buffer.from([0, 1, 2, 0, 3, 4]) });
    repo.git('commit', '-q', '--allow-empty', '-m', 'empty');
    const calls: Array<[number, number]> = [];
    const result = await scanHistory({ ctx: ctxOf(repo), config: secrets, all: true, onProgress: (done, total) => calls.push([done, total]) });
    assert.equal(result.scannedCommits, 3);
    assert.deepEqual(calls.at(-1), [3, 3]);
    assert.deepEqual(result.decision.skipped.filter((s) => s.reason === 'binary'), [{ file: 'image.bin', reason: 'binary', commit: bin }]);
  });

  it('fails with GIT_FAILED when git dies mid-stream, after yielding earlier files (never a partial success)', async () => {
    commit(repo, 'two', { 'two.txt': 'second file\n' });
    commit(repo, 'three', { 'three.txt': 'third file\n' });
    const blob = repo.git('rev-parse', 'HEAD~2:README.md').trim(); // the oldest commit's blob, loose (gc.auto=0)
    unlinkSync(join(repo.dir, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    const seen: DiffFile[] = [];
    await assert.rejects(async () => {
      for await (const file of streamPatches(ctxOf(repo), { revs: ['HEAD'] })) seen.push(file);
    }, (error: { code?: string; message?: string }) => error.code === 'GIT_FAILED' && /git log failed/.test(error.message ?? ''));
    assert.deepEqual(seen.map((f) => f.path), ['three.txt', 'two.txt']);
    await assert.rejects(scanHistory({ ctx: ctxOf(repo), config: secrets, all: true }), { code: 'GIT_FAILED' });
    assert.equal(repo.gitward(['scan', '--history']).status, 2);
  });

  it('yields each file with its commit and real line numbers, and lets the consumer stop early', async () => {
    for (let i = 0; i < 5; i++) commit(repo, `c${i}`, { [`f${i}.txt`]: `line ${i}\n` });
    const head = repo.git('rev-parse', 'HEAD').trim();
    let seen = 0;
    for await (const file of streamPatches(ctxOf(repo), { revs: ['HEAD'] })) {
      assert.deepEqual([file.path, file.commit, file.lines, file.lineNumbers], ['f4.txt', head, ['line 4'], [1]]);
      seen++;
      break; // the generator's cleanup kills git; the test would leak a process otherwise
    }
    assert.equal(seen, 1);
  });
});
