import { join, relative, resolve } from 'node:path';
import type { GitContext } from '../git/index.js';
import { locateRepository, gitText, runGit, runCommand, readConfigEntries } from '../git/index.js';
import {
  HOOK_NAMES, readHookTemplate, extractBlock, writeHookFile, readOptionalFile, huskyHookFile, addHuskyToPackageFile,
  listActiveHooks, locateHuskyInstaller, HUSKY_HOOKS_PATH, SCAFFOLD_FILE, scaffoldTeamConfig, requireSigningInConfig, type MergeChange,
} from '../install/index.js';
import { GitwardError } from '../errors/index.js';

export interface InstallHooksInput {
  ctx: GitContext;
  /** The node binary that runs husky's installer (the CLI passes its own). */
  nodePath: string;
  /** Set `signing.required: true` in the team config. */
  requireSigning: boolean;
  /** The team config file the config search found, if any (absolute or relative to the root). */
  configFile?: string;
  /** Replace a core.hooksPath that points somewhere else (repositories without package.json). */
  force?: boolean;
}

export interface InstallHooksResult {
  mode: 'husky' | 'hooks-path';
  root: string;
  /** What was done, one line each. */
  done: string[];
  /** What the user should still do or know. */
  notes: string[];
}

interface Steps { done: string[]; notes: string[] }

/**
 * `gitward init`: with package.json, husky (prepare script, devDependency, `.husky/*` lines,
 * husky's own installer); without it, a gitward-managed hooks directory via core.hooksPath.
 * Then the team config. Every step is idempotent, so running it again is how gitward upgrades its hook lines.
 */
export async function installHooks(input: InstallHooksInput): Promise<InstallHooksResult> {
  const { root } = await locateRepository(input.ctx);
  const ctx: GitContext = { ...input.ctx, cwd: root };
  const pkgText = await readOptionalFile(join(root, 'package.json'));
  const hooks = pkgText === undefined ? await installHooksPath(ctx, root, input.force === true) : await installHusky(ctx, root, input.nodePath);
  const config = await setUpTeamConfig(root, input);
  const done = [...hooks.done, ...config.done];
  return { mode: pkgText === undefined ? 'hooks-path' : 'husky', root, done, notes: [...hooks.notes, ...config.notes] };
}

async function installHusky(ctx: GitContext, root: string, nodePath: string): Promise<Steps> {
  const update = await addHuskyToPackageFile(root);
  const done = [...update.changes];
  const notes = [...update.notes];
  for (const name of HOOK_NAMES) {
    const change = await writeHookFile(huskyHookFile(root, name), extractBlock(await readHookTemplate(name)), { replace: false });
    done.push(`.husky/${name}: ${describeChange(change)}`);
  }
  const result = await runCommand(ctx, nodePath, [await locateHuskyInstaller(root)]);
  const problem = `${result.stdout.toString('utf8')}${result.stderr}`.trim();
  if (problem.includes('HUSKY=0')) {
    notes.push('husky skipped its install because HUSKY=0 is set: the hooks become active with `npm install` (or `npx husky`) without HUSKY=0');
  } else if (result.exitCode !== 0 || problem !== '') {
    throw new GitwardError('COMMAND_FAILED', `husky's installer failed: ${problem || `exit ${result.exitCode}`}`, { hint: 'Run `npx husky` in the repository root to see the problem.' });
  } else {
    done.push(`husky: core.hooksPath = ${HUSKY_HOOKS_PATH} (git runs .husky/pre-commit and .husky/pre-push)`);
  }
  if (update.changes.length > 0) notes.push('commit package.json and .husky/ so teammates get the hooks on `npm install`');
  return { done, notes };
}

/**
 * Without package.json there is no `prepare` to run husky, so gitward points core.hooksPath at
 * `<git-common-dir>/gitward/hooks`. Inside the git dir (not the work tree, not `.gitward/`)
 * because: nothing there is ever committed or shows as untracked; `git clean -fdx` cannot delete
 * it; linked worktrees share it; and no checkout can change which code the hook runs. Stored as
 * the relative `.git/gitward/hooks` when possible so the clone can be moved.
 */
async function installHooksPath(ctx: GitContext, root: string, force: boolean): Promise<Steps> {
  const common = await gitText(ctx, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
  const dir = join(common, 'gitward', 'hooks');
  const value = common === join(root, '.git') ? '.git/gitward/hooks' : dir;
  const current = (await readConfigEntries(ctx, '^core\\.hookspath$')).get('core.hookspath')?.value ?? undefined;
  if (current && resolve(root, current) !== dir && !force) {
    throw new GitwardError('USAGE', `core.hooksPath is already set to ${current}; gitward will not silently disable those hooks`, {
      hint: 'Add the block from node_modules/gitward/hooks/pre-commit to those hooks, or run `gitward init --force` to use gitward\'s hooks directory.',
    });
  }
  const done: string[] = [];
  for (const name of HOOK_NAMES) {
    const change = await writeHookFile(join(dir, name), await readHookTemplate(name), { replace: true });
    done.push(`${relative(root, join(dir, name)) || dir}: ${describeChange(change)}`);
  }
  await runGit(ctx, ['config', 'core.hooksPath', value]);
  done.push(`git config core.hooksPath ${value}`);
  const notes = ['without node_modules, the hooks run `gitward` from PATH: install it with `npm install --global gitward`'];
  if (!current) notes.push(...(await shadowedHooks(join(common, 'hooks'))));
  return { done, notes };
}

/** Hooks in `.git/hooks` stop running once core.hooksPath points elsewhere: say which. */
async function shadowedHooks(defaultDir: string): Promise<string[]> {
  const active = await listActiveHooks(defaultDir);
  return active.length > 0 ? [`these hooks in ${defaultDir} no longer run (core.hooksPath replaces that directory): ${active.join(', ')}`] : [];
}

async function setUpTeamConfig(root: string, input: InstallHooksInput): Promise<Steps> {
  const found = input.configFile ?? ((await readOptionalFile(join(root, SCAFFOLD_FILE))) === undefined ? undefined : SCAFFOLD_FILE);
  const doctor = input.requireSigning ? ['run `gitward doctor` to check that this clone can sign commits'] : [];
  if (!found) return { done: [await scaffoldTeamConfig(root, { requireSigning: input.requireSigning })], notes: doctor };
  const name = relative(root, resolve(root, found));
  if (!input.requireSigning) return { done: [`${name}: team config found, left unchanged`], notes: [] };
  const edit = await requireSigningInConfig(resolve(root, found));
  return edit.manual ? { done: [], notes: [edit.message, ...doctor] } : { done: [edit.message], notes: doctor };
}

function describeChange(change: MergeChange): string {
  const text: Record<MergeChange, string> = {
    created: 'created with the gitward lines',
    added: 'added the gitward lines after the existing ones',
    updated: 'refreshed the gitward lines',
    unchanged: 'gitward lines already up to date',
  };
  return text[change];
}
