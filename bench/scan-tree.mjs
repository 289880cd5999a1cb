#!/usr/bin/env node
// Whole-tree secret scan throughput, same run, medians: gitward (CLI and engine alone) beside
// ripgrep with a comparable regex set (all threads and -j1) and the secretlint CLI (preset-recommend).
//
//   npm run build && node bench/scan-tree.mjs [dir] [--runs 7] [--secretlint-runs 3] [--files 2000]
//
// Without [dir] the corpus is ~2,000 real text files (.js/.ts/.json/.md…, under 256 KiB each) taken
// in sorted order from this project's node_modules: a mid-size JS tree that is always available
// offline. The tree is copied to a temp dir so every tool reads the same files (secretlint ignores
// anything under node_modules/).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { medianMs, run, tempDir } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
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
  const options = { dir: undefined, runs: 7, secretlintRuns: 3, files: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--secretlint-runs') options.secretlintRuns = Number(argv[++i]);
    else if (arg === '--files') options.files = Number(argv[++i]);
    else options.dir = resolve(arg);
  }
  return options;
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.git') walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** ~N real text files from node_modules, in sorted order, skipping big generated bundles. */
function defaultCorpus(target, limit) {
  const picked = walk(join(ROOT, 'node_modules'))
    .filter((f) => TEXT_EXTENSIONS.test(f) && !f.includes('/.bin/') && statSync(f).size <= 256 * 1024)
    .slice(0, limit);
  for (const file of picked) {
    const to = join(target, relative(join(ROOT, 'node_modules'), file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
  return `${picked.length} text files from ${relative(process.cwd(), join(ROOT, 'node_modules')) || 'node_modules'} (sorted, ≤256 KiB each)`;
}

/** Child mode: the floor for any Node scanner, reading and decoding the same files without scanning. */
function floorChild(dir) {
  let chars = 0;
  for (const file of walk(dir)) {
    const bytes = readFileSync(file);
    if (!bytes.subarray(0, 8000).includes(0)) chars += bytes.toString('utf8').length;
  }
  process.stdout.write(`${chars}\n`);
}

/** Child mode: the engine alone (read + scan), no CLI, config or rendering. */
async function engineChild(dir) {
  const { createSecretScanner, isBinaryContent } = await import(pathToFileURL(join(ROOT, 'dist/secrets/index.js')).href);
  const { defaultTeamConfig } = await import(pathToFileURL(join(ROOT, 'dist/config/defaults.js')).href);
  const config = { ...defaultTeamConfig().secrets, maxFileSize: 1 << 30 };
  const scanner = createSecretScanner({ config });
  let findings = 0;
  for (const file of walk(dir)) {
    const bytes = readFileSync(file);
    if (isBinaryContent(bytes)) continue;
    const found = scanner.scan({ path: relative(dir, file), text: bytes.toString('utf8') });
    findings += (Array.isArray(found) ? found : await found).length;
  }
  process.stdout.write(`${findings}\n`);
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

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist/secrets/index.js'))) throw new Error('run `npm run build` (or `npx tsc -p tsconfig.json`) first');
  ensureRipgrep();
  const work = tempDir('gitward-scan-tree-');
  try {
    await measure(options, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function measure(options, work) {
  const tree = join(work, 'tree');
  const corpus = options.dir
    ? (cpSync(options.dir, tree, { recursive: true, filter: (src) => !src.split('/').includes('.git') }), `${options.dir}`)
    : defaultCorpus(tree, options.files);
  const files = walk(tree);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const configFile = join(work, 'gitward.json');
  writeFileSync(configFile, JSON.stringify({ secrets: { maxFileSize: 1 << 30 } }));
  const patterns = join(work, 'patterns.txt');
  writeFileSync(patterns, `${RG_PATTERNS.join('\n')}\n`);
  const secretlintrc = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });

  const tools = [
    { name: 'gitward scan (CLI)', runs: options.runs, fn: () => mustRun(process.execPath, [join(ROOT, 'dist/cli/bin.js'), 'scan', 'tree', '--format', 'json', '--config', configFile], { cwd: work }) },
    { name: 'gitward engine (read+scan)', runs: options.runs, fn: () => mustRun(process.execPath, [fileURLToPath(import.meta.url), '--engine-child', tree], {}, [0]) },
    { name: 'node read+decode only (floor)', runs: options.runs, fn: () => mustRun(process.execPath, [fileURLToPath(import.meta.url), '--floor-child', tree], {}, [0]) },
    { name: 'ripgrep (all threads)', runs: options.runs, fn: () => mustRun('rg', ['--no-ignore', '--hidden', '-c', '-f', patterns, tree]) },
    { name: 'ripgrep -j1', runs: options.runs, fn: () => mustRun('rg', ['-j1', '--no-ignore', '--hidden', '-c', '-f', patterns, tree]) },
    { name: 'secretlint CLI (preset-recommend)', runs: options.secretlintRuns, fn: () => mustRun(join(ROOT, 'node_modules/.bin/secretlint'), [`${tree}/**/*`, '--secretlintrcJSON', secretlintrc, '--format', 'json'], { cwd: ROOT }) },
  ];
  console.log(`corpus: ${corpus}\n        ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; node ${process.version}; runs: ${options.runs} (secretlint ${options.secretlintRuns})`);
  const cli = JSON.parse(tools[0].fn().stdout);
  console.log(`gitward CLI findings on this tree: ${cli.findings.length}`);
  const rows = tools.map((t) => ({ name: t.name, ms: medianMs(t.fn, { runs: t.runs, warmup: 1 }) }));
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log('\nmedian wall time, throughput, and ratio to the gitward CLI');
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(width)}  ${r.ms.toFixed(0).padStart(8)} ms  ${(bytes / 1e6 / (r.ms / 1000)).toFixed(1).padStart(7)} MB/s  ${(r.ms / rows[0].ms).toFixed(2)}x`);
  }
  const [cliRow, engineRow, floor, rg, rg1, sl] = rows;
  for (const gw of [cliRow, engineRow]) {
    console.log(`\n${gw.name}: ${(sl.ms / gw.ms).toFixed(1)}x faster than secretlint (target >= 10x); ` +
      `${(gw.ms / rg.ms).toFixed(2)}x ripgrep's time (all threads), ${(gw.ms / rg1.ms).toFixed(2)}x (-j1) (target <= 3x)`);
  }
  console.log(`floor (node start + read + decode, no scan): ${(floor.ms / rg.ms).toFixed(2)}x ripgrep's time; the engine adds ${(engineRow.ms - floor.ms).toFixed(0)} ms`);
}

if (process.argv[2] === '--engine-child') await engineChild(process.argv[3]);
else if (process.argv[2] === '--floor-child') floorChild(process.argv[3]);
else await main();
