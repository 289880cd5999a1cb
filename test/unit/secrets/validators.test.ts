import assert from 'node:assert/strict';
import { awsKeyId, githubToken, gitlabRoutableToken, invalidChecksumToken, jwt, npmToken } from '../../helpers/secret-samples.js';
import { awsAccountIdOf } from '../../../src/secrets/detectors/aws.js';
import { redact } from '../../../src/secrets/redact.js';
import { isBinaryContent, isEncryptedContent } from '../../../src/secrets/index.js';
import { describeFinding, scanText } from './helpers.js';

describe('offline validation', () => {
  it('accepts GitHub and npm tokens only with a valid CRC32 checksum (look-alikes are not reported)', async () => {
    for (const prefix of ['ghp_', 'gho_', 'ghu_', 'ghr_', 'ghs_']) {
      assert.equal((await scanText('a.txt', `x ${githubToken(prefix)} y`)).length, 1, prefix);
      assert.deepEqual(await scanText('a.txt', `x ${invalidChecksumToken(prefix)} y`), [], `${prefix} look-alike`);
    }
    assert.equal((await scanText('a.txt', `t=${npmToken()}`))[0]?.ruleId, 'npm-token');
    assert.deepEqual(await scanText('a.txt', `t=${invalidChecksumToken('npm_')}`), []);
  });

  it('checks the CRC32 and length holder of routable GitLab tokens', async () => {
    assert.equal((await scanText('a.txt', `t: ${gitlabRoutableToken()}`))[0]?.confidence, 'high');
    assert.deepEqual(await scanText('a.txt', `t: ${gitlabRoutableToken('glpat-', { breakChecksum: true })}`), []);
  });

  it('decodes the AWS account id from a key id', () => {
    for (let i = 0; i < 20; i++) {
      const { keyId, account } = awsKeyId('AKIA');
      assert.equal(awsAccountIdOf(keyId), account);
    }
    assert.equal(awsAccountIdOf('AKIA0000111188889999'), undefined, 'not base32');
  });

  it('reports a non-base32 AWS key id at low confidence', async () => {
    assert.deepEqual((await scanText('a.txt', 'id = AKIA0000111188889999\n')).map(describeFinding), ['aws-access-key-id@1:6/low']);
  });

  it('requires JWT header and payload to decode to JSON', async () => {
    assert.equal((await scanText('a.txt', `Bearer ${jwt()}`))[0]?.ruleId, 'jwt');
    const forged = `eyJ${Buffer.from('not json at all!!').toString('base64url')}.eyJ${Buffer.from('still not json').toString('base64url')}.${'A'.repeat(43)}`;
    assert.deepEqual(await scanText('a.txt', `Bearer ${forged}`), []);
  });

  it('requires a private key body that decodes, and grades its structure', async () => {
    const body = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 7 + 1) % 256)).toString('base64');
    const garbage = `-----BEGIN RSA PRIVATE KEY-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
    assert.deepEqual((await scanText('k.pem', garbage)).map(describeFinding), ['private-key@1:1/medium']);
    assert.deepEqual(await scanText('k.pem', '-----BEGIN OPENSSH PRIVATE KEY-----\n<redacted>\n-----END OPENSSH PRIVATE KEY-----\n'), []);
  });

  it('redacts to the public prefix, a fixed mask and the length', () => {
    assert.equal(redact('ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_'), 'ghp_************…(40 chars)');
    assert.equal(redact('short', 'sho'), '************…(5 chars)', 'no prefix when it would reveal most of the secret');
  });

  it('classifies binary and git-crypt bytes', () => {
    assert.equal(isBinaryContent(Buffer.from('plain text\n')), false);
    assert.equal(isBinaryContent(Buffer.from([0x89, 0x50, 0, 1])), true);
    const gitCrypt = Buffer.concat([Buffer.from('\0GITCRYPT\0'), Buffer.from([1, 2, 0, 3])]);
    assert.equal(isBinaryContent(gitCrypt), false, 'left to the scanner, which reports it as encrypted');
    assert.equal(isEncryptedContent(gitCrypt), true);
  });
});
