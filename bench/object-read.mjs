// bench/object-read.mjs — reading N pushed commit objects in a pre-receive-shaped quarantine:
// ObjectReader (`git cat-file --batch`, spawn included) beside IsoObjectReader (isomorphic-git
// through QuarantineFs), and the commit walk (`git rev-list` beside isomorphic-git `log`).
// Objects are written by `git fast-import` into a quarantine directory (GIT_OBJECT_DIRECTORY,
// the repository as alternate), exactly the shape receive-pack gives a hook: packed for every N,
// and also loose for small N (receive.unpackLimit keeps pushes under 100 objects loose).
// Warm = in this process, median of BENCH_RUNS (default 5) after one warm-up; fresh = a new node
// process per run (BENCH_COLD_RUNS, default 3), which pays the spawn or the isomorphic-git load,
// with its RSS delta (process.memoryUsage) and peak RSS. Env: BENCH_SIZES=1,10,100,1000,10000.
// Run `npx tsc -p tsconfig.json` (or npm run build) first: this imports dist/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir, run } from './lib.mjs';

const here = fileURLToPath(import.meta.url);
const dist = join(resolve(dirname(here), '..'), 'dist/git/index.js');
if (!existsSync(dist)) throw new Error('run `npx tsc -p tsconfig.json` first (bench imports dist/)');

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
  process.exit(0);
}

/** One fresh-process measurement: prints {readMs, rssDeltaMiB, maxRssMiB} as JSON. */
async function child(backend, oidsFile) {
  const git = await import(dist);
  const oids = readFileSync(oidsFile, 'utf8').trim().split('\n');
  const ctx = { cwd: process.env.GIT_DIR, env: process.env };
  const rss0 = process.memoryUsage().rss;
  const start = performance.now();
  const store = await git.openObjectStore(ctx, { expected: oids.length, backend });
  await Promise.all(oids.map((oid) => store.read(oid)));
  const readMs = performance.now() - start;
  const rssDeltaMiB = (process.memoryUsage().rss - rss0) / 2 ** 20;
  store.close();
  console.log(JSON.stringify({ readMs, rssDeltaMiB, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

const git = await import(dist);
const sizes = (process.env.BENCH_SIZES ?? '1,10,100,1000,10000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 3);
const root = tempDir('gitward-bench-objects-');
const env = isolatedEnv(join(root, 'home'));

/** N commits, each rewriting one of 20 files with ~1 KiB, so packs carry trees, blobs and deltas. */
function fastImportStream(n) {
  const parts = [];
  for (let i = 1; i <= n; i++) {
    const body = Array.from({ length: 16 }, (_, j) => `${i}:${j}:${((i * 2654435761 + j * 40503) >>> 0).toString(16).repeat(6)}\n`).join('');
    const msg = `commit ${i}\n`;
    parts.push(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${1_700_000_000 + i} +0000\ndata ${msg.length}\n${msg}`,
      `M 100644 inline src/file-${i % 20}.txt\ndata ${Buffer.byteLength(body)}\n${body}\n`);
  }
  return parts.join('');
}

/** A bare repository whose N commits sit in a quarantine directory, as during pre-receive. */
function buildQuarantine(n, layout) {
  const gitdir = join(root, `n${n}-${layout}.git`);
  run('git', ['init', '-q', '--bare', gitdir], { env });
  const quarantine = join(gitdir, 'objects/tmp_objdir-incoming-bench');
  mkdirSync(join(quarantine, 'pack'), { recursive: true });
  const writeEnv = { ...env, GIT_DIR: gitdir, GIT_OBJECT_DIRECTORY: quarantine, GIT_ALTERNATE_OBJECT_DIRECTORIES: join(gitdir, 'objects') };
  // GIT_QUARANTINE_PATH only for the readers: git refuses ref updates inside a quarantine, and fast-import writes one.
  const qenv = { ...writeEnv, GIT_QUARANTINE_PATH: quarantine };
  const fi = run('git', ['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet'], { cwd: gitdir, env: writeEnv, input: fastImportStream(n) });
  if (fi.status !== 0) throw new Error(fi.stderr);
  const packDir = join(quarantine, 'pack');
  const packName = readdirSync(packDir).find((f) => f.endsWith('.pack'));
  const packBytes = statSync(join(packDir, packName)).size;
  if (layout === 'loose') {
    const pack = readFileSync(join(packDir, packName));
    for (const f of readdirSync(packDir)) rmSync(join(packDir, f));
    const up = run('git', ['unpack-objects', '-q'], { cwd: gitdir, env: qenv, input: pack });
    if (up.status !== 0) throw new Error(up.stderr);
  }
  const oids = run('git', ['rev-list', 'refs/heads/main'], { cwd: gitdir, env: qenv }).stdout.trim().split('\n');
  const oidsFile = join(root, `n${n}-${layout}.oids`);
  writeFileSync(oidsFile, oids.join('\n') + '\n');
  return { gitdir, ctx: { cwd: gitdir, env: qenv }, oids, oidsFile, packBytes };
}

async function medianAsync(fn, n = runs) {
  await fn();
  const times = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function readAll(ctx, oids, backend) {
  const store = await git.openObjectStore(ctx, { expected: oids.length, backend });
  try {
    return await Promise.all(oids.map((oid) => store.read(oid)));
  } finally {
    store.close();
  }
}

async function isoWalk(ctx, tip) {
  const reader = await git.IsoObjectReader.open(ctx);
  try {
    return await reader.walk(tip);
  } finally {
    reader.close();
  }
}

/** Both readers must agree byte for byte, and both walks on the commit set, before anything is timed. */
async function check(q) {
  const [a, b] = [await readAll(q.ctx, q.oids, 'cat-file'), await readAll(q.ctx, q.oids, 'isomorphic-git')];
  a.forEach((o, i) => { if (o.type !== 'commit' || !o.bytes.equals(b[i].bytes) || o.type !== b[i].type) throw new Error(`readers disagree on ${o.oid}`); });
  const walked = await isoWalk(q.ctx, q.oids[0]);
  if (walked.length !== q.oids.length || walked.some((oid, i) => oid !== q.oids[i])) throw new Error('isomorphic-git log and rev-list disagree');
}

function fresh(q, backend) {
  return new Promise((resolveP, reject) => {
    const start = performance.now();
    const c = spawn(process.execPath, [here, '--child', backend, q.oidsFile], { env: q.ctx.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolveP({ wallMs: performance.now() - start, ...JSON.parse(out) }) : reject(new Error(`child exited ${code}`))));
  });
}

async function freshMedian(q, backend) {
  const results = [];
  for (let i = 0; i < coldRuns; i++) results.push(await fresh(q, backend));
  const pick = (k) => median(results.map((r) => r[k]));
  return { wallMs: pick('wallMs'), readMs: pick('readMs'), rssDeltaMiB: pick('rssDeltaMiB'), maxRssMiB: pick('maxRssMiB') };
}

const rows = [];
try {
  for (const n of sizes) {
    for (const layout of n <= Number(process.env.BENCH_LOOSE_MAX ?? 100) ? ['loose', 'packed'] : ['packed']) {
      const q = buildQuarantine(n, layout);
      await check(q);
      const row = { n, layout, packKiB: q.packBytes / 1024 };
      row.cat = await medianAsync(() => readAll(q.ctx, q.oids, 'cat-file'));
      row.iso = await medianAsync(() => readAll(q.ctx, q.oids, 'isomorphic-git'));
      row.revList = await medianAsync(() => git.listCommits(q.ctx, { include: [q.oids[0]], exclude: [] }));
      row.revListCat = await medianAsync(async () => readAll(q.ctx, await git.listCommits(q.ctx, { include: [q.oids[0]], exclude: [] }), 'cat-file'));
      row.isoLog = await medianAsync(() => isoWalk(q.ctx, q.oids[0]));
      row.freshCat = await freshMedian(q, 'cat-file');
      row.freshIso = await freshMedian(q, 'isomorphic-git');
      rows.push(row);
      process.stderr.write(`  N=${n} ${layout}: cat-file ${row.cat.toFixed(1)} ms, isomorphic-git ${row.iso.toFixed(1)} ms\n`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
printTables(rows);

function printTables(all) {
  const f = (x, d = 1) => x.toFixed(d).padStart(8);
  const head = (t, cols) => console.log(`\n${t}\n  ${'N'.padStart(5)} ${'layout'.padEnd(6)} ${cols}`);
  const lead = (r) => `  ${String(r.n).padStart(5)} ${r.layout.padEnd(6)}`;
  console.log(`git ${run('git', ['--version']).stdout.trim().replace('git version ', '')}, node ${process.version}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; warm: median of ${runs}; fresh: median of ${coldRuns}`);
  head('read N commit objects, warm process (ms)', `${'pack KiB'.padStart(8)} ${'cat-file'.padStart(8)} ${'iso-git'.padStart(8)} ${'iso/cat'.padStart(8)}`);
  for (const r of all) console.log(`${lead(r)} ${f(r.packKiB, 0)} ${f(r.cat)} ${f(r.iso)} ${f(r.iso / r.cat, 2)}x`);
  head('walk N commits, warm process (ms)', `${'rev-list'.padStart(8)} ${'iso log'.padStart(8)} ${'log/rl'.padStart(8)} ${'rl+cat'.padStart(8)} ${'log/rl+c'.padStart(8)}`);
  for (const r of all) console.log(`${lead(r)} ${f(r.revList)} ${f(r.isoLog)} ${f(r.isoLog / r.revList, 1)}x ${f(r.revListCat)} ${f(r.isoLog / r.revListCat, 1)}x`);
  head('read N commit objects in a fresh node process (ms; MiB)', `${'cat wall'.padStart(8)} ${'iso wall'.padStart(8)} ${'cat read'.padStart(8)} ${'iso read'.padStart(8)} ${'iso/cat'.padStart(8)} ${'cat rssΔ'.padStart(8)} ${'iso rssΔ'.padStart(8)} ${'cat peak'.padStart(8)} ${'iso peak'.padStart(8)}`);
  for (const r of all) {
    const [c, i] = [r.freshCat, r.freshIso];
    console.log(`${lead(r)} ${f(c.wallMs)} ${f(i.wallMs)} ${f(c.readMs)} ${f(i.readMs)} ${f(i.readMs / c.readMs, 1)}x ${f(c.rssDeltaMiB)} ${f(i.rssDeltaMiB)} ${f(c.maxRssMiB)} ${f(i.maxRssMiB)}`);
  }
  console.log('\n  "read" = open the store + read every object (the spawn for cat-file; loading isomorphic-git + packs for iso-git).');
}
