import { decodeBase64Text } from '../codec.js';
import { isNotASecret } from '../placeholders.js';
import { PRIORITY, type Candidate, type Detector } from '../detector.js';

/** `~/.docker/config.json` and `.dockerconfigjson`: `"auths": {"host": {"auth": base64(user:password)}}`. */
const AUTH_RE = /"auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/g;

export const dockerConfigDetector: Detector = {
  rules: [{ id: 'docker-config-auth', description: 'Registry credential in a Docker config `auths` entry (must decode to user:password)' }],
  keywords: ['"auths"'],
  detect({ text }) {
    const found: Candidate[] = [];
    AUTH_RE.lastIndex = 0;
    for (let m = AUTH_RE.exec(text); m; m = AUTH_RE.exec(text)) {
      const pair = decodeBase64Text(m[1]!);
      const colon = pair?.indexOf(':') ?? -1;
      if (!pair || colon < 1 || isNotASecret(pair.slice(colon + 1))) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      found.push({
        ruleId: 'docker-config-auth', start, end: start + m[1]!.length, secret: pair, confidence: 'high',
        message: 'Docker registry credential (auth decodes to user:password)', priority: PRIORITY.vendor,
      });
    }
    return found;
  },
};
