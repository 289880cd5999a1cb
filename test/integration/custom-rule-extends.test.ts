import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, GITWARD_BIN, PROJECT_ROOT } from '../helpers/repo.js';
import { randomBase62 } from '../helpers/secret-samples.js';

type Repo = ReturnType<typeof createRepo>;

/** Issue 3 acceptance: a custom rule shipped in a shared `extends` package fires in a real scan. */
describe('custom rule from a shared extends package', function () {
  this.timeout(120_000);
  let repo: Repo;
  before(() => assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)'));
  beforeEach(() => (repo = createRepo()));
  afterEach(() => repo.cleanup());

  const stagedFindings = () => {
    const r = repo.gitward(['scan', '--staged', '--format', 'json']);
    return { status: r.status, stderr: r.stderr, ruleIds: (JSON.parse(r.stdout || '{"findings":[]}') as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId) };
  };

  it('fires when the package is installed with npm and named in extends', () => {
    repo.write('package.json', JSON.stringify({ name: 'app', private: true }));
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(PROJECT_ROOT, 'examples/shared-config-package')], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
    assert.equal(npm.status, 0, npm.stderr);
    repo.write('gitward.config.json', JSON.stringify({ extends: ['@acme/gitward-config'] }));
    repo.write('src/client.ts', `export const key = 'acme_live_${randomBase62(24)}';\n`);
    repo.git('add', 'src');
    const r = stagedFindings();
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.ruleIds, ['acme-api-key']);
  });

  it('fires from a relative extends file, and is silent without it', () => {
    repo.write('src/client.ts', `export const key = 'acme_test_${randomBase62(24)}';\n`);
    repo.git('add', 'src');
    assert.deepEqual(stagedFindings().ruleIds, [], 'no custom rule, no finding (the twin)');
    repo.write('config/gitward-base.json', JSON.stringify({ secrets: { rules: { custom: [{ id: 'acme-api-key', regex: '\\b(acme_(?:live|test)_[0-9A-Za-z]{24})\\b', keywords: ['acme_'] }] } } }));
    repo.write('.gitwardrc.json', JSON.stringify({ extends: './config/gitward-base.json' }));
    assert.deepEqual(stagedFindings().ruleIds, ['acme-api-key']);
    repo.write('src/client.ts', `export const key = 'acme_test_${'x'.repeat(24)}';\n`);
    repo.git('add', 'src');
    assert.deepEqual(stagedFindings().ruleIds, [], 'a placeholder-shaped match of a team rule is not a secret');
  });
});
