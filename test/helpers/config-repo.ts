import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT, type TestRepo } from './repo.js';

/** Writes `files` (path → JSON value or text) under `root`. */
export function writeFiles(root: string, files: Record<string, unknown>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/**
 * `npm install <spec>` in the repo, offline (local folders and tarballs need no registry).
 * A folder install makes node_modules/<name> a symlink; a tarball install copies the files.
 */
export function npmInstall(repo: TestRepo, spec: string): void {
  const result = spawnSync('npm', ['install', spec, '--no-audit', '--no-fund', '--offline', '--loglevel=error'], {
    cwd: repo.dir, env: repo.env, encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm install ${spec} failed: ${result.stderr}`);
}

/** `npm pack` of a folder into the repo; returns the tarball file name. */
export function npmPack(repo: TestRepo, folder: string): string {
  const result = spawnSync('npm', ['pack', folder, '--pack-destination', repo.dir, '--loglevel=error'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm pack ${folder} failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').pop() as string;
}

/**
 * Loads the team config of `repoRoot` in a fresh node process and reports whether cosmiconfig
 * was imported (it is CommonJS, so it shows up in the require cache even when imported from ESM).
 */
export function loadInFreshProcess(repoRoot: string): { cosmiconfigLoaded: boolean; errors: number; sources: string[] } {
  const code = [
    "import { createRequire } from 'node:module';",
    `const { loadTeamConfig } = await import(${JSON.stringify(join(PROJECT_ROOT, 'src/config/index.ts'))});`,
    'const loaded = await loadTeamConfig({ repoRoot: process.env.REPO_ROOT });',
    "const cosmiconfigLoaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/cosmiconfig/'));",
    'console.log(JSON.stringify({ cosmiconfigLoaded, errors: loaded.errors.length, sources: loaded.sources }));',
  ].join('\n');
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: PROJECT_ROOT, env: { ...process.env, REPO_ROOT: repoRoot }, encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as ReturnType<typeof loadInFreshProcess>;
}
