import { access, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { GitwardError } from '../errors/index.js';
import type { HookName } from './hook-block.js';

/**
 * Everything gitward knows about husky lives here (house style: one module per third-party
 * tool). gitward does not re-implement husky's installer; it runs it (`node husky/bin.js`),
 * so `.husky/_` and core.hooksPath are exactly what `npm install` → `prepare: husky` produces.
 */
export const HUSKY_RANGE = '^9.1.7';
/** The core.hooksPath value husky 9 sets. */
export const HUSKY_HOOKS_PATH = '.husky/_';

export function huskyHookFile(root: string, name: HookName): string {
  return join(root, '.husky', name);
}

export interface PackageJsonUpdate {
  text: string;
  changes: string[];
  notes: string[];
}

type PackageJson = { scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } & Record<string, unknown>;

/**
 * Adds `"prepare": "husky"` (appending ` && husky` to a prepare script that lacks it) and a husky
 * devDependency, keeping the file's indentation. Returns the same text when nothing is missing.
 */
export function addHuskyToPackageJson(text: string, file = 'package.json'): PackageJsonUpdate {
  const pkg = parsePackageJson(text, file);
  const changes: string[] = [];
  const notes: string[] = [];
  const scripts = (pkg.scripts ??= {});
  const prepare = scripts.prepare;
  if (prepare === undefined || prepare.trim() === '') {
    scripts.prepare = 'husky';
    changes.push('package.json: added the script "prepare": "husky"');
  } else if (!/\bhusky\b/.test(prepare)) {
    scripts.prepare = `${prepare} && husky`;
    changes.push(`package.json: appended "&& husky" to the prepare script (now "${scripts.prepare}")`);
  }
  if (!pkg.dependencies?.husky && !pkg.devDependencies?.husky) {
    pkg.devDependencies = sortKeys({ ...pkg.devDependencies, husky: HUSKY_RANGE });
    changes.push(`package.json: added the devDependency husky@${HUSKY_RANGE}`);
  }
  if (!pkg.dependencies?.gitward && !pkg.devDependencies?.gitward) {
    notes.push('gitward is not in package.json: run `npm install --save-dev gitward` so everyone who runs `npm install` gets the hooks');
  }
  return { text: changes.length > 0 ? stringifyLike(pkg, text) : text, changes, notes };
}

/** Reads `<root>/package.json`, applies `addHuskyToPackageJson`, and writes it back only when something changed. */
export async function addHuskyToPackageFile(root: string): Promise<PackageJsonUpdate> {
  const file = join(root, 'package.json');
  const update = addHuskyToPackageJson(await readFile(file, 'utf8'));
  if (update.changes.length > 0) await writeFile(file, update.text);
  return update;
}

export function parsePackageJson(text: string, file: string): PackageJson {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as PackageJson;
  } catch (cause) {
    throw new GitwardError('CONFIG_INVALID', `${file} is not valid JSON: ${(cause as Error).message}`, { hint: 'Fix package.json, then run `gitward init` again.', cause });
  }
  throw new GitwardError('CONFIG_INVALID', `${file} does not hold a JSON object`, { hint: 'Fix package.json, then run `gitward init` again.' });
}

/** Re-serializes with the original indentation (tabs or n spaces) and a final newline, as npm does. */
export function stringifyLike(value: unknown, original: string): string {
  const indent = /^[{[]\r?\n([ \t]+)\S/.exec(original)?.[1] ?? '  ';
  return `${JSON.stringify(value, null, indent)}\n`;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * husky's installer: the repository's own `node_modules/husky` (the version `prepare` will run),
 * else the husky gitward itself depends on.
 */
export async function locateHuskyInstaller(root: string): Promise<string> {
  const local = join(root, 'node_modules', 'husky', 'bin.js');
  if (await exists(local)) return local;
  try {
    // husky's package exports only its index.js; bin.js sits beside it.
    return join(dirname(createRequire(import.meta.url).resolve('husky')), 'bin.js');
  } catch (cause) {
    throw new GitwardError('COMMAND_FAILED', 'husky cannot be found', { hint: 'Run `npm install` (husky is a dependency of gitward), then `gitward init` again.', cause });
  }
}


/** A husky stub in `.husky/_/` only sources `h`, which runs `.husky/<name>`. */
export function isHuskyStub(text: string): boolean {
  return /\/h"?\s*$/m.test(text) && text.includes('dirname');
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
