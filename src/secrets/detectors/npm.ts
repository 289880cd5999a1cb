import { decodeBase64Text, hasBase62Crc32 } from '../codec.js';
import { isNotASecret } from '../placeholders.js';
import { PRIORITY, isGlued, matchAt, type Candidate, type Detector } from '../detector.js';

const TOKEN_RE = /npm_([A-Za-z0-9]{30})([A-Za-z0-9]{6})(?![A-Za-z0-9_])/y;
/** `.npmrc` credentials for any registry: `//host/:_authToken=…`, `_auth=` (base64 user:pass), `_password=`. */
const NPMRC_RE = /(_authToken|_auth|_password)\s*=\s*["']?([^\s"'#;]+)/iy;

function npmToken(text: string, at: number): Candidate | undefined {
  const m = matchAt(TOKEN_RE, text, at);
  // Same checksum scheme as GitHub; a failed checksum is not a token npm issued (not reported).
  if (!m || isGlued(text, at) || !hasBase62Crc32(m[1]!, m[2]!)) return undefined;
  return { ruleId: 'npm-token', start: at, end: at + m[0].length, secret: m[0], confidence: 'high', message: 'npm access token (checksum valid)', publicPrefix: 'npm_', priority: PRIORITY.vendor };
}

function npmrcEntry(text: string, at: number): Candidate | undefined {
  // Only a whole .npmrc key (line start or after `//registry/:`), not `db_password = …` in code.
  if (at > 0 && !/[:\s]/.test(text.charAt(at - 1))) return undefined;
  const m = matchAt(NPMRC_RE, text, at);
  if (!m) return undefined;
  const [, field, value] = m as unknown as [string, string, string];
  // npm_ tokens are judged by their checksum above; references and placeholders are not secrets.
  if (value.startsWith('npm_') || isNotASecret(value) || value.length < 8) return undefined;
  const start = at + m[0].length - value.length;
  const decodedPair = field.toLowerCase() === '_auth' ? decodeBase64Text(value)?.includes(':') === true : false;
  return {
    ruleId: 'npmrc-auth', start, end: start + value.length, secret: value, confidence: decodedPair ? 'high' : 'medium',
    message: `.npmrc registry credential (${field}${decodedPair ? ', decodes to user:password' : ''})`, priority: PRIORITY.vendor - 1,
  };
}

export const npmDetector: Detector = {
  rules: [
    { id: 'npm-token', description: 'npm access token (`npm_`); CRC32 checksum verified offline' },
    { id: 'npmrc-auth', description: '.npmrc `_authToken`, `_auth` or `_password` for any registry' },
  ],
  keywords: ['npm_', '_authtoken', '_auth', '_password'],
  detect({ text, hits }) {
    const found: Candidate[] = [];
    let last = -1;
    for (const at of hits) {
      if (at <= last) continue; // `_auth` also hits inside `_authToken`
      const hit = text.startsWith('npm_', at) ? npmToken(text, at) : npmrcEntry(text, at);
      if (hit) {
        found.push(hit);
        last = hit.end;
      }
    }
    return found;
  },
};
