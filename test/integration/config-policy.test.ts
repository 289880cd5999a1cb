import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, makeTempDir, PROJECT_ROOT, type TestRepo } from '../helpers/repo.js';
import { writeFiles } from '../helpers/config-repo.js';
import type { PolicyLookup, ServerPolicy } from '../../src/config/index.js';
// The module itself (not the lazy index facade): see the harness note in src/config/index.ts.
import { loadServerPolicy } from '../../src/config/load-server-policy.js';
import { GitwardError } from '../../src/errors/index.js';

const KEY = join(PROJECT_ROOT, 'examples/server-policy/keys/alice.asc');
const KEY_BOB = join(PROJECT_ROOT, 'examples/server-policy/keys/bob.asc');

/** A policy whose timeout says where it came from. */
const policyText = (marker: number, ext: string) => (ext === 'json' ? JSON.stringify({ timeout: marker }) : `timeout: ${marker}\n`);

async function failure(lookup: PolicyLookup): Promise<GitwardError> {
  return loadServerPolicy(lookup).then(
    () => assert.fail('expected the policy load to fail'),
    (error: unknown) => {
      assert.ok(error instanceof GitwardError, String(error));
      return error;
    },
  );
}

describe('server policy loader (integration: lookup order, keys, digest)', () => {
  let server: TestRepo & { cleanup: () => void };
  let etc: string;
  let lookup: PolicyLookup;
  beforeEach(() => {
    server = createRepo({ bare: true });
    etc = join(server.home, 'etc-gitward');
    mkdirSync(etc, { recursive: true });
    lookup = { gitDir: server.dir, etcDir: etc };
  });
  afterEach(() => server.cleanup());

  it('looks up --policy, then GITWARD_POLICY, then <git-dir>/gitward/policy.{yaml,yml,json}, then <etc>/policy.*', async () => {
    const places = [
      join(etc, 'policy.json'), join(etc, 'policy.yml'), join(etc, 'policy.yaml'),
      join(server.dir, 'gitward/policy.json'), join(server.dir, 'gitward/policy.yml'), join(server.dir, 'gitward/policy.yaml'),
    ];
    const explicit = join(server.home, 'explicit.yaml');
    const fromEnv = join(server.home, 'env.json');
    const load = (): Promise<ServerPolicy> => loadServerPolicy({ ...lookup, explicitFile: explicit, envFile: fromEnv });
    // Add candidates from the lowest precedence up; each new one must win.
    for (const [i, file] of places.entries()) {
      writeFiles('/', { [file]: policyText(i + 1, file.split('.').pop() as string) });
      const policy = await loadServerPolicy(lookup);
      assert.equal(policy.timeoutSeconds, i + 1, file);
      assert.equal(policy.file, file);
    }
    writeFiles('/', { [fromEnv]: policyText(50, 'json') });
    assert.equal((await loadServerPolicy({ ...lookup, envFile: fromEnv })).timeoutSeconds, 50);
    writeFiles('/', { [explicit]: policyText(60, 'yaml') });
    assert.equal((await load()).timeoutSeconds, 60, '--policy beats GITWARD_POLICY');
    assert.equal((await loadServerPolicy({ ...lookup, envFile: '' })).timeoutSeconds, 6, 'an empty GITWARD_POLICY counts as unset');
  });

  it('GITWARD_POLICY or --policy naming a missing file is CONFIG_NOT_FOUND, even when other policies exist', async () => {
    writeFiles(server.dir, { 'gitward/policy.yaml': 'timeout: 5\n' });
    writeFiles(etc, { 'policy.yaml': 'timeout: 5\n' });
    const fromEnv = await failure({ ...lookup, envFile: join(server.home, 'typo.yaml') });
    assert.equal(fromEnv.code, 'CONFIG_NOT_FOUND');
    assert.match(fromEnv.message, /GITWARD_POLICY file .*typo\.yaml does not exist/);
    const fromFlag = await failure({ ...lookup, explicitFile: join(server.home, 'nope.yaml'), envFile: join(server.dir, 'gitward/policy.yaml') });
    assert.equal(fromFlag.code, 'CONFIG_NOT_FOUND');
    assert.match(fromFlag.message, /--policy file .*nope\.yaml/);
  });

  it('no policy anywhere is POLICY_NOT_FOUND, naming where it looked', async () => {
    const error = await failure(lookup);
    assert.equal(error.code, 'POLICY_NOT_FOUND');
    assert.ok(error.message.includes(join(server.dir, 'gitward/policy.{yaml,yml,json}')));
    assert.ok(error.message.includes(join(etc, 'policy.{yaml,yml,json}')));
    assert.ok(error.hint);
  });

  it('reads key files relative to the policy; the digest covers the policy and every key file', async () => {
    const dir = join(server.dir, 'gitward');
    writeFiles(dir, { 'policy.yaml': 'people:\n  alice:\n    emails: [alice@example.com]\n    openpgp: [trust/alice.asc]\naudit:\n  file: ../audit.jsonl\n' });
    mkdirSync(join(dir, 'trust'));
    copyFileSync(KEY, join(dir, 'trust/alice.asc'));
    const first = await loadServerPolicy(lookup);
    assert.match(first.people.alice?.openpgp[0] ?? '', /^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    assert.equal(first.audit.file, join(server.dir, 'audit.jsonl'));
    assert.equal((await loadServerPolicy(lookup)).digest, first.digest, 'same bytes, same digest');
    copyFileSync(KEY_BOB, join(dir, 'trust/alice.asc'));
    assert.notEqual((await loadServerPolicy(lookup)).digest, first.digest, 'a swapped key file changes the digest');
  });

  it('an unreadable key file is TRUST_STORE_UNREADABLE naming the path and the person', async () => {
    // A directory where the key file should be: unreadable even for root (chmod 000 is not).
    const dir = join(server.dir, 'gitward');
    writeFiles(dir, { 'policy.yaml': 'people:\n  bob:\n    openpgp: [bob.asc]\n' });
    mkdirSync(join(dir, 'bob.asc'));
    const error = await failure(lookup);
    assert.equal(error.code, 'TRUST_STORE_UNREADABLE');
    assert.match(error.message, /bob\.asc \(person "bob", people\.bob\.openpgp\[0\]\): EISDIR/);
    assert.deepEqual(error.data, { path: join(dir, 'bob.asc'), owner: 'person "bob", people.bob.openpgp[0]' });
  });

  it('a relative --policy path resolves from the working directory', async () => {
    const cwd = makeTempDir('gitward-cwd-');
    writeFileSync(join(cwd, 'p.yaml'), 'timeout: 9\n');
    const previous = process.cwd();
    process.chdir(cwd);
    try {
      assert.equal((await loadServerPolicy({ ...lookup, explicitFile: 'p.yaml' })).file, join(cwd, 'p.yaml'));
    } finally {
      process.chdir(previous);
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('config/index.ts lazy facade', () => {
  it('loadServerPolicy and readTeamTrust delegate to their modules, errors included', async () => {
    const facade = await import('../../src/config/index.js');
    const error = await facade.loadServerPolicy({ gitDir: '/nonexistent', etcDir: '/nonexistent' }).catch((e: unknown) => e);
    // Checked by name and code: under mocha + tsx the lazily imported class is a different instance.
    assert.equal((error as GitwardError).name, 'GitwardError');
    assert.equal((error as GitwardError).code, 'POLICY_NOT_FOUND');
    assert.deepEqual(await facade.readTeamTrust({ openpgp: [KEY] }).then((t) => t.openpgp.map((k) => k.source)), [KEY]);
  });
});
