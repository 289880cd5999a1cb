import { readFile } from 'node:fs/promises';

export type HookName = 'pre-commit' | 'pre-push';
export const HOOK_NAMES: readonly HookName[] = ['pre-commit', 'pre-push'];

export const BLOCK_START = '# >>> gitward >>>';
export const BLOCK_END = '# <<< gitward <<<';

/** The shipped shims live in the package's `hooks/` folder (two levels up from src/install and dist/install). */
const HOOKS_DIR = new URL('../../hooks/', import.meta.url);

/** The whole shipped shim (for a gitward-managed hooks directory, where gitward owns the file). */
export async function readHookTemplate(name: HookName): Promise<string> {
  return readFile(new URL(name, HOOKS_DIR), 'utf8');
}

/** Only the marked block of a shim (for a husky file, which the team owns and may extend). */
export function extractBlock(template: string): string {
  const start = template.indexOf(BLOCK_START);
  const end = template.indexOf(BLOCK_END);
  if (start === -1 || end === -1) throw new Error('hook template has no gitward block markers');
  return `${template.slice(start, end + BLOCK_END.length)}\n`;
}

export type MergeChange = 'created' | 'added' | 'updated' | 'unchanged';

/**
 * Puts the gitward block into a hook file and keeps every other line. The block is found by its
 * markers and replaced as a whole, so running `gitward init` again never duplicates a line, and
 * an upgraded gitward refreshes its own lines without touching the team's.
 */
export function mergeHookBlock(existing: string | undefined, block: string): { text: string; change: MergeChange } {
  if (existing === undefined || existing.trim() === '') return { text: block, change: 'created' };
  const start = existing.indexOf(BLOCK_START);
  if (start === -1) {
    const separator = existing.endsWith('\n') ? '' : '\n';
    return { text: `${existing}${separator}${block}`, change: 'added' };
  }
  const endMarker = existing.indexOf(BLOCK_END, start);
  const endLine = endMarker === -1 ? existing.length : lineEnd(existing, endMarker + BLOCK_END.length);
  const text = existing.slice(0, start) + block + existing.slice(endLine);
  return { text, change: text === existing ? 'unchanged' : 'updated' };
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline + 1;
}

/** True when a hook file runs gitward (our block, or a hand-written line calling it). */
export function callsGitward(text: string): boolean {
  return text.includes(BLOCK_START) || /\bgitward\b/.test(text);
}
