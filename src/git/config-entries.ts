import type { GitContext } from './run-git.js';
import { runGit } from './run-git.js';

/** One effective git config value and where it came from (for `gitward doctor`). */
export interface ConfigEntry {
  /** `null` for a key written without `= value`, which git reads as boolean true. */
  value: string | null;
  /** `system`, `global`, `local`, `worktree` or `command` (from `git -c` / GIT_CONFIG_PARAMETERS). */
  scope: string;
  /** e.g. `file:/home/me/.gitconfig` or `command line:`. */
  origin: string;
}

/** Lower-cased key (`gpg.ssh.allowedsignersfile`) → the value that wins (the last one git lists). */
export type ConfigEntries = ReadonlyMap<string, ConfigEntry>;

/**
 * Every config key matching `pattern` (a git config regexp over lower-cased keys), with its
 * scope and origin, in ONE `git config` call: hooks pay for every spawn. Git applies includes
 * and `-c` overrides itself, so the result is exactly what `git commit` will see.
 */
export async function readConfigEntries(ctx: GitContext, pattern: string): Promise<ConfigEntries> {
  const args = ['config', '--get-regexp', '--show-scope', '--show-origin', '-z', pattern];
  // Exit 1 means "no key matched", which is an answer here.
  const { stdout } = await runGit(ctx, args, { okExitCodes: [1] });
  return parseConfigEntries(stdout.toString('utf8'));
}

/** `scope NUL origin NUL key [LF value] NUL`, repeated. */
export function parseConfigEntries(text: string): Map<string, ConfigEntry> {
  const entries = new Map<string, ConfigEntry>();
  const fields = text.split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [scope = '', origin = '', item = ''] = fields.slice(i, i + 3);
    const newline = item.indexOf('\n');
    const key = (newline === -1 ? item : item.slice(0, newline)).toLowerCase();
    entries.set(key, { value: newline === -1 ? null : item.slice(newline + 1), scope, origin });
  }
  return entries;
}

/** Git's boolean syntax: a bare key, true/yes/on, or a non-zero integer. */
export function isConfigTrue(entry: ConfigEntry | undefined): boolean {
  if (!entry) return false;
  if (entry.value === null) return true;
  const value = entry.value.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(value)) return true;
  return /^-?\d+$/.test(value) && Number(value) !== 0;
}
