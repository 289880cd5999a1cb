import { decodeBase32 } from '../codec.js';
import { isDocumentationExample } from '../placeholders.js';
import { PRIORITY, isGlued, matchAt, type Candidate, type Detector } from '../detector.js';

/** Only credential key ids: AIDA/AROA/… are public principal ids, not secrets. */
const KEY_ID_RE = /(AKIA|ASIA|ABIA|ACCA)([A-Z0-9]{16})(?![A-Za-z0-9])/y;

/**
 * The 16 characters after the prefix are base32; bits 1..40 of the first 6 decoded bytes are the
 * owning account id. A string outside the base32 alphabet cannot be an issued key id.
 */
export function awsAccountIdOf(keyId: string): string | undefined {
  const bytes = decodeBase32(keyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + bytes[i]!;
  const account = Math.floor((value % 2 ** 47) / 128);
  return String(account).padStart(12, '0');
}

function keyId(text: string, at: number): Candidate | undefined {
  const m = matchAt(KEY_ID_RE, text, at);
  if (!m || isGlued(text, at, /[A-Za-z0-9]/) || isDocumentationExample(m[0])) return undefined;
  const account = awsAccountIdOf(m[0]);
  const temporary = m[1] === 'ASIA';
  return {
    ruleId: 'aws-access-key-id', start: at, end: at + m[0].length, secret: m[0],
    confidence: account ? 'high' : 'low',
    message: `AWS ${temporary ? 'temporary (STS) ' : ''}access key id${account ? ` of account ${account}` : ' (not valid base32)'}`,
    publicPrefix: m[1]!, priority: PRIORITY.vendor,
    ...(account ? { metadata: { awsAccountId: account } } : {}),
  };
}

export const awsDetector: Detector = {
  rules: [{ id: 'aws-access-key-id', description: 'AWS access key id (AKIA/ASIA/ABIA/ACCA); the account id is decoded into metadata.awsAccountId' }],
  keywords: ['akia', 'asia', 'abia', 'acca'],
  detect({ text, hits }) {
    const found: Candidate[] = [];
    for (const at of hits) {
      const hit = keyId(text, at);
      if (hit) found.push(hit);
    }
    return found;
  },
};
