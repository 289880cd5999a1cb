import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/repo.js';
import { readFileSync } from 'node:fs';
import { readSourceImports, listSourceFiles, folderOf, type SourceImport } from '../helpers/source-imports.js';

const SRC = join(PROJECT_ROOT, 'src');
const imports = readSourceImports(SRC);

/** Which folders each folder may import at run time (house style §2). Type-only imports may also reach `config`. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  errors: [],
  git: ['model', 'errors'],
  config: ['model', 'errors'],
  audit: ['model', 'errors'],
  fs: ['model', 'errors'],
  install: ['model', 'errors'],
  secrets: ['model', 'errors'],
  signatures: ['model', 'errors'],
  policy: ['model', 'errors'],
  report: ['model', 'errors'],
  'use-cases': ['model', 'errors', 'git', 'config', 'audit', 'fs', 'install', 'secrets', 'signatures', 'policy'],
  cli: ['model', 'errors', 'git', 'config', 'audit', 'fs', 'install', 'secrets', 'signatures', 'policy', 'report', 'use-cases'],
  '(root)': ['model', 'errors', 'git', 'config', 'audit', 'fs', 'install', 'secrets', 'signatures', 'policy', 'report', 'use-cases', 'cli'],
};
const DOMAIN = ['secrets', 'signatures', 'policy', 'report', 'model', 'errors'];
const IO_MODULES = ['node:fs', 'node:fs/promises', 'node:child_process', 'isomorphic-git', 'cosmiconfig', 'node:net', 'node:http'];
/** Each third-party library is wrapped in exactly one folder. */
const WRAPPERS: Record<string, string> = {
  'isomorphic-git': 'git', cosmiconfig: 'config', '@secretlint/': 'secrets', openpgp: 'signatures', micromatch: 'policy', husky: 'install',
};

const crossFolder = (i: SourceImport) => i.target !== undefined && folderOf(i.target) !== folderOf(i.from);
const describeImport = (i: SourceImport) => `${i.from} → ${i.specifier}`;

describe('architecture (house style §2)', () => {
  it('finds the source files it checks', () => {
    assert.ok(imports.length > 20, 'the import scan found almost nothing: is the regex broken?');
  });

  it('dependencies point inward', () => {
    const bad = imports.filter((i) => crossFolder(i)).filter((i) => {
      const to = folderOf(i.target as string);
      const allowed = ALLOWED[folderOf(i.from)] ?? [];
      return !(allowed.includes(to) || (i.typeOnly && to === 'config'));
    });
    assert.deepEqual(bad.map(describeImport), []);
  });

  it('domain modules do no IO', () => {
    const bad = imports.filter((i) => DOMAIN.includes(folderOf(i.from)) && IO_MODULES.includes(i.specifier));
    assert.deepEqual(bad.map(describeImport), []);
  });

  it('each third-party library is wrapped in one folder', () => {
    const bad = imports.filter((i) => Object.entries(WRAPPERS).some(([lib, home]) => i.specifier.startsWith(lib) && folderOf(i.from) !== home));
    assert.deepEqual(bad.map(describeImport), []);
  });

  it('folders are reached only through their index.ts', () => {
    // Exceptions: each use-case file is an entry point that commands load on demand, and
    // type-only imports cost nothing at run time.
    const isPublic = (target: string) => target.endsWith('/index.ts') || folderOf(target) === 'use-cases';
    const bad = imports.filter((i) => crossFolder(i) && !i.typeOnly && !isPublic(i.target as string));
    assert.deepEqual(bad.map(describeImport), []);
  });

  it('has no import cycles between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports.filter((x) => crossFolder(x) && !x.typeOnly)) {
      const from = folderOf(i.from);
      edges.set(from, (edges.get(from) ?? new Set()).add(folderOf(i.target as string)));
    }
    const reaches = (start: string, goal: string, seen = new Set<string>()): boolean =>
      [...(edges.get(start) ?? [])].some((n) => n === goal || (!seen.has(n) && (seen.add(n), reaches(n, goal, seen))));
    const cyclic = [...edges.keys()].filter((f) => reaches(f, f));
    assert.deepEqual(cyclic, []);
  });

  it('only cli/ touches process globals', () => {
    // Checked on text: faces own argv, env, stdout and exit (house style §2.1).
    const offenders = listSourceFiles(SRC)
      .map((f) => f.slice(SRC.length + 1))
      .filter((f) => folderOf(f) !== 'cli' && folderOf(f) !== '(root)')
      .filter((f) => /\bprocess\.(argv|env|exit|stdout|stderr|stdin|exitCode)\b/.test(readFileSync(join(SRC, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
