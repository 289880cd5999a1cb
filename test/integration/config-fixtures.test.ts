import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, makeTempDir } from '../helpers/repo.js';
import { assertSubset } from '../helpers/subset.js';
import { loadTeamConfig, formatProblem } from '../../src/config/index.js';

/**
 * Table-driven over test/fixtures/config/{valid,invalid}/team/<case>/ (gitleaks testdata/config):
 * each case is a repository root holding config files and an `expected.json`. Valid cases state
 * the parts of the normalized config they are about (`<dir>` = the case's directory) and the
 * exact warnings; invalid cases state every formatted error, in order.
 */
const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/config');

interface Expected {
  config?: unknown;
  sources?: string[];
  warnings: string[];
  errors?: string[];
}

function casesOf(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(join(FIXTURES, kind, 'team')).sort();
}

/** Copies a case into a temp directory (cosmiconfig's TS loader writes next to the file; fixtures stay untouched). */
async function loadCase(kind: 'valid' | 'invalid', name: string) {
  const dir = makeTempDir('gitward-config-');
  try {
    cpSync(join(FIXTURES, kind, 'team', name), dir, { recursive: true });
    const text = readFileSync(join(dir, 'expected.json'), 'utf8').replaceAll('<dir>', dir);
    rmSync(join(dir, 'expected.json'));
    const expected = JSON.parse(text) as Expected;
    const loaded = await loadTeamConfig({ repoRoot: dir });
    return { dir, expected, loaded };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

describe('team config fixtures (test/fixtures/config/*/team)', () => {
  for (const name of casesOf('valid')) {
    it(`valid/${name}`, async () => {
      const { dir, expected, loaded } = await loadCase('valid', name);
      try {
        assert.deepEqual(loaded.errors.map(formatProblem), []);
        assert.deepEqual(loaded.warnings.map(formatProblem), expected.warnings);
        assertSubset(loaded.config, expected.config);
        if (expected.sources) assert.deepEqual(loaded.sources.map((s) => relative(dir, s)), expected.sources);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  for (const name of casesOf('invalid')) {
    it(`invalid/${name}`, async () => {
      const { dir, expected, loaded } = await loadCase('invalid', name);
      try {
        assert.deepEqual(loaded.errors.map(formatProblem), expected.errors);
        assert.deepEqual(loaded.warnings.map(formatProblem), expected.warnings);
        if (expected.config) assertSubset(loaded.config, expected.config);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
