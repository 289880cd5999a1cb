import assert from 'node:assert/strict';
import { githubToken, randomSecret } from '../../helpers/secret-samples.js';
import { createSecretScanner } from '../../../src/secrets/index.js';
import { GAP_PRESET_RULES, SUPERSEDED_PRESET_RULES } from '../../../src/secrets/secretlint-coverage.js';
import { describeFinding, secretsConfig } from './helpers.js';

describe('streaming scanner', () => {
  it('returns findings synchronously when secretlint is not needed, even with secretlint enabled', () => {
    const scanner = createSecretScanner({ config: secretsConfig({ secretlint: true }) });
    const found = scanner.scan({ path: 'a.env', text: `TOKEN=${githubToken()}\nurl=https://example.com\n`, commit: 'abc123' });
    assert.ok(Array.isArray(found), 'no promise: secretlint is not loaded for text without a gap keyword');
    assert.deepEqual(found.map((f) => [f.ruleId, f.commit]), [['github-pat', 'abc123']]);
  });

  it('asks secretlint only for preset rules gitward leaves to it, and keeps gitward verdicts', async () => {
    const scanner = createSecretScanner({ config: secretsConfig({ secretlint: true }) });
    const vercel = `vcp_${randomSecret(56)}`;
    const found = scanner.scan({ path: 'deploy.env', text: `vercel deploy --prod --token ${vercel}\nGH=${githubToken()}\n` });
    assert.ok(found instanceof Promise, 'a gap keyword wakes secretlint');
    const findings = await found;
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['github-pat', 'secretlint/vercel']);
    assert.ok(!JSON.stringify(findings).includes(vercel));
  });

  it('classifies every rule of the secretlint preset as superseded or a gap (fails on a preset upgrade)', async () => {
    const { rules } = await import('@secretlint/secretlint-rule-preset-recommend');
    const unknown = rules.map((r) => r.meta.id).filter((id) => !(id in SUPERSEDED_PRESET_RULES) && !(id in GAP_PRESET_RULES));
    assert.deepEqual(unknown, []);
  });

  it('scans an identical blob once per path (by object id) and re-reports it at another path', () => {
    const scanner = createSecretScanner({ config: secretsConfig() });
    const text = `TOKEN=${githubToken()}\n`;
    const first = scanner.scan({ path: 'a.env', text, blobOid: 'b1', commit: 'c1' }) as unknown[];
    const again = scanner.scan({ path: 'a.env', text, blobOid: 'b1', commit: 'c2' }) as unknown[];
    const copy = scanner.scan({ path: 'copy/a.env', text, blobOid: 'b1', commit: 'c2' }) as Array<{ file: string }>;
    assert.deepEqual([first.length, again.length, copy.map((f) => f.file)], [1, 0, ['copy/a.env']]);
  });

  it('scans identical content without an object id again, with correct positions', () => {
    const scanner = createSecretScanner({ config: secretsConfig() });
    const text = `${'const x = 1;\n'.repeat(2000)}TOKEN=${githubToken()}\n`;
    const a = scanner.scan({ path: 'a.js', text }) as Array<{ file: string; line: number }>;
    const b = scanner.scan({ path: 'vendor/a.js', text }) as Array<{ file: string; line: number }>;
    assert.deepEqual([...a, ...b].map((f) => `${f.file}:${f.line}`), ['a.js:2001', 'vendor/a.js:2001']);
  });

  it('keeps only findings and skipped items between fragments', () => {
    const scanner = createSecretScanner({ config: secretsConfig() });
    let count = 0;
    for (let i = 0; i < 2000; i++) count += (scanner.scan({ path: `f${i}.txt`, text: `line ${i}\nnothing here\n` }) as unknown[]).length;
    scanner.scan({ path: 'bin', text: '\0\0' });
    assert.equal(count, 0);
    assert.deepEqual(scanner.skipped.map((s) => s.reason), ['binary']);
  });

  it('maps positions through lineNumbers of a diff fragment', () => {
    const scanner = createSecretScanner({ config: secretsConfig() });
    const found = scanner.scan({ path: 'a.env', text: `A=1\n  TOKEN=${githubToken()}`, lineNumbers: [40, 97] }) as Parameters<typeof describeFinding>[0][];
    assert.deepEqual(found.map(describeFinding), ['github-pat@97:9/high']);
  });
});
