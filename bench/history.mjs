// bench/history.mjs <repo-dir> — `gitward scan --history` beside git producing the same history as
// text (`git log -p --all`, the floor), medians over BENCH_RUNS runs (default 3, after one warm-up),
// plus peak memory (maximum resident set size from /usr/bin/time -v) of the scan at the full history
// and at its older half, to show memory does not grow with history length.
// Build a corpus with bench/build-history.mjs when no large repository is at hand.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir, run } from './lib.mjs';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(project, 'dist/bundle/bin.js');
const repo = process.argv[2] ? resolve(process.argv[2]) : undefined;
const runs = Number(process.env.BENCH_RUNS ?? 3);
if (!repo || !existsSync(join(repo, '.git'))) throw new Error('usage: node bench/history.mjs <repo-dir> (a git work tree; see bench/build-history.mjs)');
if (!existsSync(bin)) throw new Error('run `npm run build` first');
const { logPatchesArgs } = await import(join(project, 'dist/git/log-patches.js'));
const env = isolatedEnv(join(tempDir('gitward-bench-history-'), 'home'));
const git = (...args) => run('git', args, { cwd: repo, env }).stdout.trim();

/** Runs a command with stdout drained by this process (a pipe, like a real consumer); resolves to ms. */
function timeOnce(cmd, args, input) {
  return new Promise((resolveP, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: repo, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'] });
    child.stdout.on('data', () => undefined);
    if (input !== undefined) child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || (cmd === process.execPath && code === 1) ? resolveP(Number(process.hrtime.bigint() - start) / 1e6) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

async function median(cmd, args, input) {
  await timeOnce(cmd, args, input);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(cmd, args, input));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Makes the node process print its own peak RSS at exit (GNU time reports the largest process of the tree: git). */
const NODE_RSS = `data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,'node-maxrss-kb='+process.resourceUsage().maxRSS+'\\n'))`;

/** Peak RSS (kB) of one run: the node process alone, and the largest process of the tree (GNU time). */
function peak(args) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = run('/usr/bin/time', ['-v', process.execPath, '--import', NODE_RSS, bin, ...args], { cwd: repo, env });
  const tree = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  const node = Number(/node-maxrss-kb=(\d+)/.exec(r.stderr)?.[1]);
  return { tree, node, status: r.status, stdout: r.stdout };
}

/** Peak RSS (kB) of a plain git command. */
function gitPeak(args) {
  const r = run('/usr/bin/time', ['-v', 'git', ...args], { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
}

const RAW_ARGS = ['log', '--all', '--raw', '--no-abbrev', '-M', '--root', '--format='];

/** The blob-level alternative's git side: new blob ids from `log --raw`, then their bytes from `cat-file --batch`. */
function uniqueNewBlobs() {
  const raw = run('git', RAW_ARGS, { cwd: repo, env }).stdout;
  const oids = new Set();
  for (const line of raw.split('\n')) {
    const fields = line.split(' ');
    if (line.startsWith(':') && !/^0+$/.test(fields[3] ?? '0') && !(fields[4] ?? '').startsWith('D')) oids.add(fields[3]);
  }
  return [...oids].join('\n') + '\n';
}

const commits = Number(git('rev-list', '--count', '--all'));
const middle = git('rev-list', '--all', '--reverse', '--date-order').split('\n')[Math.floor(commits / 2)];
const corpusFile = join(repo, 'CORPUS.md');
const corpus = existsSync(corpusFile) ? readFileSync(corpusFile, 'utf8').trim() : '(no CORPUS.md)';
const size = run('git', ['count-objects', '-vH'], { cwd: repo, env }).stdout.match(/size-pack: (.*)/)?.[1];
console.log(`corpus: ${repo}\n  ${corpus}\n  ${commits} commits, pack ${size}; git ${git('--version').replace('git version ', '')}, node ${process.version}; median of ${runs} runs after 1 warm-up`);

const blobs = uniqueNewBlobs();
const rows = [];
const measure = async (name, cmd, args, input) => {
  const ms = await median(cmd, args, input);
  rows.push({ name, ms });
  process.stderr.write(`  ${name}: ${ms.toFixed(0)} ms\n`);
  return ms;
};
const floor = await measure('git log -p --all (floor)', 'git', ['log', '-p', '--all']);
await measure('git log -p -U0 --all', 'git', ['log', '-p', '-U0', '--all']);
await measure("gitward's own git pass (-U0 -M remerge)", 'git', logPatchesArgs({ revs: ['--all'] }));
const rawMs = await median('git', RAW_ARGS);
const catMs = await median('git', ['cat-file', '--batch'], blobs);
rows.push({ name: `blob-level git side (log --raw + cat-file of ${blobs.split('\n').length - 1} new blobs)`, ms: rawMs + catMs });
const ours = await measure('gitward scan --history', process.execPath, [bin, 'scan', '--history', '--format', 'json']);

console.log('\nwall time, ratio to `git log -p --all`');
const width = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) console.log(`  ${r.name.padEnd(width)}  ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${(r.ms / floor).toFixed(2)}x`);
console.log(`\ngitward / git log -p: ${(ours / floor).toFixed(2)}x (target <= 1.5x)`);

const full = peak(['scan', '--history', '--format', 'json']);
const half = peak(['scan', '--range', middle, '--format', 'json']);
if (full && half) {
  const findings = (out) => { try { return JSON.parse(out).findings.length; } catch { return '?'; } };
  const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;
  console.log('\npeak memory (maximum resident set size): gitward node process | largest process incl. git');
  console.log(`  older half (${Math.ceil(commits / 2)} commits, --range ${middle.slice(0, 10)}):  ${mib(half.node)} | ${mib(half.tree)}  (${findings(half.stdout)} findings)`);
  console.log(`  full history (${commits} commits, --history):       ${mib(full.node)} | ${mib(full.tree)}  (${findings(full.stdout)} findings)`);
  console.log(`  git log -p --all alone: ${mib(gitPeak(['log', '-p', '--all']))}`);
} else {
  console.log('\npeak memory: /usr/bin/time not found (apt-get install -y time)');
}
