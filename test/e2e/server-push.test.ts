import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, isolatedEnv, makeTempDir, GITWARD_BIN, type TestRepo } from '../helpers/repo.js';
import { createServerRepo, startGitDaemon, type GitDaemon, type ServerRepo } from '../helpers/git-server.js';
import { makeGpgKey, revokeGpgKey, makeSshKey, configureGitSigning, stopGpgAgent, type GpgKey, type SshKey } from '../helpers/keys.js';
import { githubToken } from '../helpers/secret-samples.js';

type Client = ReturnType<typeof createRepo>;
interface AuditLine { decision: string; pusher?: string; refs: Array<{ ref: string; new: string }>; violations?: Array<{ code: string }>; bypass?: { reason: string }; error?: { code: string } }

const DAY = 86_400_000;

/**
 * The server guard end to end: real `git push` over git:// to `git daemon` on 127.0.0.1 (and
 * file://), the real pre-receive shim in a bare repository, real OpenPGP and SSH keys. Each test
 * asserts what a pusher and an admin observe: push status, `remote:` lines, the server ref before
 * and after, and exactly one audit record per push.
 */
describe('server pre-receive (git daemon on 127.0.0.1 + file://)', function () {
  this.timeout(120_000);
  let root: string;
  let gnupghome: string;
  let serverEnv: Record<string, string>;
  let daemon: GitDaemon;
  let alice: GpgKey;
  let mallory: GpgKey;
  let expired: GpgKey;
  let revoked: GpgKey;
  let aliceSsh: SshKey;
  let server: ServerRepo;
  let client: Client;
  let auditFile: string;
  let serverCount = 0;

  before(async () => {
    assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)');
    root = makeTempDir('gitward-e2e-server-');
    gnupghome = join(root, 'gnupg');
    const now = Date.now();
    alice = makeGpgKey(gnupghome, { name: 'Alice', email: 'alice@example.com' });
    mallory = makeGpgKey(gnupghome, { name: 'Mallory', email: 'mallory@example.com' });
    // Valid for a year from 400 days ago: expired 35 days ago. It signs "200 days ago" below.
    expired = makeGpgKey(gnupghome, { name: 'Old', email: 'old@example.com', expire: '1y', createdAt: new Date(now - 400 * DAY) });
    revoked = makeGpgKey(gnupghome, { name: 'Gone', email: 'gone@example.com' });
    aliceSsh = makeSshKey(join(root, 'ssh'), { type: 'ed25519', comment: 'alice' });
    const serverHome = join(root, 'server-home');
    mkdirSync(serverHome);
    // The daemon's environment is the server's: it names the pusher, as an SSH forced command would.
    serverEnv = { ...isolatedEnv(serverHome), GITWARD_PUSHER: 'alice' };
    daemon = await startGitDaemon(join(root, 'srv'), serverEnv);
  });

  after(async () => {
    await daemon?.stop();
    stopGpgAgent(gnupghome);
    rmSync(root, { recursive: true, force: true });
  });

  beforeEach(() => {
    serverCount++;
    server = createServerRepo(join(root, 'srv'), `repo${serverCount}`, serverEnv);
    auditFile = join(server.gitDir, 'gitward', 'audit.jsonl');
    writePolicy(server);
    client = createRepo();
    client.env.GNUPGHOME = gnupghome;
    client.git('remote', 'add', 'origin', daemon.url(`repo${serverCount}`));
  });
  afterEach(() => client.cleanup());

  function writePolicy(target: ServerRepo, extra = ''): void {
    const dir = join(target.gitDir, 'gitward');
    mkdirSync(join(dir, 'keys'), { recursive: true });
    for (const [name, key] of Object.entries({ alice, expired, revoked })) writeFileSync(join(dir, 'keys', `${name}.asc`), key.publicArmored);
    writeFileSync(join(dir, 'policy.yaml'), [
      'people:',
      '  alice: { emails: [Alice@Example.com], openpgp: [keys/alice.asc], ssh: ["' + aliceSsh.publicLine + '"] }',
      '  old: { emails: [old@example.com], openpgp: [keys/expired.asc] }',
      '  gone: { emails: [gone@example.com], openpgp: [keys/revoked.asc] }',
      'groups:',
      '  admins: [alice]',
      'refs:',
      '  - match: refs/heads/main',
      '    signedCommits: required',
      '  - match: "refs/tags/**"',
      '    immutable: true',
      'content:',
      '  maxFileSize: 64KB',
      '  secrets: block',
      'breakGlass:',
      '  allowed: [admins]',
      extra,
    ].join('\n'));
  }

  function commit(repo: TestRepo, file: string, content: string, options: { sign?: 'alice' | 'mallory' | 'expired' | 'revoked' | 'ssh'; email?: string; at?: Date } = {}): string {
    const keys = { alice, mallory, expired, revoked };
    if (options.sign === 'ssh') configureGitSigning(repo, { format: 'ssh', privateKeyPath: aliceSsh.privateKeyPath });
    else if (options.sign) configureGitSigning(repo, { format: 'openpgp', key: keys[options.sign].fingerprint, ...(options.at ? { at: options.at } : {}) });
    else repo.git('config', 'commit.gpgSign', 'false');
    repo.git('config', 'user.email', options.email ?? (options.sign && options.sign !== 'ssh' ? keys[options.sign].email : 'alice@example.com'));
    repo.write(file, content);
    repo.git('add', file);
    repo.git('commit', '-q', '-m', `change ${file}`);
    return repo.git('rev-parse', 'HEAD').trim();
  }

  function push(repo: TestRepo, ...args: string[]): { status: number | null; out: string } {
    const r = repo.gitResult('push', '--porcelain', ...args);
    return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
  }

  function audit(): AuditLine[] {
    return existsSync(auditFile) ? readFileSync(auditFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditLine) : [];
  }

  /** Push, and check the invariants every push keeps: exactly one new audit record, and the ref moves only when accepted. */
  function pushAndAudit(args: string[], ref = 'refs/heads/main', repo: TestRepo = client): { status: number | null; out: string; record: AuditLine } {
    const before = audit().length;
    const refBefore = server.refValue(ref);
    const result = push(repo, ...args);
    const records = audit();
    assert.equal(records.length, before + 1, `exactly one audit record per push\n${result.out}`);
    const record = records[records.length - 1] as AuditLine;
    if (result.status !== 0) assert.equal(server.refValue(ref), refBefore, 'a rejected push leaves the server ref unchanged');
    assert.equal(record.decision, result.status === 0 ? 'accepted' : 'rejected');
    return { ...result, record };
  }

  function assertRejected(result: { status: number | null; out: string; record: AuditLine }, code: string): void {
    assert.notEqual(result.status, 0, `push should be rejected with ${code}:\n${result.out}`);
    assert.match(result.out, new RegExp(`remote: gitward: .*${code}`), result.out);
    assert.ok(result.record.violations?.some((v) => v.code === code), `audit names ${code}`);
  }

  it('accepts a commit signed by a trusted, bound OpenPGP key', () => {
    const oid = commit(client, 'a.txt', 'a\n', { sign: 'alice' });
    const r = pushAndAudit(['origin', 'main']);
    assert.equal(r.status, 0, r.out);
    assert.equal(server.refValue('refs/heads/main'), oid);
    assert.equal(r.record.pusher, 'alice');
  });

  it('rejects an unsigned commit', () => {
    commit(client, 'a.txt', 'a\n');
    assertRejected(pushAndAudit(['origin', 'main']), 'COMMIT_UNSIGNED');
    assert.equal(server.refValue('refs/heads/main'), undefined);
  });

  it('rejects a commit signed by a key outside the trust store', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'mallory' });
    assertRejected(pushAndAudit(['origin', 'main']), 'SIGNER_UNTRUSTED');
  });

  it('rejects a trusted key signing for a committer email its owner does not have', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'alice', email: 'eve@example.com' });
    assertRejected(pushAndAudit(['origin', 'main']), 'SIGNER_NOT_COMMITTER');
  });

  it('rejects an expired key, even with a signature back-dated to when it was valid', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'expired', at: new Date(Date.now() - 200 * DAY) });
    assertRejected(pushAndAudit(['origin', 'main']), 'SIGNING_KEY_EXPIRED');
  });

  it('rejects a key revoked after it signed, once the admin has the revocation', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'revoked' });
    revoked.publicArmored = revokeGpgKey(gnupghome, revoked.fingerprint, { reason: 0 });
    writePolicy(server);
    assertRejected(pushAndAudit(['origin', 'main']), 'SIGNING_KEY_REVOKED');
  });

  it('accepts an SSH signature by a trusted key', () => {
    const oid = commit(client, 'a.txt', 'a\n', { sign: 'ssh' });
    const r = pushAndAudit(['origin', 'main']);
    assert.equal(r.status, 0, r.out);
    assert.equal(server.refValue('refs/heads/main'), oid);
  });

  it('rejects a force-push and a deletion of main, and accepts a fast-forward', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'alice' });
    assert.equal(pushAndAudit(['origin', 'main']).status, 0);
    const ff = commit(client, 'b.txt', 'b\n', { sign: 'alice' });
    assert.equal(pushAndAudit(['origin', 'main']).status, 0);
    assert.equal(server.refValue('refs/heads/main'), ff);
    client.git('reset', '-q', '--hard', 'HEAD~1');
    commit(client, 'c.txt', 'c\n', { sign: 'alice' });
    assertRejected(pushAndAudit(['--force', 'origin', 'main']), 'FORCE_PUSH_DENIED');
    assertRejected(pushAndAudit(['origin', '--delete', 'main']), 'DELETION_DENIED');
    assert.equal(server.refValue('refs/heads/main'), ff);
  });

  it('rejects creating main at an unsigned commit that came in through an unprotected branch', () => {
    commit(client, 'a.txt', 'a\n');
    const feature = pushAndAudit(['origin', 'HEAD:refs/heads/feature'], 'refs/heads/feature');
    assert.equal(feature.status, 0, feature.out);
    assertRejected(pushAndAudit(['origin', 'HEAD:refs/heads/main']), 'COMMIT_UNSIGNED');
  });

  it('rejects a signed merge that brings unsigned history into main', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'alice' });
    assert.equal(pushAndAudit(['origin', 'main']).status, 0);
    client.git('checkout', '-q', '-b', 'topic');
    commit(client, 't.txt', 't\n');
    assert.equal(pushAndAudit(['origin', 'topic'], 'refs/heads/topic').status, 0);
    client.git('checkout', '-q', 'main');
    configureGitSigning(client, { format: 'openpgp', key: alice.fingerprint });
    client.git('merge', '-q', '--no-ff', '-S', '-m', 'merge topic', 'topic');
    assertRejected(pushAndAudit(['origin', 'main']), 'COMMIT_UNSIGNED');
  });

  it('accepts a signed merge of signed history (remerge diff works inside the quarantine)', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'alice' });
    assert.equal(pushAndAudit(['origin', 'main']).status, 0);
    client.git('checkout', '-q', '-b', 'topic');
    commit(client, 't.txt', 't\n', { sign: 'alice' });
    client.git('checkout', '-q', 'main');
    commit(client, 'm.txt', 'm\n', { sign: 'alice' });
    client.git('merge', '-q', '--no-ff', '-S', '-m', 'merge topic', 'topic');
    const r = pushAndAudit(['origin', 'main']);
    assert.equal(r.status, 0, r.out);
    assert.equal(server.refValue('refs/heads/main'), client.git('rev-parse', 'HEAD').trim());
  });

  it('rejects a pushed secret with the value redacted, on any branch', () => {
    const token = githubToken();
    commit(client, 'deploy.env', `REGION=eu\nGITHUB_TOKEN=${token}\n`, { sign: 'alice' });
    const r = pushAndAudit(['origin', 'HEAD:refs/heads/feature'], 'refs/heads/feature');
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, /remote: gitward: .*deploy\.env:2/);
    assert.ok(!r.out.includes(token), 'the token never reaches the pusher');
    assert.ok(!readFileSync(auditFile, 'utf8').includes(token), 'nor the audit log');
  });

  it('rejects a file over content.maxFileSize and accepts one under it', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'alice' });
    assert.equal(pushAndAudit(['origin', 'main']).status, 0);
    commit(client, 'big.bin', 'x'.repeat(70 * 1024), { sign: 'alice' });
    assertRejected(pushAndAudit(['origin', 'main']), 'FILE_TOO_LARGE');
    client.git('reset', '-q', '--hard', 'HEAD~1');
    const small = commit(client, 'small.bin', 'x'.repeat(60 * 1024), { sign: 'alice' });
    assert.equal(pushAndAudit(['origin', 'main']).status, 0);
    assert.equal(server.refValue('refs/heads/main'), small);
  });

  it('accepts break-glass from an allowed pusher and audits the reason; rejects it from anyone else', () => {
    commit(client, 'a.txt', 'a\n');
    const denied = pushFile(['-o', 'gitward.bypass=prod is down', 'main'], 'mallory');
    assert.notEqual(denied.status, 0, denied.out);
    assert.match(denied.out, /BYPASS_DENIED/);
    const allowed = pushAndAudit(['-o', 'gitward.bypass=prod is down', 'origin', 'main']);
    assert.equal(allowed.status, 0, allowed.out);
    assert.equal(allowed.record.bypass?.reason, 'prod is down');
    const noReason = commit(client, 'b.txt', 'b\n');
    assert.ok(noReason);
    assertRejected(pushAndAudit(['-o', 'gitward.bypass=', 'origin', 'main']), 'BYPASS_DENIED');
  });

  /** Pushes over file:// where the hook inherits the pusher's environment (a local or shell-account server). */
  function pushFile(args: string[], pusher: string): { status: number | null; out: string } {
    const before = audit().length;
    const r = spawnSync('git', ['push', '--porcelain', `file://${server.gitDir}`, ...args], { cwd: client.dir, env: { ...client.env, GITWARD_PUSHER: pusher }, encoding: 'utf8' });
    assert.equal(audit().length, before + 1, 'one audit record for the file:// push too');
    return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
  }

  it('works over file:// with the pusher from the environment', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'alice' });
    const r = pushFile(['main'], 'alice');
    assert.equal(r.status, 0, r.out);
    assert.equal(audit().at(-1)?.pusher, 'alice');
  });

  it('rejects moving an immutable tag, and accepts creating it', () => {
    commit(client, 'a.txt', 'a\n', { sign: 'alice' });
    client.git('tag', '-m', 'release 1', 'v1');
    assert.equal(pushAndAudit(['origin', 'main', 'v1'], 'refs/tags/v1').status, 0);
    commit(client, 'b.txt', 'b\n', { sign: 'alice' });
    client.git('tag', '-f', '-m', 'release 1 again', 'v1');
    assertRejected(pushAndAudit(['--force', 'origin', 'v1'], 'refs/tags/v1'), 'TAG_IMMUTABLE');
  });

  it('handles packed (>= 100 objects) and loose pushes inside the quarantine', () => {
    configureGitSigning(client, { format: 'ssh', privateKeyPath: aliceSsh.privateKeyPath });
    client.git('config', 'user.email', 'alice@example.com');
    for (let i = 0; i < 40; i++) {
      client.write(`f${i}.txt`, `${i}\n`);
      client.git('add', '.');
      client.git('commit', '-q', '-m', `c${i}`);
    }
    const packed = pushAndAudit(['origin', 'main']);
    assert.equal(packed.status, 0, packed.out);
    assert.equal(server.git('count-objects', '-v').includes('packs: 1'), true, 'the server kept a pack (>= receive.unpackLimit objects)');
    const loose = commit(client, 'one.txt', '1\n', { sign: 'ssh' });
    assert.equal(pushAndAudit(['origin', 'main']).status, 0);
    assert.equal(server.refValue('refs/heads/main'), loose);
  });

  describe('fails closed', () => {
    it('rejects every push while the policy is corrupt, with a code and no stack trace', () => {
      commit(client, 'a.txt', 'a\n', { sign: 'alice' });
      writeFileSync(join(server.gitDir, 'gitward', 'policy.yaml'), 'refs: [ {match: \n');
      const r = push(client, 'origin', 'main');
      assert.notEqual(r.status, 0);
      assert.match(r.out, /remote: gitward: push rejected \(CONFIG_INVALID\)/);
      assert.doesNotMatch(r.out, /\bat .*\.js:\d+/, 'no stack trace reaches the pusher');
      assert.equal(server.refValue('refs/heads/main'), undefined);
    });

    it('rejects when a key file named by the policy is unreadable', () => {
      commit(client, 'a.txt', 'a\n', { sign: 'alice' });
      rmSync(join(server.gitDir, 'gitward', 'keys', 'alice.asc'));
      const r = push(client, 'origin', 'main');
      assert.notEqual(r.status, 0);
      assert.match(r.out, /remote: gitward: push rejected \(TRUST_STORE_UNREADABLE\)/);
      assert.equal(server.refValue('refs/heads/main'), undefined);
    });

    it('rejects when no policy exists at all', () => {
      commit(client, 'a.txt', 'a\n', { sign: 'alice' });
      rmSync(join(server.gitDir, 'gitward', 'policy.yaml'));
      const r = push(client, 'origin', 'main');
      assert.notEqual(r.status, 0);
      assert.match(r.out, /remote: gitward: push rejected \(POLICY_NOT_FOUND\)/);
    });

    it('rejects when the hook process is killed', () => {
      commit(client, 'a.txt', 'a\n', { sign: 'alice' });
      const killer = join(client.home, 'node-killed.sh');
      writeFileSync(killer, `#!/bin/sh\n"${process.execPath}" "$@" &\nkill -9 $!\nwait $!\n`);
      chmodSync(killer, 0o755);
      const r = spawnSync('git', ['push', `file://${server.gitDir}`, 'main'], { cwd: client.dir, env: { ...client.env, GITWARD_NODE: killer }, encoding: 'utf8' });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /remote: gitward: push rejected \(INTERNAL\): gitward ended abnormally/);
      assert.equal(server.refValue('refs/heads/main'), undefined);
      // The twin: the same push with the real node is accepted.
      const ok = spawnSync('git', ['push', `file://${server.gitDir}`, 'main'], { cwd: client.dir, env: { ...client.env, GITWARD_PUSHER: 'alice' }, encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stderr);
    });

    it('rejects when the check exceeds the policy time limit', () => {
      commit(client, 'a.txt', 'a\n', { sign: 'alice' });
      writePolicy(server, 'timeout: 0.001');
      const r = pushAndAudit(['origin', 'main']);
      assert.notEqual(r.status, 0);
      assert.match(r.out, /remote: gitward: push rejected \(TIMEOUT\)/);
      assert.equal(r.record.error?.code, 'TIMEOUT');
    });
  });
});
