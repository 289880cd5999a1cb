import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, GITWARD_BIN } from '../helpers/repo.js';
import { makeGpgKey, revokeGpgKey, stopGpgAgent, makeSshSigner } from '../helpers/keys.js';
import { checkSigningSetup, inspectSigningSetup } from '../../src/use-cases/check-signing-setup.js';
import type { TeamConfig } from '../../src/config/types.js';
import type { Violation } from '../../src/model/index.js';

type Repo = ReturnType<typeof createRepo>;
const required = { signing: { required: true } } as TeamConfig;

async function check(repo: Repo, env: Record<string, string> = repo.env): Promise<Violation[]> {
  return (await checkSigningSetup({ ctx: { cwd: repo.dir, env }, config: required })).violations;
}

/** What git itself does with this config: the check must agree with a real signed commit. */
function commitSucceeds(repo: Repo): boolean {
  const r = repo.gitResult('commit', '--allow-empty', '-qm', 'signed?');
  return r.status === 0 && repo.git('cat-file', 'commit', 'HEAD').includes('gpgsig');
}

describe('signing setup check (real git config, gpg and ssh-keygen)', function () {
  let repo: Repo;
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => {
    stopGpgAgent(repo.env.GNUPGHOME as string);
    repo.cleanup();
  });

  it('does nothing unless the team config requires signing', async () => {
    const result = await checkSigningSetup({ ctx: { cwd: repo.dir, env: repo.env }, config: { signing: { required: false } } as TeamConfig });
    assert.deepEqual(result, { violations: [], notices: [] });
  });

  it('requires commit.gpgsign, with the git config command that fixes it', async () => {
    makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Test User', email: 'test@example.com' });
    const violations = await check(repo);
    assert.deepEqual(violations.map((v) => [v.code, v.subject]), [['SIGNING_NOT_CONFIGURED', 'commit.gpgsign']]);
    assert.equal(violations[0]?.fix, 'run `git config commit.gpgsign true`');
    assert.match(violations[0]?.message ?? '', /global/, 'says where the value came from');
    repo.git('config', 'commit.gpgsign', 'false');
    assert.equal((await check(repo))[0]?.subject, 'commit.gpgsign');
    // A bare key (`[commit] gpgsign` without a value) is git's boolean true.
    writeFileSync(join(repo.dir, '.git/config'), `${readFileSync(join(repo.dir, '.git/config'), 'utf8')}[commit]\n\tgpgsign\n`);
    assert.deepEqual(await check(repo), []);
  });

  describe('gpg.format openpgp (default)', () => {
    beforeEach(() => repo.git('config', 'commit.gpgsign', 'true'));

    it('passes with a key named by user.signingkey, and git then signs for real', async () => {
      const fpr = makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Someone Else', email: 'else@example.com' }).fingerprint;
      repo.git('config', 'user.signingkey', fpr);
      assert.deepEqual(await check(repo), []);
      assert.ok(commitSucceeds(repo), 'a real signed commit succeeds');
    });

    it('falls back to a key for user.email when user.signingkey is unset', async () => {
      makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Test User', email: 'test@example.com' });
      assert.deepEqual(await check(repo), []);
      repo.git('config', 'user.email', 'nobody@example.com');
      const [violation] = await check(repo);
      assert.equal(violation?.code, 'SIGNING_KEY_UNUSABLE');
      assert.match(violation?.message ?? '', /nobody@example\.com/);
    });

    it('blocks when the keyring has no such key, and so does git', async () => {
      repo.git('config', 'user.signingkey', '0123456789ABCDEF');
      const violations = await check(repo);
      assert.deepEqual(violations.map((v) => v.code), ['SIGNING_KEY_UNUSABLE']);
      assert.match(violations[0]?.fix ?? '', /gpg --quick-gen-key/);
      assert.match(violations[0]?.fix ?? '', /git config user\.signingkey/);
      assert.equal(commitSucceeds(repo), false);
    });

    it('blocks an expired key and tells how to extend it', async () => {
      const fpr = makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Old', email: 'old@example.com', createdAt: new Date('2020-01-01T00:00:00Z'), expire: '1y' }).fingerprint;
      repo.git('config', 'user.signingkey', fpr);
      const [violation] = await check(repo);
      assert.equal(violation?.code, 'SIGNING_KEY_UNUSABLE');
      assert.match(violation?.message ?? '', /expired on 2020-12-3\d/);
      assert.match(violation?.fix ?? '', new RegExp(`gpg --quick-set-expire ${fpr} 2y`));
      assert.equal(commitSucceeds(repo), false);
    });

    it('blocks a revoked key', async () => {
      const fpr = makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Gone', email: 'gone@example.com' }).fingerprint;
      revokeGpgKey(repo.env.GNUPGHOME as string, fpr);
      repo.git('config', 'user.signingkey', fpr);
      const [violation] = await check(repo);
      assert.equal(violation?.code, 'SIGNING_KEY_UNUSABLE');
      assert.match(violation?.message ?? '', /revoked/);
    });

    it('uses GNUPGHOME from the environment it is given', async () => {
      const other = join(repo.home, 'other-gnupg');
      mkdirSync(other, { mode: 0o700 });
      const otherEnv = { ...repo.env, GNUPGHOME: other };
      const fpr = makeGpgKey(otherEnv.GNUPGHOME as string, { name: 'Elsewhere', email: 'test@example.com' }).fingerprint;
      repo.git('config', 'user.signingkey', fpr);
      assert.equal((await check(repo))[0]?.code, 'SIGNING_KEY_UNUSABLE');
      assert.deepEqual(await check(repo, otherEnv), []);
      stopGpgAgent(otherEnv.GNUPGHOME as string);
    });

    it('runs gpg.program, and reports one that cannot run', async () => {
      const fpr = makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Test User', email: 'test@example.com' }).fingerprint;
      repo.git('config', 'user.signingkey', fpr);
      const log = join(repo.home, 'wrapper.log');
      const wrapper = join(repo.home, 'my-gpg');
      writeFileSync(wrapper, `#!/bin/sh\necho called >> '${log}'\nexec gpg "$@"\n`);
      chmodSync(wrapper, 0o755);
      repo.git('config', 'gpg.program', wrapper);
      assert.deepEqual(await check(repo), []);
      assert.ok(existsSync(log), 'the configured gpg.program was used');
      repo.git('config', 'gpg.program', join(repo.home, 'no-such-gpg'));
      const [violation] = await check(repo);
      assert.equal(violation?.code, 'SIGNING_KEY_UNUSABLE');
      assert.match(violation?.fix ?? '', /git config gpg\.program/);
    });
  });

  describe('gpg.format ssh', () => {
    let keys: ReturnType<typeof makeSshSigner>;
    beforeEach(() => {
      keys = makeSshSigner(join(repo.home, '.ssh'), 'test@example.com');
      repo.git('config', 'commit.gpgsign', 'true');
      repo.git('config', 'gpg.format', 'ssh');
    });

    it('passes with a key file and an allowed-signers file, and git then signs for real', async () => {
      repo.git('config', 'user.signingkey', keys.publicKeyPath);
      repo.git('config', 'gpg.ssh.allowedSignersFile', keys.allowedSignersPath);
      assert.deepEqual(await check(repo), []);
      assert.ok(commitSucceeds(repo), 'a real SSH-signed commit succeeds');
      assert.match(repo.git('cat-file', 'commit', 'HEAD'), /BEGIN SSH SIGNATURE/);
    });

    it('expands ~/ the way git does and accepts a key:: literal', async () => {
      repo.git('config', 'user.signingkey', '~/.ssh/id_ed25519.pub');
      repo.git('config', 'gpg.ssh.allowedSignersFile', '~/.ssh/allowed_signers');
      assert.deepEqual(await check(repo), []);
      repo.git('config', 'user.signingkey', `key::${readFileSync(keys.publicKeyPath, 'utf8').trim()}`);
      assert.deepEqual(await check(repo), []);
    });

    it('requires user.signingkey and gpg.ssh.allowedSignersFile, with the commands to set them', async () => {
      const violations = await check(repo);
      assert.deepEqual(violations.map((v) => [v.code, v.subject]), [
        ['SIGNING_NOT_CONFIGURED', 'user.signingkey'],
        ['SIGNING_NOT_CONFIGURED', 'gpg.ssh.allowedSignersFile'],
      ]);
      assert.match(violations[0]?.fix ?? '', /`git config user\.signingkey ~\/\.ssh\/id_ed25519\.pub`/);
      assert.match(violations[1]?.fix ?? '', /`git config gpg\.ssh\.allowedSignersFile ~\/\.config\/git\/allowed_signers`/);
    });

    it('blocks a key file that is missing or not a key, and an allowed-signers file that does not exist', async () => {
      repo.git('config', 'gpg.ssh.allowedSignersFile', join(repo.home, 'missing_signers'));
      repo.git('config', 'user.signingkey', join(repo.home, '.ssh', 'missing.pub'));
      assert.deepEqual((await check(repo)).map((v) => v.code), ['SIGNING_KEY_UNUSABLE', 'SIGNING_NOT_CONFIGURED']);
      const notAKey = join(repo.home, 'not-a-key.pub');
      writeFileSync(notAKey, 'hello\n');
      repo.git('config', 'user.signingkey', notAKey);
      assert.equal((await check(repo))[0]?.code, 'SIGNING_KEY_UNUSABLE');
    });
  });

  it('rejects gpg.format x509, which the gitward server cannot verify', async () => {
    repo.git('config', 'commit.gpgsign', 'true');
    repo.git('config', 'gpg.format', 'x509');
    const violations = await check(repo);
    assert.deepEqual(violations.map((v) => [v.code, v.subject]), [['SIGNING_NOT_CONFIGURED', 'gpg.format']]);
  });

  it('reads all of git config in one git call, including -c overrides', async () => {
    const trace = join(repo.home, 'trace.log');
    const env = { ...repo.env, GIT_TRACE: trace, GIT_CONFIG_PARAMETERS: "'commit.gpgsign'='true'" };
    const keys = makeSshSigner(join(repo.home, '.ssh'), 'test@example.com');
    repo.git('config', 'gpg.format', 'ssh');
    repo.git('config', 'user.signingkey', keys.publicKeyPath);
    repo.git('config', 'gpg.ssh.allowedSignersFile', keys.allowedSignersPath);
    const report = await inspectSigningSetup({ ctx: { cwd: repo.dir, env } });
    assert.ok(report.checks.every((c) => c.ok), JSON.stringify(report.checks));
    assert.equal(report.entries.get('commit.gpgsign')?.scope, 'command');
    const gitCalls = readFileSync(trace, 'utf8').split('\n').filter((l) => /built-in: git /.test(l));
    assert.equal(gitCalls.length, 1, gitCalls.join('\n'));
  });
});

describe('gitward doctor (built CLI)', function () {
  let repo: Repo;
  before(() => assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)'));
  beforeEach(() => {
    repo = createRepo();
  });
  afterEach(() => {
    stopGpgAgent(repo.env.GNUPGHOME as string);
    repo.cleanup();
  });

  it('exits 1 and prints each failed check with its fix when signing is required but not set up', () => {
    repo.write('gitward.config.json', JSON.stringify({ signing: { required: true } }));
    const r = repo.gitward(['doctor']);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /✗ commit\.gpgsign is true/);
    assert.match(r.stdout, /fix: git config commit\.gpgsign true/);
    assert.match(r.stdout, /gitward\.config\.json/, 'says where the team config came from');
    assert.match(r.stdout, /Hooks/);
    assert.match(r.stdout, /git 2\.\d+/, 'prints versions');
  });

  it('exits 0 once signing works and the hooks are installed', () => {
    repo.write('gitward.config.json', JSON.stringify({ signing: { required: true } }));
    const fpr = makeGpgKey(repo.env.GNUPGHOME as string, { name: 'Test User', email: 'test@example.com' }).fingerprint;
    repo.git('config', 'commit.gpgsign', 'true');
    repo.git('config', 'user.signingkey', fpr);
    assert.equal(repo.gitward(['init']).status, 0);
    const r = repo.gitward(['doctor']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`✓ an OpenPGP secret key usable for signing is in the keyring — ${fpr}`));
    assert.match(r.stdout, /✓ pre-commit/);
    assert.match(r.stdout, /✓ pre-push/);
  });

  it('shows signing checks for information only when signing is not required', () => {
    assert.equal(repo.gitward(['init']).status, 0);
    const r = repo.gitward(['doctor']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /not required by the team config/);
    assert.match(r.stdout, /✗ commit\.gpgsign is true/);
  });
});
