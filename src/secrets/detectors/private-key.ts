import { decodeBase64 } from '../codec.js';
import { redact } from '../redact.js';
import { PRIORITY, matchAt, type Candidate, type Detector } from '../detector.js';

const HEADER_RE = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/y;
const PUTTY_RE = /PuTTY-User-Key-File-[23]: ([\w-]+)[^]{0,2000}?Private-Lines: (\d+)\r?\n/y;
const MAX_BLOCK = 64 * 1024;

/**
 * The base64 body without armor headers (`Proc-Type:`, `Version:`), the PGP CRC line, and the
 * `\n` escapes of keys embedded in JSON strings (GCP service-account files).
 */
export function keyBody(block: string): string {
  return block
    .replace(/\\r|\\n/g, '\n')
    .split('\n')
    .map((line) => line.trim().replace(/^["']|["'],?$/g, ''))
    .filter((line) => line !== '' && !line.includes(':') && !/^=[A-Za-z0-9+/]{4}$/.test(line))
    .join('');
}

/** Structure check per kind: DER SEQUENCE, the OpenSSH magic, or an OpenPGP secret-key packet. */
function hasKeyStructure(label: string, bytes: Buffer): boolean {
  if (label.startsWith('OPENSSH')) return bytes.subarray(0, 15).toString('latin1') === 'openssh-key-v1\0';
  if (label.startsWith('PGP')) {
    const tagByte = bytes[0] ?? 0;
    const tag = tagByte & 0x40 ? tagByte & 0x3f : (tagByte >> 2) & 0x0f;
    return (tagByte & 0x80) !== 0 && (tag === 5 || tag === 7);
  }
  return bytes[0] === 0x30;
}

function pemAt(text: string, at: number): Candidate | undefined {
  const m = matchAt(HEADER_RE, text, at);
  if (!m) return undefined;
  const label = m[1]!;
  const footer = `-----END ${label}-----`;
  const close = text.indexOf(footer, at + m[0].length);
  if (close < 0 || close - at > MAX_BLOCK) return undefined;
  const body = keyBody(text.slice(at + m[0].length, close));
  const bytes = body.length >= 64 ? decodeBase64(body) : undefined;
  // "…", "<your key here>" or a truncated body: a placeholder, not a key.
  if (!bytes) return undefined;
  const structured = hasKeyStructure(label, bytes);
  return {
    ruleId: 'private-key', start: at, end: close + footer.length, secret: body, confidence: structured ? 'high' : 'medium',
    message: `${label.replace(' BLOCK', '')} block (${structured ? 'body decodes to a key structure' : 'body decodes'})`,
    preview: `-----BEGIN ${label}----- ${redact(body)}`, priority: PRIORITY.vendor,
  };
}

function puttyAt(text: string, at: number): Candidate | undefined {
  const m = matchAt(PUTTY_RE, text, at);
  if (!m) return undefined;
  const lines = text.slice(at + m[0].length).split('\n', Number(m[2])).map((l) => l.trim());
  const body = lines.join('');
  if (body.length < 32 || !decodeBase64(body)) return undefined;
  const end = at + m[0].length + lines.join('\n').length;
  return {
    ruleId: 'private-key', start: at, end, secret: body, confidence: 'high', message: `PuTTY private key (${m[1]}; private lines decode)`,
    preview: `PuTTY-User-Key-File ${redact(body)}`, priority: PRIORITY.vendor,
  };
}

export const privateKeyDetector: Detector = {
  rules: [{ id: 'private-key', description: 'Private key blocks: PEM (RSA, EC, DSA, PKCS#8, encrypted), OpenSSH, PGP, PuTTY; the body must decode' }],
  keywords: ['-----begin ', 'putty-user-key-file-'],
  detect({ text, hits }) {
    const found: Candidate[] = [];
    for (const at of hits) {
      const hit = text.charCodeAt(at) === 45 ? pemAt(text, at) : puttyAt(text, at);
      if (hit) found.push(hit);
    }
    return found;
  },
};
