import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { githubToken, randomPassword } from '../../helpers/secret-samples.js';
import { scanFragments } from '../../../src/secrets/index.js';
import { describeFinding, scanText, secretsConfig } from './helpers.js';

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
const enc = (): string => `ENC[AES256_GCM,data:${b64(randomBytes(16))},iv:${b64(randomBytes(32))},tag:${b64(randomBytes(16))},type:str]`;
const sealed = (): string => b64(Buffer.concat([Buffer.from([2, 0]), randomBytes(512), randomBytes(40)]));

function secretManifest(name: string, password: string): string {
  return ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, 'type: Opaque', 'data:', `  password: ${b64(password)}`, ''].join('\n');
}

describe('GitOps manifests', () => {
  it('reports one k8s-plaintext-secret per manifest at its `kind: Secret` line, in multi-document YAML', async () => {
    const text = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cfg', '---', secretManifest('a', 'x'), '---', secretManifest('b', 'y')].join('\n');
    const findings = (await scanText('deploy/all.yaml', text)).filter((f) => f.ruleId === 'k8s-plaintext-secret');
    assert.deepEqual(findings.map((f) => f.line), [7, 16]);
    assert.deepEqual(findings.map((f) => f.redacted), ['Secret/a (1 plaintext entry)', 'Secret/b (1 plaintext entry)']);
  });

  it('decodes data: values and reports a secret inside at its own line, with the plaintext fingerprint', async () => {
    const password = randomPassword(20);
    const text = secretManifest('db', password);
    const decoded = (await scanText('deploy/db.yaml', text)).find((f) => f.ruleId === 'generic-password');
    assert.equal(decoded?.line, 7);
    assert.equal(decoded?.column, 13);
    const plain = await scanText('.env', `DB_PASSWORD=${password}\n`);
    assert.equal(decoded?.fingerprint, plain[0]?.fingerprint, 'same secret, same fingerprint, encoded or not');
  });

  it('reads JSON manifests too', async () => {
    const token = githubToken();
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ci' }, data: { token: b64(token) } }, null, 2);
    assert.deepEqual((await scanText('deploy/ci.json', text)).map(describeFinding).sort(), ['github-pat@8:15/high', 'k8s-plaintext-secret@3:3/high']);
  });

  it('passes the same manifest SOPS-encrypted (YAML, JSON, dotenv) and as a SealedSecret', async () => {
    const sopsYaml = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', 'data:', `  password: ${enc()}`, 'sops:', `  mac: ${enc()}`, '  version: 3.9.1', ''].join('\n');
    const sopsJson = JSON.stringify({ db_password: enc(), sops: { mac: enc(), version: '3.9.1' } }, null, 2);
    const sopsEnv = `DB_PASSWORD=${enc()}\nsops_version=3.9.1\nsops_mac=${enc()}\n`;
    const sealedSecret = ['apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', '  name: db', 'spec:', '  encryptedData:', `    password: ${sealed()}`, ''].join('\n');
    for (const [path, text] of [['db.enc.yaml', sopsYaml], ['db.enc.json', sopsJson], ['.env.enc', sopsEnv], ['sealed.yaml', sealedSecret]]) {
      assert.deepEqual((await scanText(path!, text!)).map(describeFinding), [], path);
    }
  });

  it('works on the added lines of a diff: line numbers come from the fragment', async () => {
    const token = githubToken();
    const added = ['kind: Secret', 'data:', `  token: ${b64(token)}`].join('\n');
    const findings = await scanText('deploy/ci.yaml', added, {}, { lineNumbers: [2, 9, 10], commit: 'c0ffee' });
    assert.deepEqual(findings.map(describeFinding).sort(), ['github-pat@10:10/high', 'k8s-plaintext-secret@2:1/high']);
    assert.ok(findings.every((f) => f.commit === 'c0ffee'));
    // Only a changed value line was added: the manifest rule cannot see `kind:`, the generic detector still judges the value.
    const valueOnly = await scanText('deploy/db.yaml', `  password: ${b64(randomPassword(24))}`, {}, { lineNumbers: [7] });
    assert.deepEqual(valueOnly.map((f) => [f.ruleId, f.line]), [['generic-password', 7]]);
  });

  it('skips binary, git-crypt and oversized content and says so', async () => {
    const config = secretsConfig({ maxFileSize: 1000 });
    const result = await scanFragments([
      { path: 'img.png', text: `\x89PNG\r\n\x1a\n\0\0\0 token=${githubToken()}` },
      { path: 'vault.env', text: `\0GITCRYPT\0${'\x01'.repeat(40)}` },
      { path: 'big.txt', text: `${'a'.repeat(1001)}\nTOKEN=${githubToken()}` },
      { path: 'utf8.txt', text: 'é'.repeat(600) },
    ], { config });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.skipped.map((s) => [s.file, s.reason]), [['img.png', 'binary'], ['vault.env', 'encrypted'], ['big.txt', 'too-large'], ['utf8.txt', 'too-large']]);
  });
});
