import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { PROJECT_ROOT } from './repo.js';

/** `UPDATE_SNAPSHOT=1 npx mocha …` rewrites goldens instead of comparing (then review `git diff`). */
export const updatingSnapshots = process.env.UPDATE_SNAPSHOT === '1';

/**
 * Golden-file assertion (gitleaks testdata/expected, secretlint snapshots): `actual` must equal
 * the file byte for byte. A missing golden fails, so a new case cannot pass by accident.
 */
export function expectFile(path: string, actual: string): void {
  const shown = relative(PROJECT_ROOT, path);
  if (updatingSnapshots) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) assert.fail(`missing golden ${shown}: run with UPDATE_SNAPSHOT=1 to create it, then review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from ${shown} (UPDATE_SNAPSHOT=1 rewrites it)`);
}
