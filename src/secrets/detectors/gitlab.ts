import { crc32Of, decodeBase64 } from '../codec.js';
import { isPlaceholderToken } from '../placeholders.js';
import { PRIORITY, isGlued, matchAt, type Candidate, type Detector } from '../detector.js';

const KINDS: Record<string, string> = {
  'glpat-': 'GitLab personal, project or group access token',
  'gldt-': 'GitLab deploy token',
  'glrt-': 'GitLab runner authentication token',
  'glptt-': 'GitLab pipeline trigger token',
  'glft-': 'GitLab feed token',
  'gloas-': 'GitLab OAuth application secret',
  'glagent-': 'GitLab agent for Kubernetes token',
};
const PREFIX = '(glpat-|gldt-|glrt-|glptt-|glft-|gloas-|glagent-)';
/**
 * Routable tokens (GitLab 17.x+): prefix + base64url payload + `.` + optional 2-char version + `.`
 * + 2-char base36 payload length + 7-char base36 CRC32 of everything before it.
 */
const ROUTABLE_RE = new RegExp(`${PREFIX}([A-Za-z0-9_-]{27,300})\\.(?:([0-9a-z]{2})\\.)?([0-9a-z]{2})([0-9a-z]{7})(?![A-Za-z0-9_.-])`, 'y');
const LEGACY_RE = new RegExp(`${PREFIX}([A-Za-z0-9_-]{20})(?![A-Za-z0-9_.-])`, 'y');

export function isValidRoutableToken(token: string, payload: string, lengthHolder: string): boolean {
  const crc = crc32Of(token.slice(0, -7)).toString(36).padStart(7, '0');
  return crc === token.slice(-7) && parseInt(lengthHolder, 36) === payload.length && decodeBase64(payload, true) !== undefined;
}

function routable(text: string, at: number): Candidate | undefined {
  const m = matchAt(ROUTABLE_RE, text, at);
  if (!m) return undefined;
  // A wrong CRC is a made-up or damaged value, as with GitHub tokens: not reported.
  if (!isValidRoutableToken(m[0], m[2]!, m[4]!)) return undefined;
  return candidate(m[1]!, at, m[0], 'high', `${KINDS[m[1]!]} (routable format, checksum valid)`);
}

function legacy(text: string, at: number): Candidate | undefined {
  const m = matchAt(LEGACY_RE, text, at);
  if (!m || isPlaceholderToken(m[2]!)) return undefined;
  return candidate(m[1]!, at, m[0], 'medium', `${KINDS[m[1]!]} (legacy format, no checksum)`);
}

function candidate(prefix: string, at: number, token: string, confidence: 'high' | 'medium', message: string): Candidate {
  const ruleId = prefix === 'glpat-' ? 'gitlab-pat' : 'gitlab-token';
  return { ruleId, start: at, end: at + token.length, secret: token, confidence, message, publicPrefix: prefix, priority: PRIORITY.vendor };
}

export const gitlabDetector: Detector = {
  rules: [
    { id: 'gitlab-pat', description: 'GitLab access token (`glpat-`); routable tokens have their CRC32 verified offline' },
    { id: 'gitlab-token', description: 'Other GitLab tokens: deploy, runner, trigger, feed, OAuth secret, agent' },
  ],
  keywords: Object.keys(KINDS),
  detect({ text, hits }) {
    const found: Candidate[] = [];
    for (const at of hits) {
      if (isGlued(text, at)) continue;
      const hit = routable(text, at) ?? legacy(text, at);
      if (hit) found.push(hit);
    }
    return found;
  },
};
