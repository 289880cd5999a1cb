#!/usr/bin/env node
// Whole-tree secret scan throughput, same run, medians, on two real corpora: gitward (the shipped
// CLI, and the engine alone on one thread and with its worker pool) beside ripgrep with a
// comparable regex set (all threads and -j1) and the secretlint CLI (preset-recommend).
//
//   npm run build && node bench/scan-tree.mjs [dir] [--runs 7] [--secretlint-runs 3] [--files 2000]
//                                            [--large DIR | --no-large] [--secretlint-sample 400 | --secretlint-full [--secretlint-timeout 900]]
//
// small: [dir], or ~2,000 real text files (.js/.ts/.json/.md…, ≤256 KiB each) taken in sorted order
//        from this project's node_modules: a mid-size JS tree, always available offline.
// large: DIR, or ALL of this project's node_modules (~190 MB with binaries), where start-up is amortized.
// Each corpus is copied to a temp dir so every tool reads the same files: nested `node_modules`
// directories are renamed `_node_modules` (gitward and secretlint skip that name, ripgrep does not),
// symlinks are skipped by every tool. secretlint runs in full on the small corpus; on the large one
// it runs once on a sample of its text files and its time is extrapolated by bytes (see `secretlintRow`).
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { medianMs, run, tempDir } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const TEXT_EXTENSIONS = /\.(m?[jt]sx?|cjs|cts|mts|json|md|ya?ml|txt|map|css|html|sh|d\.ts)$/;

/** A comparable regex set: the vendor prefixes, private keys, URL credentials and a generic assignment. */
const RG_PATTERNS = [
  'gh[pousr]_[A-Za-z0-9]{36}', 'github_pat_[A-Za-z0-9_]{82}', 'npm_[A-Za-z0-9]{36}', 'glpat-[A-Za-z0-9_-]{20,}',
  '(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}', 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+',
  '-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----', 'xox[baprs]-[0-9A-Za-z-]{10,}',
  'hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+', '[rs]k_live_[0-9A-Za-z]{24,}', 'AIza[0-9A-Za-z_-]{35}',
  'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', 'shp(at|ss|ca|pa)_[a-fA-F0-9]{32}', 'AccountKey=[A-Za-z0-9+/=]{40,}',
  '[a-z+]+://[^\\s:/@]+:[^\\s:/@]+@[^\\s/]+', '(?i)(password|passwd|pwd|secret|token|api_?key|credential)["\']?\\s*[:=]\\s*["\']?[^\\s"\']{8,}',
  'hf_[A-Za-z]{34}', 'lin_api_[A-Za-z0-9]{40}', 'gsk_[A-Za-z0-9]{52}', 'sk-ant-api03-[A-Za-z0-9_-]{93}AA', 'dckr_pat_[A-Za-z0-9_-]{27}',
  'kind:\\s*Secret',
];

function parseArgs(argv) {
  const o = { dir: undefined, runs: 7, secretlintRuns: 3, files: 2000, large: join(ROOT, 'node_modules'), sample: 400, secretlintFull: false, secretlintTimeout: 900 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') o.runs = Number(argv[++i]);
    else if (arg === '--secretlint-runs') o.secretlintRuns = Number(argv[++i]);
    else if (arg === '--files') o.files = Number(argv[++i]);
    else if (arg === '--large') o.large = resolve(argv[++i]);
    else if (arg === '--no-large') o.large = undefined;
    else if (arg === '--secretlint-sample') o.sample = Number(argv[++i]);
    else if (arg === '--secretlint-full') o.secretlintFull = true;
    else if (arg === '--secretlint-timeout') o.secretlintTimeout = Number(argv[++i]);
    else o.dir = resolve(arg);
  }
  return o;
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.git') walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const isText = (file) => !readFileSync(file).subarray(0, 8000).includes(0);

/** Copies `files` (under `from`) to `to`, renaming nested node_modules so that every tool reads them. */
function copyFiles(files, from, to) {
  for (const file of files) {
    const target = join(to, relative(from, file).split('/').map((s) => (s === 'node_modules' ? '_node_modules' : s)).join('/'));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
}

function buildCorpus(kind, options, target) {
  if (kind === 'large') {
    const files = walk(options.large);
    copyFiles(files, options.large, target);
    return `all ${files.length} files of ${relative(process.cwd(), options.large) || options.large} (binaries included)`;
  }
  if (options.dir) {
    copyFiles(walk(options.dir), options.dir, target);
    return options.dir;
  }
  const nm = join(ROOT, 'node_modules');
  const picked = walk(nm).filter((f) => TEXT_EXTENSIONS.test(f) && !f.includes('/.bin/') && statSync(f).size <= 256 * 1024).slice(0, options.files);
  copyFiles(picked, nm, target);
  return `${picked.length} text files from node_modules (sorted, ≤256 KiB each)`;
}

/**
 * Child mode: the floor for any Node scanner: start, list, read and decode the text files, no scan.
 * Written here, not taken from dist/, so that it measures the same thing against any build; like
 * gitward (and ripgrep) it reads a large file's first 8,000 bytes first and drops it at a NUL.
 */
function floorChild(dir) {
  const head = Buffer.alloc(8000);
  let chars = 0;
  for (const file of walk(dir)) {
    const fd = openSync(file, 'r');
    try {
      const n = readSync(fd, head, 0, head.length, 0);
      if (!head.subarray(0, n).includes(0)) chars += (n < head.length ? head.subarray(0, n) : readFileSync(fd)).toString('utf8').length;
    } finally {
      closeSync(fd);
    }
  }
  process.stdout.write(`${chars}\n`);
}

/** Child mode: the engine alone (list + read + scan via the use-case), no CLI, config or rendering. */
async function engineChild(dir, workers) {
  const { scanPaths } = await import(pathToFileURL(join(ROOT, 'dist/use-cases/scan-paths.js')).href);
  const { defaultTeamConfig } = await import(pathToFileURL(join(ROOT, 'dist/config/defaults.js')).href);
  const config = { ...defaultTeamConfig().secrets, maxFileSize: 1 << 30 };
  const { decision } = await scanPaths({ cwd: process.cwd(), paths: [dir], config, ...(workers === 'auto' ? {} : { workers: Number(workers) }) });
  process.stdout.write(`${decision.findings.length}\n`);
}

function mustRun(cmd, args, opts, okStatus = [0, 1]) {
  const r = run(cmd, args, opts);
  if (!okStatus.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
  return r;
}

function ensureRipgrep() {
  if (run('sh', ['-c', 'command -v rg']).status === 0) return;
  console.log('ripgrep not found: apt-get install -y ripgrep');
  mustRun('apt-get', ['install', '-y', 'ripgrep'], {}, [0]);
}

const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`;
const timed = (fn) => { const start = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - start) / 1e6; };

const SECRETLINT_RC = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });

function secretlint(dir) {
  return () => mustRun(join(ROOT, 'node_modules/.bin/secretlint'), [`${dir}/**/*`, '--secretlintrcJSON', SECRETLINT_RC, '--format', 'json'], { cwd: ROOT });
}

/**
 * secretlint on the large corpus would take many minutes (its always-on profiler slows one process
 * quadratically with the file count), so by default it runs once on every k-th text file and its
 * time is extrapolated linearly, per file and per byte beyond its start-up (timed on one file); the
 * lower of the two estimates is used. Linear extrapolation ignores the quadratic slow-down, so it
 * favours secretlint: the ratio printed is a lower bound. `--secretlint-full` runs it once on the
 * whole corpus instead (capped by `--secretlint-timeout` seconds; a timeout prints the cap as a bound).
 */
function secretlintRow(work, tree, options) {
  const text = walk(tree).filter(isText);
  if (options.secretlintFull) {
    const started = process.hrtime.bigint();
    const r = run(join(ROOT, 'node_modules/.bin/secretlint'), [`${tree}/**/*`, '--secretlintrcJSON', SECRETLINT_RC, '--format', 'json'], { cwd: ROOT, timeout: options.secretlintTimeout * 1000 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`   secretlint: one full run on ${text.length} text files${r.signal ? `, stopped at the ${options.secretlintTimeout} s cap (a lower bound)` : ''}`);
    return { name: 'secretlint CLI (one full run)', ms };
  }
  const step = Math.max(1, Math.floor(text.length / options.sample));
  const sample = text.filter((_, i) => i % step === 0);
  const sampleDir = join(work, 'sample');
  copyFiles(sample, tree, sampleDir);
  const one = join(work, 'one');
  copyFiles(sample.slice(0, 1), tree, one);
  const bytesOf = (files) => files.reduce((sum, f) => sum + statSync(f).size, 0);
  const startup = timed(secretlint(one));
  const sampleMs = timed(secretlint(sampleDir));
  const perByte = startup + ((sampleMs - startup) * bytesOf(text)) / bytesOf(sample);
  const perFile = startup + ((sampleMs - startup) * text.length) / sample.length;
  console.log(`   secretlint sample: ${sample.length} of ${text.length} text files, ${(bytesOf(sample) / 1e6).toFixed(1)} MB, ${sampleMs.toFixed(0)} ms, one run ` +
    `(start-up ${startup.toFixed(0)} ms); extrapolated ${(perFile / 1000).toFixed(1)} s per file, ${(perByte / 1000).toFixed(1)} s per byte: the lower is used`);
  return { name: 'secretlint CLI (extrapolated)', ms: Math.min(perByte, perFile), sampleDir, sampleMs };
}

async function measure(kind, options, work) {
  const tree = join(work, kind);
  const corpus = buildCorpus(kind, options, tree);
  const files = walk(tree);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const text = files.filter(isText);
  const textBytes = text.reduce((sum, f) => sum + statSync(f).size, 0);
  const configFile = join(work, 'gitward.json');
  writeFileSync(configFile, JSON.stringify({ secrets: { maxFileSize: 1 << 30 } }));
  const patterns = join(work, 'patterns.txt');
  writeFileSync(patterns, `${RG_PATTERNS.join('\n')}\n`);
  const cli = (dir, config = ['--config', configFile]) => () => mustRun(process.execPath, [join(ROOT, 'dist/bundle/bin.js'), 'scan', dir, '--format', 'json', ...config], { cwd: work });
  const child = (...args) => () => mustRun(process.execPath, [SELF, ...args], { cwd: work }, [0]);
  const tools = [
    { name: 'gitward scan (CLI, bundle)', fn: cli(kind) },
    { name: 'gitward engine, 1 thread', fn: child('--engine-child', kind, '0') },
    { name: 'gitward engine, auto pool', fn: child('--engine-child', kind, 'auto') },
    { name: 'node list+read+decode (floor)', fn: child('--floor-child', kind) },
    { name: 'ripgrep (all threads)', fn: () => mustRun('rg', ['--no-ignore', '--hidden', '-c', '-f', patterns, tree]) },
    { name: 'ripgrep -j1', fn: () => mustRun('rg', ['-j1', '--no-ignore', '--hidden', '-c', '-f', patterns, tree]) },
  ];
  if (kind === 'large') tools.splice(1, 0, { name: 'gitward scan (CLI, default 1 MiB limit)', fn: cli(kind, []) });
  console.log(`\n== ${kind} corpus: ${corpus}\n   ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; text (no NUL in the first 8,000 bytes): ${text.length} files, ${(textBytes / 1e6).toFixed(1)} MB\n   node ${process.version}; runs: ${options.runs}; ${load()}`);
  console.log(`   gitward CLI findings on this tree: ${JSON.parse(tools[0].fn().stdout).findings.length}`);
  const rows = tools.map((t) => ({ name: t.name, ms: medianMs(t.fn, { runs: options.runs, warmup: 1 }) }));
  if (kind === 'large') {
    const sl = secretlintRow(work, tree, options);
    rows.push(sl);
    if (sl.sampleDir) {
      const onSample = medianMs(cli(relative(work, sl.sampleDir)), { runs: options.runs, warmup: 1 });
      console.log(`   on that sample itself: gitward CLI ${onSample.toFixed(0)} ms, secretlint ${sl.sampleMs.toFixed(0)} ms (${(sl.sampleMs / onSample).toFixed(1)}x)`);
    }
  } else rows.push({ name: 'secretlint CLI (preset-recommend)', ms: medianMs(secretlint(tree), { runs: options.secretlintRuns, warmup: 1 }) });
  report(rows, textBytes);
  console.log(`   after: ${load()}`);
}

function report(rows, bytes) {
  const width = Math.max(...rows.map((r) => r.name.length));
  const first = rows[0];
  console.log('   median wall time, throughput (MB of text files per second), ratio to the gitward CLI');
  for (const r of rows) console.log(`     ${r.name.padEnd(width)}  ${r.ms.toFixed(0).padStart(8)} ms  ${(bytes / 1e6 / (r.ms / 1000)).toFixed(1).padStart(7)} MB/s  ${(r.ms / first.ms).toFixed(2)}x`);
  const by = (prefix) => rows.find((r) => r.name.startsWith(prefix));
  const [rg, rg1, sl] = [by('ripgrep (all'), by('ripgrep -j1'), by('secretlint CLI')];
  for (const gw of [first, by('gitward engine, 1'), by('gitward engine, auto')]) {
    console.log(`   ${gw.name}: ${(sl.ms / gw.ms).toFixed(1)}x faster than secretlint (target >= 10x); ` +
      `${(gw.ms / rg.ms).toFixed(2)}x ripgrep's time (all threads), ${(gw.ms / rg1.ms).toFixed(2)}x (-j1) (target <= 3x)`);
  }
  console.log(`   floor (node start + list + read + decode, no scan): ${(by('node').ms / rg.ms).toFixed(2)}x ripgrep's time`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist/bundle/bin.js'))) throw new Error('run `npm run build` first');
  if (!existsSync(join(ROOT, 'dist/bundle/scan-files-worker.js'))) console.log('note: dist/bundle/scan-files-worker.js is missing: the CLI scans on one thread');
  ensureRipgrep();
  const work = tempDir('gitward-scan-tree-');
  try {
    await measure('small', options, work);
    if (options.large) await measure('large', options, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--engine-child') await engineChild(process.argv[3], process.argv[4]);
else if (process.argv[2] === '--floor-child') floorChild(process.argv[3]);
else await main();
