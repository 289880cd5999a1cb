import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/repo.js';

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s*['"](\.[^'"]+)['"]/gm;

/** Files a module pulls in at load time (static, non-type imports), transitively. */
function staticClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const m of readFileSync(entry, 'utf8').matchAll(STATIC_IMPORT)) {
    staticClosure(resolve(dirname(entry), (m[1] as string).replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('report: import cost', () => {
  it('loading report/index.ts (every hook does) does not load the SARIF renderer', () => {
    const files = [...staticClosure(join(PROJECT_ROOT, 'src/report/index.ts'))].map((f) => f.slice(PROJECT_ROOT.length + 1));
    assert.ok(files.includes('src/report/render-text.ts'), 'the scan itself works');
    assert.deepEqual(files.filter((f) => /sarif/.test(f)), []);
  });
});
