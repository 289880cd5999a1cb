import assert from 'node:assert/strict';
import { generateCorpus, gitCryptBlob } from '../../fixtures/secrets/corpus.js';
import { scanFragments, listRules } from '../../../src/secrets/index.js';
import { describeFinding, scanText, secretsConfig } from './helpers.js';

const corpus = generateCorpus();
const expectations = corpus.positives.flatMap((c) => c.expect.map((e) => ({ ...e, path: c.path, text: c.text })));

describe('secret corpus (generated per run)', () => {
  it('has at least 25 positive kinds and 25 hard-negative classes', () => {
    assert.ok(new Set(expectations.map((e) => e.kind)).size >= 25, 'positive kinds');
    assert.ok(new Set(corpus.negatives.map((n) => n.kind)).size >= 25, 'negative classes');
  });

  describe('every positive kind is found with its rule, line and confidence (secretlint off)', () => {
    for (const e of expectations) {
      it(`${e.kind} → ${e.ruleId} (${e.path}:${e.line}, ${e.confidence})`, async () => {
        const findings = await scanText(e.path, e.text);
        const found = findings.find((f) => f.ruleId === e.ruleId && f.line === e.line);
        assert.ok(found, `no ${e.ruleId} at line ${e.line}; got ${findings.map(describeFinding).join(', ') || 'nothing'}`);
        assert.equal(found.confidence, e.confidence);
        if (e.metadata) assert.deepEqual(found.metadata, e.metadata);
        assert.ok(found.column >= 1);
      });
    }
  });

  it('reports nothing beyond the expected findings in positive files', async () => {
    for (const c of corpus.positives) {
      const findings = await scanText(c.path, c.text);
      const extra = findings.filter((f) => !c.expect.some((e) => e.ruleId === f.ruleId && e.line === f.line));
      assert.deepEqual(extra.map(describeFinding), [], c.path);
    }
  });

  describe('every hard negative is silent', () => {
    for (const n of corpus.negatives) {
      it(n.kind, async () => {
        const findings = await scanText(n.path, n.text);
        assert.deepEqual(findings.map(describeFinding), []);
      });
    }
  });

  it('gives the same verdicts with secretlint enabled (no preset gap keyword in the corpus)', async () => {
    const fragments = [...corpus.positives, ...corpus.negatives].map((c) => ({ path: c.path, text: c.text }));
    const off = await scanFragments(fragments, { config: secretsConfig() });
    const on = await scanFragments(fragments, { config: secretsConfig({ secretlint: true }) });
    assert.deepEqual(on.findings.map(describeFinding), off.findings.map(describeFinding));
  });

  it('never puts a secret into a finding: redacted preview, fingerprint, message and metadata', async () => {
    for (const e of expectations) {
      const findings = await scanText(e.path, e.text);
      const serialized = JSON.stringify(findings);
      assert.ok(!serialized.includes(e.secret), `${e.kind}: the secret leaked into ${serialized.slice(0, 200)}`);
      // A manifest finding names the manifest (`Secret/db (2 plaintext entries)`) instead of masking one value.
      for (const f of findings) assert.match(f.redacted, f.ruleId === 'k8s-plaintext-secret' ? /^Secret\/\S+ \(\d+ plaintext entr(y|ies)\)$/ : /\*{12}…\(\d+ chars\)$/);
    }
  });

  it('keeps only a public vendor prefix in the preview', async () => {
    const e = expectations.find((x) => x.kind === 'github-pat')!;
    const [finding] = await scanText(e.path, e.text);
    assert.equal(finding?.redacted, 'ghp_************…(40 chars)');
  });

  it('lists every rule the corpus expects, with unique ids', () => {
    const ids = listRules().map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const ruleId of new Set(expectations.map((e) => e.ruleId))) assert.ok(ids.includes(ruleId), ruleId);
    assert.ok(listRules().every((r) => r.description.length > 10));
  });

  it('skips a git-crypt blob as encrypted', async () => {
    const result = await scanFragments([{ path: 'secrets/prod.env', text: gitCryptBlob() }], { config: secretsConfig() });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.skipped.map((s) => [s.file, s.reason]), [['secrets/prod.env', 'encrypted']]);
  });
});
