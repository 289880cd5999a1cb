#!/usr/bin/env node
// Precision and recall of gitward's engine beside secretlint's recommended preset on the same
// generated corpus (test/fixtures/secrets/corpus.ts: random secrets with valid checksums, hard
// negatives). A detection counts when a finding is on the expected line; anything else is a false
// positive. The corpus is regenerated for every round, so figures are over fresh random values.
//
//   npm run build && node bench/accuracy.mjs [--rounds 20]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = resolveRoot();
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 20);

function resolveRoot() {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

async function loadTools() {
  register(); // the corpus generator is TypeScript (test fixtures); the engine comes from dist/
  const { generateCorpus } = await import(pathToFileURL(join(ROOT, 'test/fixtures/secrets/corpus.ts')).href);
  const { scanFragments } = await import(pathToFileURL(join(ROOT, 'dist/secrets/index.js')).href);
  const { defaultTeamConfig } = await import(pathToFileURL(join(ROOT, 'dist/config/defaults.js')).href);
  const { lintSource } = await import('@secretlint/core');
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  const { secretLintProfiler } = await import('@secretlint/profiler');
  secretLintProfiler.mark = () => undefined; // the profile is not read; its cost is quadratic (secretlint#1653)
  const config = { ...defaultTeamConfig().secrets, secretlint: false };
  const secretlintConfig = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
  return {
    generateCorpus,
    gitward: async (path, text) => (await scanFragments([{ path, text }], { config })).findings.map((f) => ({ line: f.line, rule: f.ruleId })),
    secretlint: async (path, text) => {
      const ext = /\.[^./]+$/.exec(path)?.[0] ?? '';
      const result = await lintSource({ source: { content: text, filePath: `/corpus/${path}`, ext, contentType: 'text' }, options: { config: secretlintConfig, maskSecrets: true } });
      return result.messages.map((m) => ({ line: m.loc.start.line, rule: m.ruleId.replace('@secretlint/secretlint-rule-', '') }));
    },
  };
}

function emptyTally() {
  return { tp: 0, fn: 0, fp: 0, kinds: new Map(), negatives: new Map() };
}

function bump(map, key, field) {
  const entry = map.get(key) ?? { found: 0, missed: 0, flagged: 0 };
  entry[field]++;
  map.set(key, entry);
}

async function score(tool, corpus, tally) {
  for (const c of corpus.positives) {
    const findings = await tool(c.path, c.text);
    const lines = new Set(c.expect.map((e) => e.line));
    for (const e of c.expect) {
      const hit = findings.some((f) => f.line === e.line);
      tally[hit ? 'tp' : 'fn']++;
      bump(tally.kinds, e.kind, hit ? 'found' : 'missed');
    }
    tally.fp += new Set(findings.filter((f) => !lines.has(f.line)).map((f) => f.line)).size;
  }
  for (const n of corpus.negatives) {
    const findings = await tool(n.path, n.text);
    const flagged = new Set(findings.map((f) => f.line)).size;
    tally.fp += flagged;
    if (flagged > 0) bump(tally.negatives, n.kind, 'flagged');
  }
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

function summary(name, t) {
  const precision = t.tp / (t.tp + t.fp);
  const recall = t.tp / (t.tp + t.fn);
  const missedKinds = [...t.kinds].filter(([, v]) => v.found === 0).map(([k]) => k);
  return { name, precision, recall, tp: t.tp, fp: t.fp, fn: t.fn, missedKinds, flaggedNegatives: [...t.negatives.keys()] };
}

async function main() {
  const tools = await loadTools();
  const tallies = { gitward: emptyTally(), secretlint: emptyTally() };
  let shape;
  for (let round = 0; round < rounds; round++) {
    const corpus = tools.generateCorpus();
    shape ??= { kinds: new Set(corpus.positives.flatMap((c) => c.expect.map((e) => e.kind))).size, expectations: corpus.positives.reduce((n, c) => n + c.expect.length, 0), negatives: corpus.negatives.length };
    await score(tools.gitward, corpus, tallies.gitward);
    await score(tools.secretlint, corpus, tallies.secretlint);
  }
  console.log(`corpus: ${shape.kinds} positive kinds (${shape.expectations} expected findings), ${shape.negatives} hard-negative files; ${rounds} rounds of fresh random values`);
  for (const s of [summary('gitward (own detectors, secretlint off)', tallies.gitward), summary('secretlint preset-recommend 12.0.0', tallies.secretlint)]) {
    console.log(`\n${s.name}\n  precision ${pct(s.precision)}  recall ${pct(s.recall)}  (TP ${s.tp}, FP ${s.fp}, FN ${s.fn})`);
    console.log(`  kinds never found (${s.missedKinds.length}): ${s.missedKinds.join(', ') || '-'}`);
    console.log(`  negative classes flagged (${s.flaggedNegatives.length}): ${s.flaggedNegatives.join(', ') || '-'}`);
  }
}

await main();
