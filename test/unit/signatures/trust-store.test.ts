import assert from 'node:assert/strict';
import { join } from 'node:path';
import { GitwardError } from '../../../src/errors/index.js';
import { buildTrustStore, trustStoreFromTeamKeys } from '../../../src/signatures/index.js';
import { parseAllowedSigners, parseSshTime } from '../../../src/signatures/allowed-signers.js';
import { matchesPatternList } from '../../../src/signatures/match-pattern-list.js';
import { exportGpgKey, gpg, makeGpgKey, makeSshKey, type GpgKey } from '../../helpers/keys.js';
import { Lab, person, verify } from './lab.js';

async function rejects(promise: Promise<unknown>, check: (error: GitwardError) => void): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof GitwardError, `expected a GitwardError, got ${String(error)}`);
    assert.equal(error.code, 'TRUST_STORE_UNREADABLE');
    assert.ok(error.hint, 'a hint says what to do');
    check(error);
    return true;
  });
}

describe('signatures: trust store', function () {
  this.timeout(60_000);
  let lab: Lab;
  let key: GpgKey;
  before(() => {
    lab = new Lab();
    key = makeGpgKey(lab.gnupghome, { name: 'Tess', email: 'tess@example.com', signingSubkey: 'ed25519' });
  });
  after(() => lab.cleanup());

  it('indexes the primary key and its subkeys once, with the person\'s emails', async () => {
    const trust = await buildTrustStore({ tess: person(['Tess@Example.com'], { openpgp: [key.publicArmored] }) });
    assert.equal(trust.openpgp.length, 1);
    const record = trust.openpgp[0];
    assert.equal(record?.primary.fingerprint, key.fingerprint);
    assert.deepEqual(record?.subkeys.map((s) => s.fingerprint), [key.subkeyFingerprint]);
    assert.deepEqual(record?.emails, ['tess@example.com']);
    assert.equal(record?.source, 'people.tess.openpgp[0]');
  });

  it('an unreadable OpenPGP key fails with TRUST_STORE_UNREADABLE naming the person and source', async () => {
    await rejects(buildTrustStore({ carol: person(['c@example.com'], { openpgp: ['-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm9wZQ==\n-----END PGP PUBLIC KEY BLOCK-----\n'] }) }), (error) => {
      assert.deepEqual(error.data, { source: 'people.carol.openpgp[0]', person: 'carol' });
      assert.match(error.message, /people\.carol\.openpgp\[0\]/);
    });
  });

  it('a private key is refused: the trust store holds public keys only', async () => {
    const secret = gpg(lab.gnupghome, ['--armor', '--export-secret-keys', key.fingerprint]);
    await rejects(buildTrustStore({ tess: person([key.email], { openpgp: [secret] }) }), (error) => assert.match(error.message, /PRIVATE/));
  });

  it('a malformed SSH key line fails with TRUST_STORE_UNREADABLE', async () => {
    const ssh = makeSshKey(join(lab.repo.home, 'ssh'));
    const [type, data] = ssh.publicLine.split(' ');
    await rejects(buildTrustStore({ sam: person(['s@example.com'], { ssh: ['ssh-ed25519 not*base64'] }) }), (error) => {
      assert.deepEqual(error.data, { source: 'people.sam.ssh[0]', person: 'sam' });
    });
    await rejects(buildTrustStore({ sam: person(['s@example.com'], { ssh: [`ssh-rsa ${data}`] }) }), (error) => assert.match(error.message, /does not match/));
    assert.equal((await buildTrustStore({ sam: person(['s@example.com'], { ssh: [`${type} ${data}`] }) })).ssh.length, 1, 'the comment is optional');
  });

  it('an allowed-signers file with an unknown option fails, naming the line', async () => {
    const ssh = makeSshKey(join(lab.repo.home, 'ssh2'));
    const text = `a@example.com ${ssh.publicLine}\nb@example.com no-touch-required ${ssh.publicLine}\n`;
    await rejects(trustStoreFromTeamKeys({ openpgp: [], allowedSigners: { source: '.gitward/allowed_signers', text } }), (error) => {
      assert.match(error.message, /line 2: unsupported option "no-touch-required"/);
      assert.deepEqual(error.data, { source: '.gitward/allowed_signers' });
    });
  });

  it('team keys: emails come from valid user IDs, not revoked ones', async () => {
    const multi = makeGpgKey(lab.gnupghome, { name: 'Multi', email: 'multi@example.com' });
    gpg(lab.gnupghome, ['--quick-add-uid', multi.fingerprint, 'Multi Work <multi@work.example>']);
    gpg(lab.gnupghome, ['--quick-add-uid', multi.fingerprint, 'Multi Old <multi@old.example>']);
    gpg(lab.gnupghome, ['--quick-revoke-uid', multi.fingerprint, 'Multi Old <multi@old.example>']);
    const armored = exportGpgKey(lab.gnupghome, multi.fingerprint);
    const trust = await trustStoreFromTeamKeys({ openpgp: [{ source: 'keys/multi.asc', armored }] });
    assert.deepEqual(trust.openpgp[0]?.emails, ['multi@example.com', 'multi@work.example']);
    assert.equal(trust.openpgp[0]?.owner, 'multi@example.com');
    const commit = lab.commit({ format: 'openpgp', key: multi.fingerprint }, 'multi@work.example');
    assert.equal((await verify(commit, trust)).status, 'good');
    assert.equal((await verify(commit, trust, { email: 'multi@old.example' })).status, 'not-committer');
  });

  it('is plain data: a structured clone (what worker threads receive) verifies the same', async () => {
    const trust = await buildTrustStore({ tess: person([key.email], { openpgp: [key.publicArmored] }) });
    const commit = lab.commit({ format: 'openpgp', key: key.fingerprint }, key.email);
    assert.deepEqual(await verify(commit, structuredClone(trust)), await verify(commit, trust));
    assert.equal((await verify(commit, structuredClone(trust))).status, 'good');
  });
});

describe('signatures: allowed-signers parsing and ssh-keygen patterns', () => {
  it('matches pattern lists like ssh-keygen (wildcards, negation, case-insensitive)', () => {
    assert.equal(matchesPatternList('Bob@Example.com', '*@example.com'), true);
    assert.equal(matchesPatternList('bob@example.com', 'a?c@example.com,b?b@example.com'), true);
    assert.equal(matchesPatternList('bob@example.com', '*@example.com,!bob@*'), false);
    assert.equal(matchesPatternList('bob@example.com', '!eve@example.com'), false, 'a negation alone matches nothing');
    assert.equal(matchesPatternList('git', 'file'), false);
    assert.equal(matchesPatternList('aaa', '*a*a*a*'), true);
    assert.equal(matchesPatternList('aab', '*a*a*a*'), false);
  });

  it('reads valid-after/valid-before times as ssh-keygen does (Z = UTC, else local)', () => {
    assert.equal(parseSshTime('20240102Z'), Date.UTC(2024, 0, 2));
    assert.equal(parseSshTime('202401020304Z'), Date.UTC(2024, 0, 2, 3, 4));
    assert.equal(parseSshTime('20240102030405'), new Date(2024, 0, 2, 3, 4, 5).getTime());
    assert.throws(() => parseSshTime('2024-01-02'), /bad time/);
  });

  it('parses quoted principals, quoted options with commas, comments and blank lines', () => {
    const line = 'AAAAC3NzaC1lZDI1NTE5AAAAIB5CpJp4lp9cMh1ZfqRsKDzvQaQdOgr4bt6FF/mTXHZN';
    const records = parseAllowedSigners(`# team\n\n"a@x.example,b@x.example" namespaces="git,file",valid-after="20240101Z" ssh-ed25519 ${line} laptop\n`, 'f');
    assert.equal(records.length, 1);
    assert.deepEqual(records[0]?.principals, ['a@x.example', 'b@x.example']);
    assert.equal(records[0]?.namespaces, 'git,file');
    assert.equal(records[0]?.validAfter, Date.UTC(2024, 0, 1));
    assert.equal(records[0]?.source, 'f:3');
    assert.throws(() => parseAllowedSigners(`a@x.example "unterminated ssh-ed25519 ${line}`, 'f'), /line 1/);
  });
});
