import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, createRepo, type TestRepo } from '../helpers/repo.js';
import { writeFiles, npmInstall } from '../helpers/config-repo.js';
import { shippedSchemaValidator, describeErrors } from '../helpers/schema-validator.js';
import { loadTeamConfig, loadServerPolicy, readTeamTrust, formatProblem } from '../../src/config/index.js';
import { parseYaml } from '../../src/config/cosmiconfig-loader.js';

/** Every example under examples/ loads through gitward's own loaders and validates against the shipped schemas. */
const EXAMPLES = join(PROJECT_ROOT, 'examples');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('examples/ (team config, shared package, server policy)', () => {
  let repo: TestRepo & { cleanup: () => void };
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => repo.cleanup());

  it('team-config extends shared-config-package: the package rule survives and the trust files read', async () => {
    cpSync(join(EXAMPLES, 'team-config'), repo.dir, { recursive: true });
    writeFiles(repo.dir, { 'package.json': { name: 'example-team-repo', private: true } });
    cpSync(join(EXAMPLES, 'shared-config-package'), join(repo.dir, 'vendor-pkg'), { recursive: true });
    npmInstall(repo, './vendor-pkg');
    const loaded = await loadTeamConfig({ repoRoot: repo.dir });
    assert.deepEqual([...loaded.errors, ...loaded.warnings].map(formatProblem), []);
    assert.deepEqual(loaded.sources.map((s) => relative(repo.dir, s)), ['vendor-pkg/gitward.config.json', 'gitward.config.json']);
    const { config } = loaded;
    assert.deepEqual(config.secrets.rules.custom.map((r) => r.id), ['acme-api-key']);
    assert.deepEqual(config.secrets.allow.paths, ['**/vendor/**', '**/*.min.js', 'test/fixtures/**', '**/__snapshots__/**']);
    assert.equal(config.secrets.maxFileSize, 2 * 1024 * 1024);
    assert.equal(config.prePush.verifySignatures, true, 'follows signing.required');
    const trust = await readTeamTrust(config.signing.trust);
    assert.equal(trust.openpgp.length, 1);
    assert.match(trust.openpgp[0]?.armored ?? '', /BEGIN PGP PUBLIC KEY BLOCK/);
    assert.match(trust.allowedSigners?.text ?? '', /^carol@example\.com ssh-ed25519 /);
  });

  it('server-policy/policy.yaml loads with every key and its key files', async () => {
    const policy = await loadServerPolicy({ explicitFile: join(EXAMPLES, 'server-policy/policy.yaml'), gitDir: repo.dir });
    assert.deepEqual(Object.keys(policy.people), ['alice', 'bob', 'carol']);
    for (const person of Object.values(policy.people)) assert.equal(person.openpgp.length, 1);
    assert.equal(policy.refs.length, 4);
    assert.equal(policy.content.maxFileSize, 5 * 1024 * 1024);
    assert.equal(policy.content.secretsConfig.allow.inlineComments, false);
    assert.equal(policy.content.secretsConfig.baseline, join(EXAMPLES, 'server-policy/baselines/infra.json'));
    assert.equal(policy.timeoutSeconds, 60);
    assert.equal(policy.breakGlass.option, 'gitward.bypass');
  });

  it('the example policy uses every key the schema knows', () => {
    const raw = parseYaml('policy.yaml', readFileSync(join(EXAMPLES, 'server-policy/policy.yaml'), 'utf8')) as Record<string, unknown>;
    const schema = readJson(join(PROJECT_ROOT, 'policy.schema.json')) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const used = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap(used) : typeof value === 'object' && value !== null ? Object.keys(value) : []);
    const missing: string[] = [];
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!(key in raw)) missing.push(key);
      for (const child of Object.keys(sub.properties ?? {})) if (!used(raw[key]).includes(child)) missing.push(`${key}.${child}`);
    }
    const refKeys = Object.keys((schema.properties.refs as unknown as { items: { properties: object } }).items.properties);
    for (const key of refKeys) if (!used(raw.refs).includes(key)) missing.push(`refs[].${key}`);
    assert.deepEqual(missing, []);
  });

  it('examples validate against gitward.schema.json and policy.schema.json (Ajv)', () => {
    const team = shippedSchemaValidator('gitward.schema.json');
    for (const file of ['team-config/gitward.config.json', 'shared-config-package/gitward.config.json']) {
      assert.ok(team(readJson(join(EXAMPLES, file))), `${file}: ${describeErrors(team)}`);
    }
    const policy = shippedSchemaValidator('policy.schema.json');
    const raw = parseYaml('policy.yaml', readFileSync(join(EXAMPLES, 'server-policy/policy.yaml'), 'utf8'));
    assert.ok(policy(raw), describeErrors(policy));
  });
});
