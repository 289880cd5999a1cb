// bench/build-history.mjs <out-repo-dir> [--packages a,b,c] [--cache DIR] [--limit N]
//
// Builds a real git history for bench/history.mjs without network access to any forge: every
// published version of a few npm packages is downloaded with the ordinary npm client
// (`npm pack`), and each release is committed with its real files into `<package-name>/`, in
// version order per package; packages interleave by publish date. The result is one linear
// history of real code churn (a commit changes only what changed between two releases).
//
// Default corpus: electron-to-chromium (~2.2k tiny data releases), electron (~1.4k releases of
// a small installer package) and @types/node (~2.3k releases of real .d.ts files) — about
// 5.9k commits. Tarballs are cached in --cache (default .bench-work/npm-tarballs) so a rebuild
// needs no download. `--limit N` keeps the first N releases (in date order) for a smaller repo.
import { existsSync, mkdirSync, rmSync, readdirSync, chmodSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, run } from './lib.mjs';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args.splice(i, 2)[1];
};
const packages = option('--packages', 'electron-to-chromium,electron,@types/node').split(',');
const cache = resolve(option('--cache', join(project, '.bench-work/npm-tarballs')));
const limit = Number(option('--limit', 'Infinity'));
const out = args[0] ? resolve(args[0]) : undefined;
if (!out) throw new Error('usage: node bench/build-history.mjs <out-repo-dir> [--packages a,b] [--cache DIR] [--limit N]');
if (existsSync(out)) throw new Error(`${out} exists; remove it first`);
mkdirSync(cache, { recursive: true });

/** npm's own tarball name: `@types/node@1.0.0` → `types-node-1.0.0.tgz`. */
const tarballName = (pkg, version) => `${pkg.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;

function npmJson(cmdArgs) {
  const r = run('npm', cmdArgs, { cwd: cache });
  if (r.status !== 0) throw new Error(`npm ${cmdArgs.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Every release still on the registry, with its publish date. */
function releasesOf(pkg) {
  const versions = new Set(npmJson(['view', pkg, 'versions', '--json']));
  const times = npmJson(['view', pkg, 'time', '--json']);
  return Object.entries(times).filter(([v]) => versions.has(v)).map(([version, date]) => ({ pkg, version, date }));
}

function npmPack(specs) {
  return new Promise((resolveP) => {
    const child = spawn('npm', ['pack', '--silent', '--pack-destination', cache, ...specs], { cwd: cache, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => resolveP({ code, err }));
  });
}

/** Downloads missing tarballs in batches (one npm process per 50 specs, 8 at a time). */
async function download(releases) {
  const missing = releases.filter((r) => !existsSync(join(cache, tarballName(r.pkg, r.version))));
  const batches = [];
  for (let i = 0; i < missing.length; i += 50) batches.push(missing.slice(i, i + 50));
  let done = 0;
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const { code } = await npmPack(batch.map((r) => `${r.pkg}@${r.version}`));
      // One bad spec fails the whole batch: retry one by one so a single broken release is just dropped.
      if (code !== 0) for (const r of batch) if (!existsSync(join(cache, tarballName(r.pkg, r.version)))) await npmPack([`${r.pkg}@${r.version}`]);
      done += batch.length;
      process.stderr.write(`\rdownloaded ${done}/${missing.length} tarballs`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (missing.length) process.stderr.write('\n');
}

/**
 * Packages publish several version lines at once (@types/node ships 18.x, 20.x and 22.x the same
 * day), so date order would swap whole major versions back and forth in every commit. Each
 * package's releases are therefore committed in version order, in the slots its publish dates
 * give it among the other packages: every commit is one real release-to-release change.
 */
function interleave(all) {
  const byDate = [...all].sort((a, b) => a.date.localeCompare(b.date));
  const queues = new Map(packages.map((pkg) => [pkg, all.filter((r) => r.pkg === pkg).sort((a, b) => compareVersions(a.version, b.version))]));
  return byDate.map((slot) => ({ ...queues.get(slot.pkg).shift(), date: slot.date }));
}

function compareVersions(a, b) {
  const parse = (v) => /^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?/.exec(v) ?? [v, 0, 0, 0, v];
  const [, a1, a2, a3, ap] = parse(a);
  const [, b1, b2, b3, bp] = parse(b);
  const core = Number(a1) - Number(b1) || Number(a2) - Number(b2) || Number(a3) - Number(b3);
  if (core !== 0) return core;
  if (ap === undefined || bp === undefined) return ap === bp ? 0 : ap === undefined ? 1 : -1; // a release sorts after its pre-releases
  return ap.localeCompare(bp, 'en', { numeric: true });
}

const releases = interleave(packages.flatMap(releasesOf)).slice(0, limit);
await download(releases);
const usable = releases.filter((r) => existsSync(join(cache, tarballName(r.pkg, r.version))));

const home = `${out}.home`;
const env = isolatedEnv(home);
mkdirSync(out, { recursive: true });
const git = (...a) => {
  const r = run('git', a, { cwd: out, env: { ...env, ...gitDates } });
  if (r.status !== 0) throw new Error(`git ${a.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
let gitDates = {};
git('init', '-q', '-b', 'main');
writeFileSync(join(out, 'CORPUS.md'), `Every release of ${packages.join(', ')} from the npm registry, one commit per release: version order within a package, packages interleaved by publish date.\n`);
git('add', 'CORPUS.md');
git('commit', '-qm', 'corpus description');
usable.forEach((r, i) => {
  const dir = join(out, r.pkg.replace('/', '__'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = run('tar', ['-xzf', join(cache, tarballName(r.pkg, r.version)), '-C', dir, '--strip-components=1', '--no-same-permissions', '--no-same-owner']);
  if (tar.status !== 0) throw new Error(`tar ${r.pkg}@${r.version}: ${tar.stderr}`);
  makeReadable(dir);
  gitDates = { GIT_AUTHOR_DATE: r.date, GIT_COMMITTER_DATE: r.date };
  git('add', '-A', '--', dir);
  git('commit', '-q', '--allow-empty', '-m', `${r.pkg}@${r.version}`);
  if (i % 100 === 0) process.stderr.write(`\rcommitted ${i + 1}/${usable.length}`);
});
git('gc', '-q');
const count = git('rev-list', '--count', 'HEAD').trim();
console.log(`\n${out}: ${count} commits (${usable.length} releases of ${packages.join(', ')}; ${releases.length - usable.length} unavailable)`);

/** Some old tarballs carry modes like 0000; git and the bench must be able to read every file. */
function makeReadable(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = join(entry.parentPath ?? entry.path, entry.name);
    chmodSync(full, entry.isDirectory() ? 0o755 : 0o644);
  }
}
