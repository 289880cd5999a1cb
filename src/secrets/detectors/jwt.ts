import { createHmac } from 'node:crypto';
import { decodeJsonObject } from '../codec.js';
import { isDocumentationExample } from '../placeholders.js';
import { PRIORITY, isGlued, matchAt, type Candidate, type Detector } from '../detector.js';

/** header.payload.signature, both JSON parts start with `{"` = `eyJ`; an unsigned token is no credential. */
const JWT_RE = /(eyJ[A-Za-z0-9_-]{8,})\.(eyJ[A-Za-z0-9_-]{8,})\.([A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-]|\.[A-Za-z0-9_-])/y;

function metadataOf(header: Record<string, unknown>, payload: Record<string, unknown>): Record<string, string> {
  const metadata: Record<string, string> = { alg: String(header.alg) };
  if (typeof payload.iss === 'string') metadata.iss = payload.iss.slice(0, 100);
  if (typeof payload.exp === 'number' && Number.isFinite(payload.exp)) {
    const expires = new Date(payload.exp * 1000);
    if (!Number.isNaN(expires.getTime())) metadata.expires = expires.toISOString();
  }
  return metadata;
}

/** Keys documentation signs its sample tokens with (jwt.io's default, library READMEs). */
const EXAMPLE_KEYS = ['secret', 'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'key', 'mysecret', 'supersecret', 'changeme', 'test', 'secretkey', 'my-secret'];
const HMAC_HASH: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** An HMAC token that verifies with a documentation key is a README example, not a credential. */
function isSignedWithExampleKey(alg: string, signingInput: string, signature: string): boolean {
  const hash = HMAC_HASH[alg];
  return hash !== undefined && EXAMPLE_KEYS.some((key) => createHmac(hash, key).update(signingInput).digest('base64url') === signature);
}

function jwtAt(text: string, at: number): Candidate | undefined {
  const m = matchAt(JWT_RE, text, at);
  if (!m || isGlued(text, at, /[A-Za-z0-9]/) || isDocumentationExample(m[3]!)) return undefined;
  const header = decodeJsonObject(m[1]!);
  const payload = decodeJsonObject(m[2]!);
  // Structure check: both parts must decode to JSON objects and the header must name an algorithm.
  if (!header || !payload || typeof header.alg !== 'string') return undefined;
  if (isSignedWithExampleKey(header.alg, `${m[1]}.${m[2]}`, m[3]!)) return undefined;
  return {
    ruleId: 'jwt', start: at, end: at + m[0].length, secret: m[0], confidence: 'high',
    message: `JSON Web Token (alg ${String(header.alg)}; header and payload decode)`, publicPrefix: 'eyJ',
    metadata: metadataOf(header, payload), priority: PRIORITY.vendor - 1,
  };
}

export const jwtDetector: Detector = {
  rules: [{ id: 'jwt', description: 'JSON Web Token whose header and payload decode to JSON (structure check)' }],
  keywords: ['eyj'],
  detect({ text, hits }) {
    const found: Candidate[] = [];
    let last = -1;
    for (const at of hits) {
      if (at < last) continue; // the payload's `eyJ` is a hit too
      const hit = jwtAt(text, at);
      if (hit) {
        found.push(hit);
        last = hit.end;
      }
    }
    return found;
  },
};
