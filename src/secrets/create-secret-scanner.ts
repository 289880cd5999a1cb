import type { Finding, Fragment, SkippedItem } from '../model/index.js';
import type { SecretsConfig } from '../config/types.js';
import { createDetectionEngine } from './detection-engine.js';
import { createDetectionCache } from './detection-cache.js';
import { createSuppressor, type Suppressor } from './suppression.js';
import { createLineMap } from './line-map.js';
import { fingerprintOf } from './fingerprint.js';
import { toFinding } from './to-finding.js';
import { isGitCryptText } from './encrypted-content.js';
import { BINARY_PROBE_BYTES } from './is-binary-content.js';
import { loadSecretlint } from './secretlint-adapter.js';
import { SKIPPED_BINARY, SKIPPED_GIT_CRYPT, skippedTooLarge } from './messages.js';
import type { Candidate } from './detector.js';

export interface ScanOptions {
  config: SecretsConfig;
  /** Fingerprints (rule + secret hash) of accepted findings. */
  baseline?: ReadonlySet<string>;
  /** Honour `gitward:allow` on the line; default `config.allow.inlineComments`. */
  inlineAllow?: boolean;
  /** Path allowlist, injected: glob matching lives in policy/. */
  isPathAllowed?: (path: string) => boolean;
}

export interface SecretScanner {
  /** Synchronous unless secretlint's second opinion is needed for this fragment. */
  scan(fragment: Fragment): Finding[] | Promise<Finding[]>;
  readonly skipped: SkippedItem[];
}

function skipReason(text: string, maxFileSize: number): Pick<SkippedItem, 'reason' | 'detail'> | undefined {
  if (text.length > maxFileSize || (text.length * 3 > maxFileSize && Buffer.byteLength(text) > maxFileSize)) {
    return { reason: 'too-large', detail: skippedTooLarge(Buffer.byteLength(text), maxFileSize) };
  }
  if (isGitCryptText(text)) return { reason: 'encrypted', detail: SKIPPED_GIT_CRYPT };
  return text.slice(0, BINARY_PROBE_BYTES).includes('\0') ? { reason: 'binary', detail: SKIPPED_BINARY } : undefined;
}

function toFindings(fragment: Fragment, candidates: Candidate[], suppressor: Suppressor): Finding[] {
  const lines = createLineMap(fragment.text, fragment.lineNumbers);
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    if (suppressor.isDisabled(candidate.ruleId)) continue;
    const fingerprint = fingerprintOf(candidate.ruleId, candidate.secret);
    const lineText = lines.lineText(candidate.start);
    if (suppressor.isSuppressed({ ruleId: candidate.ruleId, secret: candidate.secret, fingerprint, lineText })) continue;
    findings.push(toFinding(fragment, candidate, lines, fingerprint));
  }
  return findings;
}

/** secretlint's gap rules; reports overlapping one of gitward's candidates are dropped (gitward's verdict stands). */
async function withSecretlint(fragment: Fragment, candidates: Candidate[]): Promise<Candidate[]> {
  const lint = await loadSecretlint();
  const extra = (await lint(fragment.text, fragment.path))
    .filter((hit) => hit.end > hit.start && !candidates.some((c) => hit.start < c.end && hit.end > c.start))
    .map((hit): Candidate => ({
      ruleId: `secretlint/${hit.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')}`, start: hit.start, end: hit.end,
      secret: fragment.text.slice(hit.start, hit.end), confidence: 'medium', message: `secretlint ${hit.ruleId} (${hit.messageId})`, priority: 0,
    }));
  return [...candidates, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * The streaming scanner: one fragment at a time, keeping only skipped items and a bounded dedupe
 * cache, so memory stays flat over a whole history. Findings are returned, not kept.
 */
export function createSecretScanner(options: ScanOptions): SecretScanner {
  const { config } = options;
  const engine = createDetectionEngine(config);
  const suppressor = createSuppressor(config, options);
  const cache = createDetectionCache();
  const skipped: SkippedItem[] = [];
  return {
    skipped,
    scan(fragment) {
      const skip = skipReason(fragment.text, config.maxFileSize);
      if (skip) {
        skipped.push({ file: fragment.path, ...skip, ...(fragment.commit ? { commit: fragment.commit } : {}) });
        return [];
      }
      if (options.isPathAllowed?.(fragment.path)) return [];
      const detection = cache.detect(fragment, engine);
      if (!detection) return [];
      if (!config.secretlint || !detection.needsSecretlint) return toFindings(fragment, detection.candidates, suppressor);
      return withSecretlint(fragment, detection.candidates).then((all) => toFindings(fragment, all, suppressor));
    },
  };
}
