import { crc32 } from 'node:zlib';

/** Small, dependency-free decoders shared by detectors (offline structure and checksum checks). */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function toBase62(value: number, width: number): string {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, '0');
}

export function crc32Of(text: string): number {
  return crc32(text);
}

/**
 * GitHub and npm token checksum: the last 6 base62 characters are the CRC32 of the random part
 * (the characters between the prefix and the checksum).
 */
export function hasBase62Crc32(random: string, checksum: string): boolean {
  return toBase62(crc32(random), 6) === checksum;
}

/** Strict base64/base64url decode: undefined unless every character is in the alphabet. */
export function decodeBase64(text: string, url = false): Buffer | undefined {
  const body = text.replace(/=+$/, '');
  const valid = url ? /^[A-Za-z0-9_-]*$/ : /^[A-Za-z0-9+/]*$/;
  if (body.length === 0 || body.length % 4 === 1 || !valid.test(body)) return undefined;
  return Buffer.from(body, url ? 'base64url' : 'base64');
}

/** Base64 that decodes to printable UTF-8 text (k8s Secret values, docker auths). */
export function decodeBase64Text(text: string): string | undefined {
  const bytes = decodeBase64(text) ?? decodeBase64(text, true);
  if (!bytes) return undefined;
  const decoded = bytes.toString('utf8');
  // U+FFFD means invalid UTF-8; control characters other than whitespace mean binary.
  return /[\uFFFD\x00-\x08\x0E-\x1F\x7F]/.test(decoded) ? undefined : decoded;
}

/** JSON object encoded as base64url (JWT parts, 1Password and Grafana tokens). */
export function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const text = decodeBase64(part, true)?.toString('utf8') ?? decodeBase64(part)?.toString('utf8');
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 4648 base32 (AWS key ids); undefined for any character outside A-Z2-7. */
export function decodeBase32(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const index = BASE32.indexOf(ch);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}
