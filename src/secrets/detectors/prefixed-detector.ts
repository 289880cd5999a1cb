import { isPlaceholderToken } from '../placeholders.js';
import { PRIORITY, isGlued, matchAt, type Candidate, type Detector } from '../detector.js';

/** A vendor token recognized by its prefix and shape (no checksum exists for these). */
export interface PrefixedRule {
  id: string;
  name: string;
  keywords: string[];
  /** Sticky at the keyword hit; with `anywhere`, global and run once over the whole text. */
  pattern: RegExp;
  /** The keyword is context, not the token's start (Twilio, Azure AD secrets). */
  anywhere?: boolean;
  /** Capture group holding the secret when it is not the whole match. */
  secretGroup?: number;
  /** Public prefix kept in the redacted preview (a RegExp picks it from the secret). */
  publicPrefix?: string | RegExp;
  /** Structure check: passing makes the finding high confidence, failing drops it. */
  check?: (secret: string) => boolean;
}

function toCandidate(rule: PrefixedRule, m: RegExpExecArray, index: number): Candidate | undefined {
  const group = rule.secretGroup ?? 0;
  const secret = m[group];
  if (secret === undefined) return undefined;
  const start = index + (group === 0 ? 0 : m[0].indexOf(secret));
  const checked = rule.check ? rule.check(secret) : undefined;
  if (checked === false || (checked === undefined && isPlaceholderToken(secret))) return undefined;
  const prefix = typeof rule.publicPrefix === 'string' ? rule.publicPrefix : rule.publicPrefix?.exec(secret)?.[0];
  return {
    ruleId: rule.id, start, end: start + secret.length, secret, confidence: checked ? 'high' : 'medium',
    message: `${rule.name}${checked ? ' (structure check passed)' : ''}`,
    ...(prefix ? { publicPrefix: prefix } : {}), priority: PRIORITY.vendor,
  };
}

function scanAnywhere(rule: PrefixedRule, text: string): Candidate[] {
  const found: Candidate[] = [];
  rule.pattern.lastIndex = 0;
  for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
    const hit = toCandidate(rule, m, m.index);
    if (hit) found.push(hit);
  }
  return found;
}

export function prefixedDetector(rule: PrefixedRule): Detector {
  return {
    rules: [{ id: rule.id, description: rule.name }],
    keywords: rule.keywords,
    detect({ text, hits }) {
      if (rule.anywhere) return scanAnywhere(rule, text);
      const found: Candidate[] = [];
      for (const at of hits) {
        if (isGlued(text, at, /[A-Za-z0-9]/)) continue;
        const m = matchAt(rule.pattern, text, at);
        const hit = m ? toCandidate(rule, m, at) : undefined;
        if (hit) found.push(hit);
      }
      return found;
    },
  };
}
