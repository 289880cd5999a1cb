import assert from 'node:assert/strict';
import { addSigningSubkey, exportGpgKey, gpg, makeGpgKey, revokeGpgKey, type GpgKey } from '../../helpers/keys.js';
import { DAY, Lab, person, tamper, trustOf, verify } from './lab.js';

describe('signatures: OpenPGP commits signed by real git + gpg', function () {
  this.timeout(120_000);
  let lab: Lab;
  let alice: GpgKey;
  before(() => {
    lab = new Lab();
    alice = makeGpgKey(lab.gnupghome, { name: 'Alice', email: 'alice@example.com', algo: 'ed25519' });
  });
  after(() => lab.cleanup());

  const pgp = (key: GpgKey, at?: Date) => ({ format: 'openpgp' as const, key: key.fingerprint, ...(at ? { at } : {}) });

  for (const algo of ['ed25519', 'rsa3072', 'nistp256', 'nistp384'] as const) {
    it(`a trusted ${algo} key bound to the committer is good`, async () => {
      const key = algo === 'ed25519' ? alice : makeGpgKey(lab.gnupghome, { name: algo, email: `${algo}@example.com`, algo });
      const commit = lab.commit(pgp(key), key.email);
      const verdict = await verify(commit, await trustOf({ dev: person([key.email], { openpgp: [key.publicArmored] }) }));
      assert.equal(verdict.status, 'good', verdict.detail);
      assert.equal(verdict.signer, 'dev');
      assert.equal(verdict.keyId, key.fingerprint);
      assert.equal(verdict.format, 'openpgp');
    });
  }

  it('a key that is not in the trust store is untrusted', async () => {
    const mallory = makeGpgKey(lab.gnupghome, { name: 'Mallory', email: 'mallory@example.com' });
    const commit = lab.commit(pgp(mallory), mallory.email);
    const verdict = await verify(commit, await trustOf({ alice: person(['alice@example.com'], { openpgp: [alice.publicArmored] }) }));
    assert.equal(verdict.status, 'untrusted');
    assert.match(verdict.detail, new RegExp(mallory.fingerprint));
  });

  it('a changed payload is bad, the same bytes are good', async () => {
    const commit = lab.commit(pgp(alice), alice.email);
    const trust = await trustOf({ alice: person([alice.email], { openpgp: [alice.publicArmored] }) });
    assert.equal((await verify(commit, trust)).status, 'good');
    const verdict = await verify({ ...commit, payload: tamper(commit.payload) }, trust);
    assert.equal(verdict.status, 'bad');
    assert.match(verdict.detail, /does not match the signed content/);
  });

  it('a corrupted signature is bad', async () => {
    const commit = lab.commit(pgp(alice), alice.email);
    const trust = await trustOf({ alice: person([alice.email], { openpgp: [alice.publicArmored] }) });
    const lines = (commit.signature as string).split('\n');
    const last = lines.findIndex((l) => l.startsWith('=')) - 1; // the last base64 line holds signature values
    lines[last] = (lines[last] as string).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    assert.equal((await verify({ ...commit, signature: lines.join('\n') }, trust)).status, 'bad');
  });

  it('binding: a trusted key signing for a committer email its owner does not have is not-committer', async () => {
    const commit = lab.commit(pgp(alice), 'bob@example.com');
    const trust = await trustOf({ alice: person([alice.email], { openpgp: [alice.publicArmored] }) });
    const verdict = await verify(commit, trust);
    assert.equal(verdict.status, 'not-committer');
    assert.match(verdict.detail, /bob@example\.com/);
    assert.equal((await verify(commit, trust, { bind: false })).status, 'good');
    assert.equal((await verify(commit, trust, { email: 'ALICE@Example.com' })).status, 'good', 'emails compare case-insensitively');
  });

  it('a key listed for two people binds to the one who owns the committer email', async () => {
    const commit = lab.commit(pgp(alice), 'alice@work.example');
    const trust = await trustOf({
      alice: person([alice.email], { openpgp: [alice.publicArmored] }),
      alicework: person(['alice@work.example'], { openpgp: [alice.publicArmored] }),
    });
    const verdict = await verify(commit, trust);
    assert.equal(verdict.status, 'good');
    assert.equal(verdict.signer, 'alicework');
  });

  it('a signing subkey is accepted and reported under its primary key', async () => {
    const key = makeGpgKey(lab.gnupghome, { name: 'Sub', email: 'sub@example.com', signingSubkey: 'ed25519' });
    const commit = lab.commit(pgp(key), key.email);
    const packets = gpg(lab.gnupghome, ['--list-packets'], { input: commit.signature as string });
    assert.match(packets, new RegExp(`keyid ${(key.subkeyFingerprint as string).slice(-16)}`), 'gpg signed with the subkey');
    const verdict = await verify(commit, await trustOf({ sub: person([key.email], { openpgp: [key.publicArmored] }) }));
    assert.equal(verdict.status, 'good', verdict.detail);
    assert.equal(verdict.keyId, key.fingerprint);
  });

  it('a subkey added to the key after the trust store was exported is untrusted', async () => {
    const key = makeGpgKey(lab.gnupghome, { name: 'Late', email: 'late@example.com' });
    const exportedBefore = key.publicArmored;
    addSigningSubkey(lab.gnupghome, key.fingerprint, 'ed25519');
    const commit = lab.commit(pgp(key), key.email);
    assert.equal((await verify(commit, await trustOf({ late: person([key.email], { openpgp: [exportedBefore] }) }))).status, 'untrusted');
    const current = exportGpgKey(lab.gnupghome, key.fingerprint);
    assert.equal((await verify(commit, await trustOf({ late: person([key.email], { openpgp: [current] }) }))).status, 'good');
  });

  describe('time: validity at signing time AND at push time', () => {
    const now = Date.now();

    it('an expired key back-dating its signature is expired', async () => {
      // Created 30 days ago with a 1-day lifetime; gpg's clock is set back so the signature
      // claims a time when the key was still valid. At push time the key is expired.
      const key = makeGpgKey(lab.gnupghome, { name: 'Old', email: 'old@example.com', expire: '1d', createdAt: new Date(now - 30 * DAY) });
      const commit = lab.commit(pgp(key, new Date(now - 30 * DAY + DAY / 2)), key.email);
      const trust = await trustOf({ old: person([key.email], { openpgp: [key.publicArmored] }) });
      const verdict = await verify(commit, trust);
      assert.equal(verdict.status, 'expired');
      assert.match(verdict.detail, /no longer valid at push time/);
      assert.equal((await verify(commit, trust, { now: new Date(now - 30 * DAY + DAY * 0.75) })).status, 'good', 'good while the key was valid');
    });

    it('a key whose expiry was extended again is good for signatures made while it was valid', async () => {
      const key = makeGpgKey(lab.gnupghome, { name: 'Ext', email: 'ext@example.com', expire: '1d', createdAt: new Date(now - 30 * DAY) });
      const commit = lab.commit(pgp(key, new Date(now - 30 * DAY + DAY / 2)), key.email);
      gpg(lab.gnupghome, ['--quick-set-expire', key.fingerprint, '1y']);
      const extended = exportGpgKey(lab.gnupghome, key.fingerprint);
      assert.equal((await verify(commit, await trustOf({ ext: person([key.email], { openpgp: [key.publicArmored] }) }))).status, 'expired');
      assert.equal((await verify(commit, await trustOf({ ext: person([key.email], { openpgp: [extended] }) }))).status, 'good');
    });

    it('a key already expired when the signature was made is expired (expiry shortened afterwards)', async () => {
      const key = makeGpgKey(lab.gnupghome, { name: 'Short', email: 'short@example.com', expire: '30d', createdAt: new Date(now - 20 * DAY) });
      const commit = lab.commit(pgp(key, new Date(now - 10 * DAY)), key.email);
      // New self-signature dated 15 days ago: the key expires 19 days ago, before the signature.
      gpg(lab.gnupghome, ['--quick-set-expire', key.fingerprint, '1d'], { at: new Date(now - 15 * DAY) });
      const trust = await trustOf({ s: person([key.email], { openpgp: [exportGpgKey(lab.gnupghome, key.fingerprint)] }) });
      const verdict = await verify(commit, trust);
      assert.equal(verdict.status, 'expired');
      assert.match(verdict.detail, /before the signature's date/);
    });

    it('a signature dated in the future is bad', async () => {
      const commit = lab.commit(pgp(alice, new Date(now + 2 * DAY)), alice.email);
      const verdict = await verify(commit, await trustOf({ alice: person([alice.email], { openpgp: [alice.publicArmored] }) }));
      assert.equal(verdict.status, 'bad');
      assert.match(verdict.detail, /in the future/);
    });
  });

  describe('revocation', () => {
    for (const [name, reason] of [['hard (no reason)', 0], ['soft (superseded)', 1], ['soft (retired)', 3]] as const) {
      it(`a key revoked ${name} after signing is revoked`, async () => {
        const key = makeGpgKey(lab.gnupghome, { name: `Rev${reason}`, email: `rev${reason}@example.com` });
        const commit = lab.commit(pgp(key), key.email);
        const before = await trustOf({ r: person([key.email], { openpgp: [key.publicArmored] }) });
        assert.equal((await verify(commit, before)).status, 'good');
        const revoked = revokeGpgKey(lab.gnupghome, key.fingerprint, { reason });
        const verdict = await verify(commit, await trustOf({ r: person([key.email], { openpgp: [revoked] }) }));
        assert.equal(verdict.status, 'revoked');
        assert.match(verdict.detail, /revoked on/);
      });
    }

    it('a revocation dated after the push time does not count yet', async () => {
      const key = makeGpgKey(lab.gnupghome, { name: 'Later', email: 'later@example.com' });
      const commit = lab.commit(pgp(key), key.email);
      const revoked = revokeGpgKey(lab.gnupghome, key.fingerprint, { at: new Date(Date.now() + 5 * DAY) });
      const trust = await trustOf({ l: person([key.email], { openpgp: [revoked] }) });
      assert.equal((await verify(commit, trust)).status, 'good');
      assert.equal((await verify(commit, trust, { now: new Date(Date.now() + 6 * DAY) })).status, 'revoked');
    });

    it('one copy of a key carrying the revocation revokes it for every holder', async () => {
      const key = makeGpgKey(lab.gnupghome, { name: 'Twice', email: 'twice@example.com' });
      const commit = lab.commit(pgp(key), key.email);
      const revoked = revokeGpgKey(lab.gnupghome, key.fingerprint);
      const trust = await trustOf({ a: person([key.email], { openpgp: [key.publicArmored] }), b: person([key.email], { openpgp: [revoked] }) });
      assert.equal((await verify(commit, trust)).status, 'revoked');
    });
  });

  it('a text-mode signature (type 0x01, made over CRLF-canonical text) verifies', async () => {
    const payload = lab.unsignedPayload(alice.email);
    const signature = gpg(lab.gnupghome, ['--textmode', '-bsau', alice.fingerprint], { input: payload.toString('utf8') });
    assert.match(gpg(lab.gnupghome, ['--list-packets'], { input: signature }), /sigclass 0x01/);
    const trust = await trustOf({ a: person([alice.email], { openpgp: [alice.publicArmored] }) });
    assert.equal((await verify({ payload, signature, email: alice.email }, trust)).status, 'good');
    assert.equal((await verify({ payload: tamper(payload), signature, email: alice.email }, trust)).status, 'bad');
  });

  it('a SHA-1 signature is refused as unsupported', async () => {
    const payload = lab.unsignedPayload(alice.email);
    const signature = gpg(lab.gnupghome, ['--digest-algo', 'SHA1', '-bsau', alice.fingerprint], { input: payload.toString('utf8') });
    const verdict = await verify({ payload, signature, email: alice.email }, await trustOf({ a: person([alice.email], { openpgp: [alice.publicArmored] }) }));
    assert.equal(verdict.status, 'unsupported');
    assert.match(verdict.detail, /SHA-1/);
  });
});
