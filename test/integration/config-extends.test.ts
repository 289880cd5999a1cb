import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { createRepo, type TestRepo } from '../helpers/repo.js';
import { writeFiles, npmInstall, npmPack } from '../helpers/config-repo.js';
import { loadTeamConfig, formatProblem, type LoadedTeamConfig } from '../../src/config/index.js';

const acmeRule = { id: 'acme-api-key', regex: 'acme_(?:live|test)_[0-9A-Za-z]{24}', keywords: ['ACME_LIVE_', 'acme_test_'], description: 'Acme API key' };

/** A shared config package in a folder of the repo (not yet installed). */
function writeAcmePackage(repo: TestRepo, folder: string, extra: Record<string, unknown> = {}): void {
  writeFiles(join(repo.dir, folder), {
    'package.json': { name: '@acme/gitward-config', version: '1.0.0', main: 'gitward.config.json', ...extra },
    'gitward.config.json': {
      secrets: { maxFileSize: '2MB', allow: { paths: ['vendor/**'] }, rules: { custom: [acmeRule] } },
      signing: { trust: { openpgp: ['keys/release.asc'] } },
    },
  });
}

const errorsOf = (loaded: LoadedTeamConfig) => loaded.errors.map(formatProblem);

describe('team config extends (integration: npm packages and relative files)', () => {
  let repo: TestRepo & { cleanup: () => void };
  beforeEach(() => {
    repo = createRepo();
    writeFiles(repo.dir, { 'package.json': { name: 'team-repo', private: true } });
  });
  afterEach(() => repo.cleanup());

  it('applies a package installed from a folder (npm install ./pkg) and a relative file, in order', async () => {
    writeAcmePackage(repo, 'pkg');
    npmInstall(repo, './pkg');
    writeFiles(repo.dir, {
      'config/base.yaml': 'secrets:\n  maxFileSize: 3MB\n  allow:\n    paths: [generated/**]\n',
      'gitward.config.json': { extends: ['@acme/gitward-config', './config/base.yaml'], secrets: { allow: { paths: ['docs/**'] } } },
    });
    const loaded = await loadTeamConfig({ repoRoot: repo.dir });
    assert.deepEqual(errorsOf(loaded), []);
    // npm links a folder install: the real path is pkg/, which is what cycle detection compares.
    assert.deepEqual(loaded.sources.map((s) => relative(repo.dir, s)), ['pkg/gitward.config.json', 'config/base.yaml', 'gitward.config.json']);
    assert.equal(loaded.config.secrets.maxFileSize, 3 * 1024 * 1024, 'later layers override earlier ones');
    assert.deepEqual(loaded.config.secrets.allow.paths, ['vendor/**', 'generated/**', 'docs/**'], 'lists concatenate');
    assert.deepEqual(loaded.config.secrets.rules.custom, [{ ...acmeRule, keywords: ['acme_live_', 'acme_test_'] }], 'the package rule survives');
    assert.deepEqual(loaded.config.signing.trust.openpgp, [join(repo.dir, 'pkg/keys/release.asc')], 'paths resolve against the declaring file');
  });

  it('applies a package installed from a tarball (files copied into node_modules), found by gitward.config.json without main', async () => {
    writeAcmePackage(repo, 'pkg-src', { main: undefined, files: ['gitward.config.json'] });
    npmInstall(repo, `./${npmPack(repo, './pkg-src')}`);
    writeFiles(repo.dir, { '.gitwardrc.json': { extends: '@acme/gitward-config', secrets: { rules: { custom: [{ ...acmeRule, regex: 'acme_[a-z]{8}' }] } } } });
    const loaded = await loadTeamConfig({ repoRoot: repo.dir });
    assert.deepEqual(errorsOf(loaded), []);
    assert.equal(relative(repo.dir, loaded.sources[0] ?? ''), 'node_modules/@acme/gitward-config/gitward.config.json');
    assert.equal(loaded.config.secrets.rules.custom.length, 1, 'a rule with the same id replaces the package rule');
    assert.equal(loaded.config.secrets.rules.custom[0]?.regex, 'acme_[a-z]{8}');
  });

  it('honours `exports`, and resolves a package\'s own extends from the package (nested packages)', async () => {
    writeFiles(repo.dir, {
      'org/package.json': { name: '@acme/org', version: '1.0.0', exports: { '.': './config/org.json' } },
      'org/config/org.json': { secrets: { allow: { stopwords: ['example'] } } },
      'team/package.json': { name: '@acme/team', version: '1.0.0', main: 'team.json', dependencies: { '@acme/org': 'file:../org' } },
      'team/team.json': { extends: ['@acme/org'], secrets: { allow: { stopwords: ['dummy'] } } },
    });
    npmInstall(repo, './org');
    npmInstall(repo, './team');
    writeFiles(repo.dir, { 'gitward.config.json': { extends: ['@acme/team'] } });
    const loaded = await loadTeamConfig({ repoRoot: repo.dir });
    assert.deepEqual(errorsOf(loaded), []);
    assert.deepEqual(loaded.config.secrets.allow.stopwords, ['example', 'dummy']);
  });

  it('reports an extends cycle through a package and a file once, and does not loop', async () => {
    writeFiles(repo.dir, {
      'pkg/package.json': { name: 'cyclic-config', version: '1.0.0', main: 'index.json' },
      'pkg/index.json': { extends: ['../gitward.config.json'], secrets: { enabled: false } },
      'gitward.config.json': { extends: ['cyclic-config'] },
    });
    npmInstall(repo, './pkg');
    const loaded = await loadTeamConfig({ repoRoot: repo.dir });
    assert.deepEqual(errorsOf(loaded), [
      'pkg/index.json › extends[0]: extends cycle: gitward.config.json → pkg/index.json → gitward.config.json (CONFIG_EXTENDS_CYCLE)',
    ]);
    assert.equal(loaded.errors[0]?.code, 'CONFIG_EXTENDS_CYCLE');
    assert.equal(loaded.config.secrets.enabled, false, 'the rest of the graph still applies');
  });

  it('stops at the depth limit with CONFIG_EXTENDS_TOO_DEEP, and reports a missing package with CONFIG_EXTENDS_NOT_FOUND', async () => {
    const chain = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`c/${i}.json`, { extends: `./${i + 1}.json` }]));
    writeFiles(repo.dir, { ...chain, 'gitward.config.json': { extends: ['./c/0.json', '@acme/missing'] } });
    const loaded = await loadTeamConfig({ repoRoot: repo.dir });
    assert.deepEqual(loaded.errors.map((e) => [e.file, e.keyPath, e.code]), [
      ['c/4.json', 'extends', 'CONFIG_EXTENDS_TOO_DEEP'],
      ['gitward.config.json', 'extends[1]', 'CONFIG_EXTENDS_NOT_FOUND'],
    ]);
    assert.equal(loaded.sources.length, 6, 'the root and five levels of extends');
  });
});
