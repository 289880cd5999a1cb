import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

export interface SourceImport {
  /** File that imports, relative to src/ (e.g. `cli/main.ts`). */
  from: string;
  specifier: string;
  /** Resolved target relative to src/ for relative specifiers. */
  target?: string;
  typeOnly: boolean;
}

export function listSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return listSourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const STATIC = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import specifier of every source file, with type-only imports told apart (verbatimModuleSyntax makes them explicit). */
export function readSourceImports(srcDir: string): SourceImport[] {
  const out: SourceImport[] = [];
  for (const file of listSourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const from = relative(srcDir, file);
    const add = (specifier: string, typeOnly: boolean) => {
      const target = specifier.startsWith('.') ? relative(srcDir, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts') : undefined;
      out.push({ from, specifier, typeOnly, ...(target ? { target } : {}) });
    };
    for (const m of text.matchAll(STATIC)) add(m[4] as string, Boolean(m[2]) || allNamesAreTypes(m[3] ?? ''));
    for (const m of text.matchAll(BARE)) add(m[1] as string, false);
    for (const m of text.matchAll(DYNAMIC)) add(m[1] as string, false);
  }
  return out;
}

/** `import { type A, type B } from …` is erased like `import type` under verbatimModuleSyntax. */
function allNamesAreTypes(clause: string): boolean {
  const names = clause.replace(/[{}]/g, '').split(',').map((n) => n.trim()).filter(Boolean);
  return clause.startsWith('{') && names.length > 0 && names.every((n) => n.startsWith('type '));
}

export function folderOf(pathInSrc: string): string {
  const first = pathInSrc.split('/')[0] ?? '';
  return first.endsWith('.ts') ? '(root)' : first;
}
