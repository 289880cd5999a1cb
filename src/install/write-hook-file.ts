import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mergeHookBlock, type MergeChange } from './hook-block.js';

export async function readOptionalFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `block` into `file`, keeping its other lines (`replace: false`, husky files) or
 * owning the whole file (`replace: true`, the gitward-managed directory). Hooks are 0755:
 * git ignores a hook file that is not executable.
 */
export async function writeHookFile(file: string, block: string, options: { replace: boolean }): Promise<MergeChange> {
  const existing = await readOptionalFile(file);
  const merged = options.replace
    ? { text: block, change: existing === undefined ? 'created' as const : existing === block ? 'unchanged' as const : 'updated' as const }
    : mergeHookBlock(existing, block);
  await mkdir(dirname(file), { recursive: true });
  if (merged.change !== 'unchanged') await writeFile(file, merged.text, { mode: 0o755 });
  // writeFile's mode applies only to new files; an existing hook may have lost its x bit.
  await chmod(file, 0o755);
  return merged.change;
}
