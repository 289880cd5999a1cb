import assert from 'node:assert/strict';
import * as openpgp from 'openpgp';
import { makeGpgKey, type GpgAlgo } from '../../helpers/keys.js';
import { catFile, splitSignedCommit } from '../../helpers/split-signed.js';
import { Lab, person, tamper, trustOf, verify } from './lab.js';

/**
 * gitward checks OpenPGP signatures with node:crypto after reading the packet itself (the fast
 * path). These tests hold it against openpgp.js as a reference implementation on the same bytes,
 * and cover key types gpg 2.2 cannot make (RFC 9580 Ed25519/Ed448 in v4 keys, v6 keys).
 */
describe('signatures: node:crypto path agrees with openpgp.js', function () {
  this.timeout(120_000);
  let lab: Lab;
  before(() => (lab = new Lab()));
  after(() => lab.cleanup());

  async function referenceVerifies(armoredKey: string, signature: string, payload: Uint8Array): Promise<boolean> {
    const result = await openpgp.verify({
      message: await openpgp.createMessage({ binary: payload }),
      signature: await openpgp.readSignature({ armoredSignature: signature }),
      verificationKeys: await openpgp.readKey({ armoredKey }),
    });
    return (result.signatures[0]?.verified as Promise<boolean>).then(() => true, () => false);
  }

  for (const algo of ['ed25519', 'rsa2048', 'nistp256', 'nistp384'] as GpgAlgo[]) {
    it(`gpg ${algo}: both accept the real signature and both reject a changed payload`, async () => {
      const key = makeGpgKey(lab.gnupghome, { name: algo, email: `${algo}@example.com`, algo });
      const commit = lab.commit({ format: 'openpgp', key: key.fingerprint }, key.email);
      const trust = await trustOf({ k: person([key.email], { openpgp: [key.publicArmored] }) });
      const changed = tamper(commit.payload);
      assert.equal(await referenceVerifies(key.publicArmored, commit.signature as string, commit.payload), true);
      assert.equal((await verify(commit, trust)).status, 'good');
      assert.equal(await referenceVerifies(key.publicArmored, commit.signature as string, changed), false);
      assert.equal((await verify({ ...commit, payload: changed }, trust)).status, 'bad');
    });
  }

  type KeyShape = Pick<Parameters<typeof openpgp.generateKey>[0], 'type' | 'curve'>;
  const generated: Array<[string, KeyShape]> = [
    ['RFC 9580 Ed25519 (algorithm 27) in a v4 key', { type: 'curve25519' }],
    ['RFC 9580 Ed448 (algorithm 28) in a v4 key', { type: 'curve448' }],
    ['legacy EdDSA made by openpgp.js', { type: 'ecc', curve: 'curve25519Legacy' }],
  ];
  for (const [name, options] of generated) {
    it(`${name}: a commit it signed verifies, and a changed one does not`, async () => {
      const { privateKey, publicKey } = await openpgp.generateKey({ ...options, userIDs: [{ name: 'Gen', email: 'gen@example.com' }], format: 'object' as const });
      const payload = lab.unsignedPayload('gen@example.com');
      const signature = await openpgp.sign({ message: await openpgp.createMessage({ binary: payload }), signingKeys: privateKey, detached: true });
      const oid = lab.commitWithSignature(payload, signature as string);
      const commit = splitSignedCommit(catFile(lab.repo, 'commit', oid));
      assert.deepEqual(commit.payload, payload, 'git stored the object and the split gives back the signed bytes');
      const trust = await trustOf({ gen: person(['gen@example.com'], { openpgp: [publicKey.armor()] }) });
      assert.equal((await verify(commit, trust)).status, 'good');
      assert.equal((await verify({ ...commit, payload: tamper(payload) }, trust)).status, 'bad');
    });
  }

  it('a v6 signature (RFC 9580 v6 key) is reported unsupported, not guessed', async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({ type: 'curve25519', userIDs: [{ email: 'six@example.com' }], format: 'object', config: { v6Keys: true } });
    const payload = lab.unsignedPayload('six@example.com');
    const signature = await openpgp.sign({ message: await openpgp.createMessage({ binary: payload }), signingKeys: privateKey, detached: true });
    const trust = await trustOf({ six: person(['six@example.com'], { openpgp: [publicKey.armor()] }) });
    const verdict = await verify({ payload, signature: signature as string, email: 'six@example.com' }, trust);
    assert.equal(verdict.status, 'unsupported');
    assert.match(verdict.detail, /v6/);
  });
});
