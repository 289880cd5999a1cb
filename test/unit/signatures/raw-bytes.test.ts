import assert from 'node:assert/strict';
import { join } from 'node:path';
import { verifySignature } from '../../../src/signatures/index.js';
import { makeGpgKey, makeSshKey, type GpgKey, type SshKey } from '../../helpers/keys.js';
import { Lab, person, trustOf, verify } from './lab.js';

/**
 * The verifier checks the exact object bytes minus the signature header. Messages that a
 * text-normalizing reader would change (CRLF, trailing blank lines kept by --cleanup=verbatim,
 * Latin-1 bytes) must still verify; so must signed annotated tags, whose signature trails the message.
 */
describe('signatures: exact signed bytes (CRLF, verbatim, ISO-8859-1, tags)', function () {
  this.timeout(60_000);
  let lab: Lab;
  let key: GpgKey;
  let ssh: SshKey;
  before(() => {
    lab = new Lab();
    key = makeGpgKey(lab.gnupghome, { name: 'Dora', email: 'dora@example.com' });
    ssh = makeSshKey(join(lab.repo.home, 'ssh'));
  });
  after(() => lab.cleanup());

  const setups = () => [
    { name: 'OpenPGP', setup: { format: 'openpgp' as const, key: key.fingerprint } },
    { name: 'SSH', setup: { format: 'ssh' as const, privateKeyPath: ssh.privateKeyPath } },
  ];
  const trust = () => trustOf({ dora: person([key.email], { openpgp: [key.publicArmored], ssh: [ssh.publicLine] }) });

  const cases: Array<[string, { message: string | Buffer; verbatim?: boolean; encoding?: string }, (raw: Buffer) => void]> = [
    ['a CRLF message', { message: 'subject\r\n\r\nbody line\r\n', verbatim: true }, (raw) => assert.ok(raw.includes('body line\r\n'))],
    ['--cleanup=verbatim with trailing blank lines and # lines', { message: 'subject\n\n# kept\n\n\n\n', verbatim: true }, (raw) => assert.ok(raw.toString().endsWith('# kept\n\n\n\n'))],
    ['an ISO-8859-1 commit', { message: Buffer.from('caf\xe9 na\xefve\n', 'latin1'), encoding: 'ISO-8859-1' }, (raw) => {
      assert.ok(raw.includes('encoding ISO-8859-1\n'));
      assert.ok(raw.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9])), 'the message bytes are Latin-1, not UTF-8');
    }],
  ];

  for (const [name, options, check] of cases) {
    it(`${name} verifies (OpenPGP and SSH), and stops verifying if the bytes are normalized`, async () => {
      for (const { name: format, setup } of setups()) {
        const commit = lab.commit(setup, key.email, options);
        check(commit.payload);
        const verdict = await verify(commit, await trust());
        assert.equal(verdict.status, 'good', `${format}: ${verdict.detail}`);
        // What isomorphic-git's readCommit().payload does to such bytes: the signature must not survive it.
        const normalized = Buffer.from(commit.payload.toString('utf8').replace(/\r/g, '').replace(/\n+$/, '\n'), 'utf8');
        assert.notDeepEqual(normalized, commit.payload);
        assert.equal((await verify({ ...commit, payload: normalized }, await trust())).status, 'bad', format);
      }
    });
  }

  it('signed annotated tags verify, bound to the tagger (OpenPGP and SSH)', async () => {
    for (const [i, { name, setup }] of setups().entries()) {
      const tag = lab.tag(setup, key.email, `v1.${i}`);
      assert.ok(tag.signature, `${name}: the tag carries a signature`);
      assert.equal(tag.email, key.email);
      assert.equal((await verify(tag, await trust())).status, 'good', name);
      assert.equal((await verify(tag, await trust(), { email: 'eve@example.com' })).status, 'not-committer', name);
    }
  });

  it('unsigned objects, x509 and unknown armor get their own statuses', async () => {
    const base = { payload: Buffer.from('tree x\n\nmsg\n'), signerEmail: key.email, trust: await trust(), now: new Date(), bindCommitter: true };
    assert.equal((await verifySignature({ ...base, signature: '' })).status, 'unsigned');
    const x509 = await verifySignature({ ...base, signature: '-----BEGIN SIGNED MESSAGE-----\nMIIB\n-----END SIGNED MESSAGE-----\n' });
    assert.deepEqual([x509.status, x509.format], ['unsupported', 'x509']);
    assert.equal((await verifySignature({ ...base, signature: 'hello' })).status, 'bad');
    assert.equal((await verifySignature({ ...base, signature: '-----BEGIN PGP SIGNATURE-----\n\nnot base64!\n-----END PGP SIGNATURE-----\n' })).status, 'bad');
  });
});
