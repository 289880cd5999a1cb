import type { SecretsConfig } from '../config/types.js';
import { buildKeywordMatcher, type KeywordMatcher } from './keyword-matcher.js';
import { BUILTIN_DETECTORS, type CatalogEntry } from './rule-catalog.js';
import { customDetector } from './custom-rules.js';
import { isSealedSecretDocument, isSopsDocument } from './encrypted-content.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { SECONDARY_KEYWORDS } from './secretlint-coverage.js';
import type { Candidate } from './detector.js';

export interface Detection {
  candidates: Candidate[];
  /** A keyword of a secretlint rule gitward does not cover occurs: ask secretlint too. */
  needsSecretlint: boolean;
}

export interface DetectionEngine {
  detect(text: string, path: string): Detection;
}

interface Compiled {
  entries: CatalogEntry[];
  matcher: KeywordMatcher;
  /** keyword index → indexes of the entries that own it */
  owners: number[][];
  always: number[];
  /** Entry whose keywords (`sops`, `sealedsecret`) say a file may be encrypted. */
  marker: number;
}

/**
 * The prefilter also finds the words that mark encrypted files, so the precise SOPS/SealedSecret
 * checks (two more passes over the text, 10% of a tree scan when unconditional) run only when needed.
 */
const ENCRYPTION_MARKER: CatalogEntry = { detector: { rules: [], keywords: ['sops', 'sealedsecret'], detect: () => [] }, role: 'marker' };

function compile(detectors: CatalogEntry[], always: number[]): Compiled {
  const entries = [...detectors, ENCRYPTION_MARKER];
  const keywordIndex = new Map<string, number>();
  const owners: number[][] = [];
  entries.forEach((entry, e) => {
    for (const keyword of entry.detector.keywords) {
      let k = keywordIndex.get(keyword);
      if (k === undefined) {
        k = owners.length;
        keywordIndex.set(keyword, k);
        owners.push([]);
      }
      if (!owners[k]!.includes(e)) owners[k]!.push(e);
    }
  });
  return { entries, matcher: buildKeywordMatcher([...keywordIndex.keys()]), owners, always, marker: entries.length - 1 };
}

/** Bucketed hit offsets per entry, from one prefilter pass. */
function prefilter(compiled: Compiled, text: string): Array<number[] | undefined> {
  const buckets: Array<number[] | undefined> = new Array(compiled.entries.length);
  compiled.matcher.scan(text, (keyword, start) => {
    for (const e of compiled.owners[keyword]!) (buckets[e] ??= []).push(start);
  });
  for (const e of compiled.always) buckets[e] ??= [];
  return buckets;
}

function run(compiled: Compiled, text: string, path: string, decodedScan?: (decoded: string) => Candidate[]): Detection {
  const buckets = prefilter(compiled, text);
  const found: Candidate[] = [];
  const claims: Array<[number, number]> = [];
  let encrypted = buckets[compiled.marker] === undefined ? false : undefined;
  let needsSecretlint = false;
  buckets.forEach((hits, e) => {
    const entry = compiled.entries[e]!;
    if (!hits || entry.role === 'marker') return;
    if (entry.role === 'secretlint') {
      needsSecretlint = true;
      return;
    }
    if (entry.role === 'generic' && (encrypted ??= isSopsDocument(text) || isSealedSecretDocument(text))) return;
    const sorted = hits.length > 1 ? [...new Set(hits)].sort((a, b) => a - b) : hits;
    const candidates = entry.detector.detect({ text, path, hits: sorted, claim: (s, t) => claims.push([s, t]), ...(decodedScan ? { scanDecoded: decodedScan } : {}) });
    for (const c of candidates) {
      // Encoded k8s data values are judged decoded; their raw base64 is not a generic finding.
      if (entry.role === 'generic' && claims.some(([s, t]) => c.start < t && c.end > s)) continue;
      found.push(c);
    }
  });
  return { candidates: resolveOverlaps(found), needsSecretlint };
}

/**
 * Detectors of the config (built-ins minus fully disabled rules, plus team rules) behind one
 * prefilter. Detectors only run on texts where one of their keywords occurs.
 */
export function createDetectionEngine(config: SecretsConfig): DetectionEngine {
  const disabled = new Set(config.rules.disable);
  const builtins = BUILTIN_DETECTORS.filter((entry) => entry.detector.rules.some((rule) => !disabled.has(rule.id)));
  const custom = config.rules.custom.filter((rule) => !disabled.has(rule.id)).map(customDetector);
  const entries: CatalogEntry[] = [...custom.map((c) => ({ detector: c.detector, role: 'custom' as const })), ...builtins];
  if (config.secretlint) entries.push({ detector: { rules: [], keywords: SECONDARY_KEYWORDS, detect: () => [] }, role: 'secretlint' });
  const always = custom.flatMap((c, i) => (c.always ? [i] : []));
  const all = compile(entries, always);
  const vendorOnly = compile(builtins.filter((entry) => entry.role === 'vendor'), []);
  const scanDecoded = (decoded: string): Candidate[] => run(vendorOnly, decoded, '').candidates;
  return {
    detect: (text, path) => run(all, text, path, scanDecoded),
  };
}
