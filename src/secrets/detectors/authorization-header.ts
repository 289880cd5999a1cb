import { decodeBase64Text } from '../codec.js';
import { isNotASecret, isTemplateReference } from '../placeholders.js';
import { scoreValue } from '../secret-score.js';
import { PRIORITY, type Candidate, type Detector } from '../detector.js';

const HEADER_RE = /authorization["']?\s*[:=,]\s*["']?(Bearer|Basic|Token)\s+([A-Za-z0-9._~+/=-]{12,})/gi;

function verdict(scheme: string, credential: string): 'high' | 'medium' | 'low' | undefined {
  if (isTemplateReference(credential) || isNotASecret(credential)) return undefined;
  if (scheme.toLowerCase() === 'basic') {
    const pair = decodeBase64Text(credential);
    return pair?.includes(':') && !isNotASecret(pair.slice(pair.indexOf(':') + 1)) ? 'high' : undefined;
  }
  return scoreValue(credential, 'secret');
}

export const authorizationHeaderDetector: Detector = {
  rules: [{ id: 'authorization-header', description: 'Credential in an HTTP Authorization header (Bearer/Token scored; Basic must decode to user:password)' }],
  keywords: ['authorization'],
  detect({ text }) {
    const found: Candidate[] = [];
    HEADER_RE.lastIndex = 0;
    for (let m = HEADER_RE.exec(text); m; m = HEADER_RE.exec(text)) {
      const [, scheme, credential] = m as unknown as [string, string, string];
      const confidence = verdict(scheme, credential);
      if (!confidence) continue;
      const start = m.index + m[0].length - credential.length;
      found.push({
        ruleId: 'authorization-header', start, end: start + credential.length, secret: credential, confidence,
        message: `${scheme} credential in an Authorization header${confidence === 'high' ? ' (decodes to user:password)' : ''}`, priority: PRIORITY.vendor - 2,
      });
    }
    return found;
  },
};
