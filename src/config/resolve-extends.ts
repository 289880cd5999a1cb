import { createRequire } from 'node:module';
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** `./x`, `../x` and absolute paths are files; anything else is an npm package specifier. */
export function isFileSpecifier(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || isAbsolute(spec);
}

async function existingRealPath(path: string): Promise<string | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await realpath(path);
  } catch {
    return undefined;
  }
}

/**
 * The real path of the file an `extends` entry names, or undefined when it cannot be found.
 * - Files resolve against the directory of the file that declares them.
 * - Packages resolve with node's own algorithm (`createRequire`), honouring `main`/`exports`, or
 *   else a `gitward.config.json` at the package root. A repository's own config resolves from the
 *   repository root (also for `--config` files elsewhere); a package's config resolves from the
 *   package, so its own dependencies are found under pnpm's strict layout too.
 * Real paths make cycle detection see through npm's `file:` symlinks.
 */
export async function resolveExtendsTarget(spec: string, opts: { from: string; fromRoot: boolean; repoRoot: string }): Promise<string | undefined> {
  if (isFileSpecifier(spec)) return existingRealPath(resolve(dirname(opts.from), spec));
  const require = createRequire(opts.fromRoot ? join(opts.repoRoot, 'package.json') : opts.from);
  try {
    return await existingRealPath(require.resolve(spec));
  } catch {
    // No main/exports entry (or none for `require` conditions): look for gitward.config.json in the package folder.
  }
  for (const nodeModules of require.resolve.paths(spec) ?? []) {
    const found = await existingRealPath(join(nodeModules, spec, 'gitward.config.json'));
    if (found !== undefined) return found;
  }
  return undefined;
}
