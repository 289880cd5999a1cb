import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Team config file names, in precedence order, searched in the repository root only (no parent
 * directories, no home directory). `package.json` counts only when it has a `gitward` key.
 */
export const SEARCH_PLACES = [
  'gitward.config.js',
  'gitward.config.mjs',
  'gitward.config.cjs',
  'gitward.config.ts',
  'gitward.config.json',
  'gitward.config.yaml',
  '.gitwardrc',
  '.gitwardrc.json',
  '.gitwardrc.yaml',
  '.gitwardrc.yml',
  '.gitwardrc.js',
  'package.json',
] as const;

export interface FoundConfig {
  /** Absolute path of the file that wins. */
  file: string;
  /** Other config files present in the same directory, which are ignored (reported as a warning). */
  ignored: string[];
}

/**
 * Finds the team config with one `readdir` of the repository root, so the common "no config"
 * case costs no cosmiconfig import. It mirrors cosmiconfig's search over SEARCH_PLACES (the
 * search-equivalence test runs both over every fixture).
 */
export async function findTeamConfigFile(repoRoot: string): Promise<FoundConfig | undefined> {
  let names: Set<string>;
  try {
    names = new Set(await readdir(repoRoot));
  } catch {
    return undefined;
  }
  const present: string[] = [];
  for (const name of SEARCH_PLACES) {
    if (!names.has(name)) continue;
    if (name === 'package.json' && !(await hasGitwardKey(join(repoRoot, name)))) continue;
    present.push(name);
  }
  const [first, ...rest] = present;
  return first === undefined ? undefined : { file: join(repoRoot, first), ignored: rest };
}

/**
 * Whether package.json has a `gitward` key. A cheap substring test first, because most
 * package.json files never mention gitward; a file that mentions it but does not parse counts,
 * so the parse error is reported instead of silently ignored.
 */
async function hasGitwardKey(file: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return false;
  }
  if (!text.includes('"gitward"')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    // Same rule as cosmiconfig: a null `gitward` key does not count.
    return typeof parsed === 'object' && parsed !== null && (parsed as Record<string, unknown>).gitward != null;
  } catch {
    return true;
  }
}
