import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRepo, type TestRepo } from '../helpers/repo.js';
import { writeFiles, loadInFreshProcess } from '../helpers/config-repo.js';
import { loadTeamConfig, formatProblem } from '../../src/config/index.js';
import { SEARCH_PLACES } from '../../src/config/search.js';
import { searchWithCosmiconfig } from '../../src/config/cosmiconfig-loader.js';
import { GitwardError } from '../../src/errors/index.js';

/** The same setting (`secrets.maxFileSize: n`) in each search place's own format. */
function configFile(name: string, n: number): string | Record<string, unknown> {
  if (name === 'package.json') return { name: 'repo', private: true, gitward: { secrets: { maxFileSize: n } } };
  if (name.endsWith('.json')) return { secrets: { maxFileSize: n } };
  // The repo's package.json has no "type", so .js is CommonJS there.
  if (name.endsWith('.cjs') || name.endsWith('.js')) return `module.exports = { secrets: { maxFileSize: ${n} } };\n`;
  if (name.endsWith('.mjs') || name.endsWith('.ts')) return `export default { secrets: { maxFileSize: ${n} } };\n`;
  return `secrets:\n  maxFileSize: ${n}\n`; // .yaml, .yml, and extension-less .gitwardrc
}

describe('team config search (integration, real repos)', () => {
  let repo: TestRepo & { cleanup: () => void };
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => repo.cleanup());

  it('uses defaults with no config file, without importing cosmiconfig', () => {
    assert.deepEqual(loadInFreshProcess(repo.dir), { cosmiconfigLoaded: false, errors: 0, sources: [] });
  });

  it('parses JSON configs without cosmiconfig, and loads it for YAML', () => {
    writeFiles(repo.dir, { 'gitward.config.json': { secrets: { enabled: false } } });
    assert.equal(loadInFreshProcess(repo.dir).cosmiconfigLoaded, false);
    rmSync(join(repo.dir, 'gitward.config.json'));
    writeFiles(repo.dir, { '.gitwardrc.yml': 'secrets:\n  enabled: false\n' });
    assert.equal(loadInFreshProcess(repo.dir).cosmiconfigLoaded, true);
  });

  it('follows the documented precedence, and agrees with cosmiconfig (searchStrategy none) at every step', async () => {
    // A fresh directory per step: node caches imported JS modules by URL for the life of the process,
    // and cosmiconfig compiles gitward.config.ts to gitward.config.mjs next to it.
    for (const [i, name] of SEARCH_PLACES.entries()) {
      const dir = join(repo.dir, `step-${i}`);
      SEARCH_PLACES.slice(i).forEach((other, j) => writeFiles(dir, { [other]: configFile(other, 1000 + i + j) }));
      const loaded = await loadTeamConfig({ repoRoot: dir });
      assert.deepEqual(loaded.errors.map(formatProblem), []);
      assert.equal(relative(dir, loaded.sources[0] ?? ''), name);
      assert.equal(loaded.config.secrets.maxFileSize, 1000 + i, name);
      const cosmic = await searchWithCosmiconfig(dir);
      assert.equal(relative(dir, cosmic?.filepath ?? ''), name, 'cosmiconfig picks the same file');
      const ignored = SEARCH_PLACES.length - i - 1;
      assert.equal(loaded.warnings.length, ignored > 0 ? 1 : 0, 'several files → one warning naming the ignored ones');
    }
  });

  it('ignores package.json without a `gitward` key, and a config in a parent directory', async () => {
    writeFiles(repo.dir, { 'package.json': { name: 'x', devDependencies: { gitward: '0.1.0' } }, 'sub/.gitwardrc.json': { secrets: { enabled: false } } });
    writeFiles(join(repo.dir, '..'), { '.gitwardrc.json': { secrets: { enabled: false } } });
    for (const root of [repo.dir, join(repo.dir, 'sub')]) {
      const loaded = await loadTeamConfig({ repoRoot: root });
      assert.equal(loaded.config.secrets.enabled, root === repo.dir, root);
    }
  });

  it('--config names a file anywhere; a missing one is CONFIG_NOT_FOUND, with no fall-back to the search', async () => {
    writeFiles(repo.dir, { '.gitwardrc.json': { secrets: { enabled: false } }, 'ci/strict.yaml': 'signing:\n  required: true\n' });
    const explicit = await loadTeamConfig({ repoRoot: repo.dir, explicitFile: join(repo.dir, 'ci/strict.yaml') });
    assert.equal(explicit.config.signing.required, true);
    assert.equal(explicit.config.secrets.enabled, true, 'the searched file is not merged in');
    await assert.rejects(loadTeamConfig({ repoRoot: repo.dir, explicitFile: join(repo.dir, 'ci/missing.json') }), (e: unknown) => {
      assert.ok(e instanceof GitwardError);
      assert.equal(e.code, 'CONFIG_NOT_FOUND');
      assert.match(e.message, /ci\/missing\.json/);
      return true;
    });
  });

  it('reports a config with three errors as three errors, each with file and key path', async () => {
    writeFiles(repo.dir, { '.gitwardrc.json': { secrets: { allow: { paths: ['a', 'b', 7] }, maxFileSize: 'huge' }, signing: { required: 'yes' } } });
    const loaded = await loadTeamConfig({ repoRoot: repo.dir });
    assert.deepEqual(loaded.errors.map(formatProblem), [
      '.gitwardrc.json › secrets.allow.paths[2]: expected string',
      '.gitwardrc.json › secrets.maxFileSize: expected a size: a number of bytes or a string such as "5MB" (KB/MB/GB are powers of 1024)',
      '.gitwardrc.json › signing.required: expected boolean',
    ]);
    assert.deepEqual(loaded.config.secrets.allow.paths, ['a', 'b'], 'the valid parts still apply');
  });
});
