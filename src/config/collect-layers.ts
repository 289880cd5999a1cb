import { dirname, isAbsolute, relative } from 'node:path';
import type { ConfigProblem } from './types.js';
import { checkTeamFile } from './validate.js';
import { readConfigFile } from './read-config-file.js';
import { resolveExtendsTarget } from './resolve-extends.js';
import { MAX_EXTENDS_DEPTH } from './defaults.js';
import { messages } from './messages.js';

export interface CollectedLayers {
  /** Validated layers in application order: deepest `extends` first, the config itself last. */
  layers: Array<Record<string, unknown>>;
  /** Absolute paths of the files behind `layers`, same order. */
  sources: string[];
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
}

interface Walk extends CollectedLayers {
  repoRoot: string;
  maxDepth: number;
}

/** Repository-relative when inside the repository (what people recognise), else absolute. */
export function displayPath(file: string, repoRoot: string): string {
  const rel = relative(repoRoot, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * Reads the config file's `extends` graph depth-first and returns the layers in the order they
 * apply. Every problem is collected: unresolvable entries, cycles (reported once, never followed)
 * and nesting beyond the depth limit, each with the file and key path that caused it.
 */
export async function collectLayers(root: { file: string; raw: unknown }, opts: { repoRoot: string; maxDepth?: number }): Promise<CollectedLayers> {
  const walk: Walk = { layers: [], sources: [], errors: [], warnings: [], repoRoot: opts.repoRoot, maxDepth: opts.maxDepth ?? MAX_EXTENDS_DEPTH };
  await visit(root.file, root.raw, [root.file], walk);
  const { layers, sources, errors, warnings } = walk;
  return { layers, sources, errors, warnings };
}

async function visit(file: string, raw: unknown, chain: string[], walk: Walk): Promise<void> {
  const display = displayPath(file, walk.repoRoot);
  const checked = checkTeamFile({ raw, display, baseDir: dirname(file) });
  walk.errors.push(...checked.errors);
  walk.warnings.push(...checked.warnings);
  for (const { spec, keyPath } of extendsEntries(raw)) {
    const problem = (code: ConfigProblem['code'], message: string) => walk.errors.push({ file: display, keyPath, message, code });
    const target = await resolveExtendsTarget(spec, { from: file, fromRoot: chain.length === 1, repoRoot: walk.repoRoot });
    if (target === undefined) problem('CONFIG_EXTENDS_NOT_FOUND', messages.extendsNotFound(spec, chain.length === 1 ? 'the repository root' : display));
    else if (chain.includes(target)) problem('CONFIG_EXTENDS_CYCLE', messages.extendsCycle([...chain, target].map((f) => displayPath(f, walk.repoRoot))));
    else if (chain.length > walk.maxDepth) problem('CONFIG_EXTENDS_TOO_DEEP', messages.extendsTooDeep(spec, walk.maxDepth));
    else await visitFile(target, [...chain, target], walk);
  }
  walk.layers.push(checked.layer);
  walk.sources.push(file);
}

/** The file's valid `extends` entries with their key paths in the raw file (invalid ones were reported by validation). */
function extendsEntries(raw: unknown): Array<{ spec: string; keyPath: string }> {
  const value = (raw as { extends?: unknown } | null | undefined)?.extends;
  const usable = (spec: unknown): spec is string => typeof spec === 'string' && spec.trim() !== '';
  if (usable(value)) return [{ spec: value, keyPath: 'extends' }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((spec, index) => (usable(spec) ? [{ spec, keyPath: `extends[${index}]` }] : []));
}

async function visitFile(file: string, chain: string[], walk: Walk): Promise<void> {
  const read = await readConfigFile(file);
  if (!read.ok) {
    walk.errors.push({ file: displayPath(file, walk.repoRoot), keyPath: '', message: messages.parseFailed(read.message) });
    return;
  }
  await visit(file, read.raw, chain, walk);
}
