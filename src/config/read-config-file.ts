import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';

export type ReadResult = { ok: true; raw: unknown } | { ok: false; message: string };

/**
 * Reads one config file. JSON (and package.json#gitward) is parsed here with JSON.parse; every
 * other kind goes through cosmiconfig's loaders, imported only then: importing cosmiconfig and
 * its JSON parser costs ~60 ms, more than the rest of the pre-commit hook (README "Load cost").
 */
export async function readConfigFile(file: string): Promise<ReadResult> {
  try {
    if (extname(file) !== '.json') {
      const { loadWithCosmiconfig } = await import('./cosmiconfig-loader.js');
      return { ok: true, raw: await loadWithCosmiconfig(file) };
    }
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const parsed = parseJsonText(text);
    const isPackage = basename(file) === 'package.json';
    return { ok: true, raw: isPackage ? (parsed as Record<string, unknown> | null)?.gitward : parsed };
  } catch (error) {
    return { ok: false, message: describeLoadError(error) };
  }
}

/** JSON.parse with line and column in the error; empty text is an empty config, as with cosmiconfig. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(withLineColumn((error as Error).message, text));
  }
}

/** JSON.parse says "at position 123"; people need line and column. */
function withLineColumn(message: string, text: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match) return message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

/** A loader error as one short line (without cosmiconfig's "YAML Error in <path>:" prefix). */
export function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // cosmiconfig prefixes "YAML Error in /abs/path:\n"; the file is already named by the caller.
  return message.replace(/^(JSON|YAML|TypeScript) Error in [^\n]*:\n/, '').split('\n')[0]?.trim() ?? '';
}
