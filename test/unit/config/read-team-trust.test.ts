import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, makeTempDir } from '../../helpers/repo.js';
// The module itself (not the lazy index facade): see the harness note in src/config/index.ts.
import { readTeamTrust } from '../../../src/config/read-team-trust.js';
import { GitwardError } from '../../../src/errors/index.js';

const ALICE = join(PROJECT_ROOT, 'examples/server-policy/keys/alice.asc');

describe('readTeamTrust', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('gitward-trust-');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads armored keys and the allowed-signers file as text', async () => {
    writeFileSync(join(dir, 'allowed_signers'), 'alice@example.com ssh-ed25519 AAAA... alice\n');
    const keys = await readTeamTrust({ openpgp: [ALICE], allowedSignersFile: join(dir, 'allowed_signers') });
    assert.deepEqual(keys.openpgp.map((k) => k.source), [ALICE]);
    assert.match(keys.openpgp[0]?.armored ?? '', /^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    assert.deepEqual(keys.allowedSigners, { source: join(dir, 'allowed_signers'), text: 'alice@example.com ssh-ed25519 AAAA... alice\n' });
    assert.deepEqual(await readTeamTrust({ openpgp: [] }), { openpgp: [] });
  });

  const cases: Array<[string, () => { openpgp: string[]; allowedSignersFile?: string }, RegExp]> = [
    ['a missing key file', () => ({ openpgp: [join(dir, 'missing.asc')] }), /missing\.asc \(signing\.trust\.openpgp\[0\]\): ENOENT/],
    ['a missing allowed-signers file', () => ({ openpgp: [], allowedSignersFile: join(dir, 'nope') }), /nope \(signing\.trust\.allowedSignersFile\): ENOENT/],
    ['a key path that is a directory', () => (mkdirSync(join(dir, 'k.asc')), { openpgp: [join(dir, 'k.asc')] }), /EISDIR/],
    ['a file that is not an armored public key', () => (writeFileSync(join(dir, 'k.asc'), 'hello'), { openpgp: [join(dir, 'k.asc')] }), /not an ASCII-armored OpenPGP public key/],
    ['a private key', () => (writeFileSync(join(dir, 'k.asc'), `-----BEGIN PGP ${'PRIVATE'} KEY BLOCK-----\n`), { openpgp: [join(dir, 'k.asc')] }), /PRIVATE key block/],
  ];
  for (const [name, trust, message] of cases) {
    it(`${name} is TRUST_STORE_UNREADABLE`, async () => {
      await assert.rejects(readTeamTrust(trust()), (e: unknown) => e instanceof GitwardError && e.code === 'TRUST_STORE_UNREADABLE' && message.test(e.message));
    });
  }
});
