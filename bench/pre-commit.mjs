// bench/pre-commit.mjs [repo-source-dir] — median wall time of gitward's pre-commit hook on a
// real repository with a 10-file, ~120-line staged change and no secret, beside the floor
// (node start-up + `git diff --cached`) and what teams use today (secretlint, lint-staged+secretlint).
import { cpSync, readdirSync, writeFileSync, appendFileSync, statSync, mkdirSync, symlinkSync, chmodSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir, run, medianMs, printTable } from './lib.mjs';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] ?? join(project, 'node_modules/@types/node'));
const runs = Number(process.env.BENCH_RUNS ?? 15);

const root = tempDir('gitward-bench-');
const repo = join(root, 'repo');
const env = isolatedEnv(join(root, 'home'));
cpSync(source, repo, { recursive: true });
const git = (...args) => run('git', args, { cwd: repo, env });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'import real project');
const files = listFiles(repo).slice(0, 10);
files.forEach((file, i) => appendFileSync(file, Array.from({ length: 12 }, (_, j) => `export const bench_${i}_${j} = computeValue(${i}, ${j}); // added line\n`).join('')));
git('add', '-A');
// secretlint and lint-staged need their config in the repo, exactly as a team would have it.
writeFileSync(join(repo, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'bench', private: true, 'lint-staged': { '*': 'secretlint' } }));
const bin = (name) => join(project, 'node_modules/.bin', name);
// The hook shim finds `gitward` on PATH, as after `npm install --global gitward` (npm links the bin, executable).
const gitwardBin = join(root, 'bin');
mkdirSync(gitwardBin);
symlinkSync(join(project, 'dist/bundle/bin.js'), join(gitwardBin, 'gitward'));
chmodSync(join(project, 'dist/bundle/bin.js'), 0o755);
const benchEnv = { ...env, PATH: `${gitwardBin}:${join(project, 'node_modules/.bin')}:${env.PATH}` };
const staged = git('diff', '--cached', '--name-only').stdout.trim().split('\n').filter((f) => !f.endsWith('.json'));

const check = run(process.execPath, [join(project, 'dist/bundle/bin.js'), 'pre-commit'], { cwd: repo, env });
if (check.status !== 0) throw new Error(`gitward pre-commit should pass on a clean change:\n${check.stderr}`);

const time = (cmd, args) => medianMs(() => run(cmd, args, { cwd: repo, env: benchEnv }), { runs });
const nodeStart = time(process.execPath, ['-e', '0']);
const diff = time('git', ['diff', '--cached']);
const floor = nodeStart + diff;
const rows = [
  { name: 'node -e 0', ms: nodeStart },
  { name: 'git diff --cached', ms: diff },
  { name: 'floor (node + diff)', ms: floor },
  { name: 'gitward pre-commit (node bin)', ms: time(process.execPath, [join(project, 'dist/bundle/bin.js'), 'pre-commit']) },
  { name: 'gitward hooks/pre-commit shim', ms: time('sh', [join(project, 'hooks/pre-commit')]) },
  { name: 'secretlint (10 files)', ms: time(bin('secretlint'), staged) },
  { name: 'lint-staged + secretlint', ms: time(bin('lint-staged'), ['--quiet']) },
];
console.log(`corpus: ${source} (${listFiles(repo).length} files); staged: ${files.length} files, ${files.length * 12} added lines; ${runs} runs each, median`);
printTable('pre-commit wall time (ratio to the floor)', rows, floor);
const ours = rows[3].ms;
console.log(`\ngitward / floor: ${(ours / floor).toFixed(2)}x (target <= 1.5x)`);
console.log(`secretlint / gitward: ${(rows[5].ms / ours).toFixed(1)}x (target >= 3x); lint-staged+secretlint / gitward: ${(rows[6].ms / ours).toFixed(1)}x (target >= 5x)`);

function listFiles(dir) {
  return readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f)))
    .filter((f) => !f.includes('/.git/') && statSync(f).isFile() && /\.(js|ts|mjs|cjs)$/.test(f)).sort();
}
