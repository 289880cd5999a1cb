import assert from 'node:assert/strict';
import { join } from 'node:path';
import { trustStoreFromTeamKeys } from '../../../src/signatures/index.js';
import { makeSshKey, sshSign, type SshKey, type SshKeyType } from '../../helpers/keys.js';
import { DAY, Lab, person, tamper, trustOf, verify } from './lab.js';

const sshTime = (ms: number) => new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

describe('signatures: SSH commits signed by real git + ssh-keygen', function () {
  this.timeout(120_000);
  let lab: Lab;
  let sam: SshKey;
  before(() => {
    lab = new Lab();
    sam = makeSshKey(join(lab.repo.home, 'ssh'), { type: 'ed25519', name: 'sam' });
  });
  after(() => lab.cleanup());

  const sign = (key: SshKey, email: string) => lab.commit({ format: 'ssh', privateKeyPath: key.privateKeyPath }, email);
  const samTrust = () => trustOf({ sam: person(['sam@example.com'], { ssh: [sam.publicLine] }) });

  for (const type of ['ed25519', 'ecdsa', 'ecdsa384', 'rsa'] as SshKeyType[]) {
    it(`a trusted ${type} key bound to the committer is good`, async () => {
      const key = type === 'ed25519' ? sam : makeSshKey(join(lab.repo.home, 'ssh'), { type });
      const commit = sign(key, 'sam@example.com');
      const verdict = await verify(commit, await trustOf({ sam: person(['sam@example.com'], { ssh: [key.publicLine] }) }));
      assert.equal(verdict.status, 'good', verdict.detail);
      assert.equal(verdict.format, 'ssh');
      assert.match(verdict.keyId ?? '', /^SHA256:/);
    });
  }

  it('an SSH key not in the trust store is untrusted; a tampered payload is bad even then', async () => {
    const other = makeSshKey(join(lab.repo.home, 'ssh'), { name: 'other' });
    const commit = sign(other, 'sam@example.com');
    assert.equal((await verify(commit, await samTrust())).status, 'untrusted');
    assert.equal((await verify({ ...commit, payload: tamper(commit.payload) }, await samTrust())).status, 'bad');
  });

  it('a signature made for another namespace is bad', async () => {
    const payload = lab.unsignedPayload('sam@example.com');
    const good = { payload, signature: sshSign(sam.privateKeyPath, payload, 'git'), email: 'sam@example.com' };
    assert.equal((await verify(good, await samTrust())).status, 'good');
    const verdict = await verify({ ...good, signature: sshSign(sam.privateKeyPath, payload, 'file') }, await samTrust());
    assert.equal(verdict.status, 'bad');
    assert.match(verdict.detail, /namespace "file"/);
  });

  it('a tampered payload is bad; a committer email not in emails is not-committer', async () => {
    const commit = sign(sam, 'sam@example.com');
    assert.equal((await verify({ ...commit, payload: tamper(commit.payload) }, await samTrust())).status, 'bad');
    assert.equal((await verify(commit, await samTrust(), { email: 'eve@example.com' })).status, 'not-committer');
  });

  describe('allowed-signers (team trust)', () => {
    const teamTrust = (line: string) => trustStoreFromTeamKeys({ openpgp: [], allowedSigners: { source: 'allowed_signers', text: `# team\n\n${line}\n` } });

    it('principals are patterns: a wildcard domain binds, a negated address does not', async () => {
      const commit = sign(sam, 'bob@example.com');
      assert.equal((await verify(commit, await teamTrust(`"*@example.com,!eve@example.com" ${sam.publicLine}`))).status, 'good');
      assert.equal((await verify(commit, await teamTrust(`*@example.com,!bob@example.com ${sam.publicLine}`))).status, 'not-committer');
      assert.equal((await verify(commit, await teamTrust(`*@other.example ${sam.publicLine}`))).status, 'not-committer');
    });

    it('namespaces= must allow "git"', async () => {
      const commit = sign(sam, 'sam@example.com');
      assert.equal((await verify(commit, await teamTrust(`sam@example.com namespaces="git,file" ${sam.publicLine}`))).status, 'good');
      const verdict = await verify(commit, await teamTrust(`sam@example.com namespaces="file" ${sam.publicLine}`));
      assert.equal(verdict.status, 'untrusted');
      assert.match(verdict.detail, /namespace "git"/);
    });

    it('valid-after / valid-before are applied at push time', async () => {
      const commit = sign(sam, 'sam@example.com');
      const now = Date.now();
      const window = `valid-after="${sshTime(now - 2 * DAY)}",valid-before="${sshTime(now + 2 * DAY)}"`;
      assert.equal((await verify(commit, await teamTrust(`sam@example.com ${window} ${sam.publicLine}`))).status, 'good');
      const past = await verify(commit, await teamTrust(`sam@example.com valid-before="${sshTime(now - DAY)}" ${sam.publicLine}`));
      assert.equal(past.status, 'expired');
      assert.match(past.detail, /until/);
      assert.equal((await verify(commit, await teamTrust(`sam@example.com valid-after="${sshTime(now + DAY)}" ${sam.publicLine}`))).status, 'expired');
      assert.equal((await verify(commit, await teamTrust(`sam@example.com ${window} ${sam.publicLine}`), { now: new Date(now + 3 * DAY) })).status, 'expired');
    });

    it('a cert-authority line grants no plain key', async () => {
      const commit = sign(sam, 'sam@example.com');
      assert.equal((await verify(commit, await teamTrust(`*@example.com cert-authority ${sam.publicLine}`))).status, 'untrusted');
    });
  });
});
