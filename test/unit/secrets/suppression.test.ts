import assert from 'node:assert/strict';
import { githubToken, randomPassword, randomSecret } from '../../helpers/secret-samples.js';
import { isGitwardError } from '../../../src/errors/index.js';
import { createSecretScanner } from '../../../src/secrets/index.js';
import { describeFinding, scanText, secretsConfig } from './helpers.js';

describe('secret suppression', () => {
  it('keeps the fingerprint when lines move, and the baseline then suppresses the same secret', async () => {
    const token = githubToken();
    const before = await scanText('app.env', `A=1\nTOKEN=${token}\n`);
    const after = await scanText('app.env', `# header\n\nA=1\nB=2\nTOKEN=${token}\n`);
    assert.equal(before[0]?.line, 2);
    assert.equal(after[0]?.line, 5);
    assert.equal(after[0]?.fingerprint, before[0]?.fingerprint);
    const baseline = new Set(before.map((f) => f.fingerprint));
    assert.deepEqual(await scanText('moved/app.env', `# header\n\nA=1\nB=2\nTOKEN=${token}\n`, { baseline }), []);
    const other = await scanText('app.env', `TOKEN=${token}\nNEW=${githubToken()}\n`, { baseline });
    assert.deepEqual(other.map((f) => f.line), [2], 'a different secret is still reported');
  });

  it('gives different fingerprints to different secrets and to the same value under different rules', async () => {
    const [a] = await scanText('a.env', `TOKEN=${githubToken()}\n`);
    const [b] = await scanText('a.env', `TOKEN=${githubToken()}\n`);
    assert.notEqual(a?.fingerprint, b?.fingerprint);
    assert.match(a!.fingerprint, /^[0-9a-f]{64}$/);
  });

  it('honours `gitward:allow` on the line, unless inline allows are turned off', async () => {
    const text = `TOKEN=${githubToken()} # gitward:allow rotated fixture\nOTHER=${githubToken()}\n`;
    assert.deepEqual((await scanText('a.env', text)).map((f) => f.line), [2]);
    assert.deepEqual((await scanText('a.env', text, { inlineAllow: false })).map((f) => f.line), [1, 2]);
    const configOff = secretsConfig({ allow: { ...secretsConfig().allow, inlineComments: false } });
    assert.deepEqual((await scanText('a.env', text, { config: configOff })).map((f) => f.line), [1, 2]);
  });

  it('applies global allow regexes and stopwords to the secret value only', async () => {
    const keep = githubToken();
    const text = `A=${githubToken()}\nB_PASSWORD=${randomPassword(12)}Staging2024\nC=${keep}\n`;
    const allow = { ...secretsConfig().allow, regexes: [`^${keep.slice(0, 12)}`], stopwords: ['staging'] };
    const findings = await scanText('x.env', text, { config: secretsConfig({ allow }) });
    assert.deepEqual(findings.map((f) => f.line), [1]);
  });

  it('applies per-rule allowlists only to their rule, and disables rules', async () => {
    const password = `${randomPassword(14)}Zq9`;
    const text = `DB_PASSWORD=${password}\nTOKEN=${githubToken()}\n`;
    const perRule = secretsConfig({ rules: { disable: [], custom: [], allow: { 'generic-password': { regexes: ['Zq9$'], stopwords: [] }, 'github-pat': { regexes: [], stopwords: ['zq9'] } } } });
    assert.deepEqual((await scanText('a.env', text, { config: perRule })).map((f) => f.ruleId), ['github-pat']);
    const disabled = secretsConfig({ rules: { disable: ['github-pat'], custom: [], allow: {} } });
    assert.deepEqual((await scanText('a.env', text, { config: disabled })).map((f) => f.ruleId), ['generic-password']);
  });

  it('skips paths the injected predicate allows', async () => {
    const text = `TOKEN=${githubToken()}\n`;
    assert.deepEqual(await scanText('fixtures/a.env', text, { isPathAllowed: (p) => p.startsWith('fixtures/') }), []);
    assert.equal((await scanText('src/a.env', text, { isPathAllowed: (p) => p.startsWith('fixtures/') })).length, 1);
  });

  it('runs team custom rules through the prefilter, with capture group and entropy threshold', async () => {
    const custom = [{ id: 'acme-api-key', regex: 'acme_key_([A-Za-z0-9]{32})', keywords: ['acme_key_'], entropy: 3.5, description: 'ACME internal API key' }];
    const config = secretsConfig({ rules: { disable: [], custom, allow: {} } });
    const secret = randomSecret(32);
    const findings = await scanText('svc/config.txt', `endpoint = https://acme.internal\nkey: acme_key_${secret}\nlow: acme_key_${'ab'.repeat(16)}\n`, { config });
    assert.deepEqual(findings.map(describeFinding), ['acme-api-key@2:15/medium']);
    assert.equal(findings[0]?.message, 'ACME internal API key');
    assert.ok(!JSON.stringify(findings).includes(secret));
  });

  it('runs a custom rule without keywords on every fragment', async () => {
    const config = secretsConfig({ rules: { disable: [], custom: [{ id: 'internal-host-secret', regex: 'ZZ-[0-9]{12}', keywords: [] }], allow: {} } });
    assert.equal((await scanText('a.txt', 'x ZZ-493817264519 y\n', { config })).length, 1);
  });

  it('fails with CONFIG_INVALID on a custom regex that does not compile', () => {
    const config = secretsConfig({ rules: { disable: [], custom: [{ id: 'broken', regex: '([a-z', keywords: ['x'] }], allow: {} } });
    assert.throws(() => createSecretScanner({ config }), (e: unknown) => isGitwardError(e) && e.code === 'CONFIG_INVALID' && /broken/.test(e.message));
  });
});
