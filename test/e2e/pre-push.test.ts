import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, isolatedEnv, makeTempDir, GITWARD_BIN } from '../helpers/repo.js';
import { createServerRepo, type ServerRepo } from '../helpers/git-server.js';
import { makeGpgKey, configureGitSigning, stopGpgAgent, type GpgKey } from '../helpers/keys.js';

type Client = ReturnType<typeof createRepo>;

/**
 * The client twin: `gitward init` installs pre-push, which verifies outgoing commits with the
 * server's verifier and rules against the team's `signing.trust`. A rejected push never reaches
 * the server (no audit record there); an accepted one is then accepted by the server too.
 */
describe('pre-push twin (gitward init + real git push)', function () {
  this.timeout(60_000);
  let root: string;
  let gnupghome: string;
  let alice: GpgKey;
  let mallory: GpgKey;
  let server: ServerRepo;
  let client: Client;

  before(() => {
    assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)');
    root = makeTempDir('gitward-e2e-prepush-');
    gnupghome = join(root, 'gnupg');
    alice = makeGpgKey(gnupghome, { name: 'Alice', email: 'alice@example.com' });
    mallory = makeGpgKey(gnupghome, { name: 'Mallory', email: 'mallory@example.com' });
  });
  after(() => {
    stopGpgAgent(gnupghome);
    rmSync(root, { recursive: true, force: true });
  });

  beforeEach(() => {
    const serverHome = join(root, `server-home-${Date.now()}`);
    mkdirSync(serverHome);
    server = createServerRepo(join(root, 'srv'), `r${Date.now()}`, { ...isolatedEnv(serverHome) });
    mkdirSync(join(server.gitDir, 'gitward/keys'), { recursive: true });
    writeFileSync(join(server.gitDir, 'gitward/keys/alice.asc'), alice.publicArmored);
    writeFileSync(join(server.gitDir, 'gitward/policy.yaml'),
      'people:\n  alice: { emails: [alice@example.com], openpgp: [keys/alice.asc] }\nrefs:\n  - match: refs/heads/main\n    signedCommits: required\n');
    client = createRepo();
    client.env.GNUPGHOME = gnupghome;
    // The hooks find `gitward` on PATH, as after `npm install --global gitward`.
    const bin = join(client.home, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'gitward'), `#!/bin/sh\nexec "${process.execPath}" "${GITWARD_BIN}" "$@"\n`, { mode: 0o755 });
    client.env.PATH = `${bin}:${client.env.PATH}`;
    client.write('keys/alice.asc', alice.publicArmored);
    client.write('gitward.config.json', JSON.stringify({ signing: { trust: { openpgp: ['keys/alice.asc'] } }, prePush: { verifySignatures: true, refs: ['refs/heads/main'] } }));
    const init = client.gitward(['init']);
    assert.equal(init.status, 0, init.stderr);
    client.git('add', '.');
    configureGitSigning(client, { format: 'openpgp', key: alice.fingerprint }, 'alice@example.com');
    client.git('commit', '-q', '-m', 'team config');
    client.git('remote', 'add', 'origin', server.gitDir);
  });
  afterEach(() => client.cleanup());

  const serverAudits = () => {
    const file = join(server.gitDir, 'gitward/audit.jsonl');
    return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').length : 0;
  };

  it('stops an unsigned commit before it leaves, with the server\'s code, and lets a signed one through', () => {
    client.git('config', 'commit.gpgSign', 'false');
    client.write('a.txt', 'a\n');
    client.git('add', '.');
    client.git('commit', '-q', '-m', 'unsigned');
    const blocked = client.gitResult('push', 'origin', 'main');
    assert.notEqual(blocked.status, 0);
    assert.match(blocked.stderr, /COMMIT_UNSIGNED/);
    assert.equal(serverAudits(), 0, 'the server never saw the push');
    assert.equal(server.refValue('refs/heads/main'), undefined);

    configureGitSigning(client, { format: 'openpgp', key: alice.fingerprint });
    client.git('commit', '-q', '--amend', '-S', '--no-edit');
    const ok = client.gitResult('push', 'origin', 'main');
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(server.refValue('refs/heads/main'), client.git('rev-parse', 'HEAD').trim());
    assert.equal(serverAudits(), 1, 'the server checked and accepted it too');
  });

  it('reports a key outside signing.trust as SIGNER_UNTRUSTED, and ignores refs out of scope', () => {
    configureGitSigning(client, { format: 'openpgp', key: mallory.fingerprint }, 'mallory@example.com');
    client.write('b.txt', 'b\n');
    client.git('add', '.');
    client.git('commit', '-q', '-m', 'by mallory');
    const blocked = client.gitResult('push', 'origin', 'main');
    assert.notEqual(blocked.status, 0);
    assert.match(blocked.stderr, /SIGNER_UNTRUSTED/);
    // refs/heads/topic is not in prePush.refs: the client lets it go (the server has no rule for it either).
    const topic = client.gitResult('push', 'origin', 'HEAD:refs/heads/topic');
    assert.equal(topic.status, 0, topic.stderr);
  });
});
