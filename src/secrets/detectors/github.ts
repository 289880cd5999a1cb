import { hasBase62Crc32, decodeJsonObject } from '../codec.js';
import { PRIORITY, isGlued, matchAt, type Candidate, type Detector, type DetectInput } from '../detector.js';

const CLASSIC: Record<string, { id: string; name: string }> = {
  ghp_: { id: 'github-pat', name: 'GitHub personal access token (classic)' },
  gho_: { id: 'github-oauth-token', name: 'GitHub OAuth access token' },
  ghu_: { id: 'github-user-token', name: 'GitHub App user-to-server token' },
  ghr_: { id: 'github-refresh-token', name: 'GitHub refresh token' },
  ghs_: { id: 'github-app-token', name: 'GitHub App installation token' },
};

const CLASSIC_RE = /(gh[pousr]_)([A-Za-z0-9]{30})([A-Za-z0-9]{6})(?![A-Za-z0-9_])/y;
/** Stateless installation tokens (2026): `ghs_<app id>_<JWT>`, ~520 chars, no fixed length, no checksum. */
const STATELESS_RE = /ghs_([A-Za-z0-9]+)_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/y;
const FINE_GRAINED_RE = /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/y;

function classic(text: string, at: number): Candidate | undefined {
  const m = matchAt(CLASSIC_RE, text, at);
  if (!m) return undefined;
  const [token, prefix, random, checksum] = m as unknown as [string, string, string, string];
  // A failed checksum means the string cannot authenticate (every token since 2021 carries one):
  // a typo, a truncation or a made-up fixture. Not reported (README, design notes).
  if (!hasBase62Crc32(random, checksum)) return undefined;
  const kind = CLASSIC[prefix]!;
  return { ruleId: kind.id, start: at, end: at + token.length, secret: token, confidence: 'high', message: `${kind.name} (checksum valid)`, publicPrefix: prefix, priority: PRIORITY.vendor };
}

function stateless(text: string, at: number): Candidate | undefined {
  const m = matchAt(STATELESS_RE, text, at);
  if (!m || m[0].length < 60) return undefined;
  const decodes = decodeJsonObject(m[2]!) !== undefined && decodeJsonObject(m[3]!) !== undefined;
  return {
    ruleId: 'github-app-token', start: at, end: at + m[0].length, secret: m[0], confidence: decodes ? 'high' : 'medium',
    message: `GitHub App installation token (stateless JWT format${decodes ? ', header and payload decode' : ''})`,
    publicPrefix: 'ghs_', priority: PRIORITY.vendor,
  };
}

function fineGrained(text: string, at: number): Candidate | undefined {
  const m = matchAt(FINE_GRAINED_RE, text, at);
  if (!m) return undefined;
  return { ruleId: 'github-fine-grained-pat', start: at, end: at + m[0].length, secret: m[0], confidence: 'medium', message: 'GitHub fine-grained personal access token', publicPrefix: 'github_pat_', priority: PRIORITY.vendor };
}

export const githubDetector: Detector = {
  rules: [
    ...Object.values(CLASSIC).map((k) => ({
      id: k.id,
      description: k.id === 'github-app-token'
        ? `${k.name}: classic (CRC32 checksum verified offline) or stateless \`ghs_<app id>_<JWT>\` (JWT parts decode)`
        : `${k.name}; CRC32 checksum verified offline`,
    })),
    { id: 'github-fine-grained-pat', description: 'GitHub fine-grained personal access token (`github_pat_`)' },
  ],
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghr_', 'ghs_', 'github_pat_'],
  detect({ text, hits }: DetectInput): Candidate[] {
    const found: Candidate[] = [];
    for (const at of hits) {
      if (isGlued(text, at)) continue;
      // Sticky regexes are case-sensitive, so upper-case look-alikes (`GHP_`) fail at once.
      const hit = fineGrained(text, at) ?? classic(text, at) ?? stateless(text, at);
      if (hit) found.push(hit);
    }
    return found;
  },
};
