import { randomBytes, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Secret samples built at run time, so this repository never contains a live-looking token
 * (gitward's own hooks and forge push protection would rightly block it). Every call is random;
 * checksummed formats get a valid checksum unless asked otherwise.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomFrom(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export function randomBase62(length: number): string {
  return randomFrom(BASE62, length);
}

export function randomHex(length: number): string {
  return randomFrom('0123456789abcdef', length);
}

export function randomDigits(length: number): string {
  return String(randomInt(1, 10)) + randomFrom('0123456789', length - 1);
}

export function base62(value: number, width: number): string {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, '0');
}

/** Random text that contains none of the engine's placeholder stopwords (so it cannot read as `test`/`xxxx`). */
export function randomClean(alphabet: string, length: number): string {
  for (;;) {
    const value = randomFrom(alphabet, length);
    if (!/test|fake|mock|xxxx|todo|fixme|sample|dummy|lorem|foobar|qwerty|abcdef|123456|invalid|insert|replace|sandbox|example|redacted|your|(.)\1{3}/i.test(value)) return value;
  }
}

/** A GitHub classic token shape with a valid CRC32 checksum (prefix + 30 random + 6 checksum chars). */
export function githubToken(prefix = 'ghp_'): string {
  const body = randomBase62(30);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}

/** The same shape with a checksum that does not match (a typo, truncation or made-up fixture). */
export function invalidChecksumToken(prefix = 'ghp_'): string {
  const body = randomBase62(30);
  const good = base62(crc32(body), 6);
  let bad = randomBase62(6);
  while (bad === good) bad = randomBase62(6);
  return `${prefix}${body}${bad}`;
}

export function npmToken(): string {
  return githubToken('npm_');
}

export function githubFineGrainedPat(): string {
  return `github_pat_${randomBase62(22)}_${randomBase62(59)}`;
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export function jwt(claims: Record<string, unknown> = {}): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const now = Math.floor(Date.now() / 1000);
  const payload = b64url(JSON.stringify({ sub: randomBase62(12), iat: now, exp: now + 3600, ...claims }));
  return `${header}.${payload}.${b64url(randomBytes(32))}`;
}

/** GitHub's stateless installation token (2026): `ghs_<app id>_<JWT>`. */
export function githubStatelessAppToken(): string {
  const appId = randomDigits(7);
  return `ghs_${appId}_${jwt({ iss: appId, installation_id: Number(randomDigits(8)), repository_ids: [Number(randomDigits(9))] })}`;
}

/** GitLab routable token: base64url(payload + 16 random bytes + length byte) + `.01.` + base36 length + base36 CRC32. */
export function gitlabRoutableToken(prefix = 'glpat-', options: { breakChecksum?: boolean } = {}): string {
  const routing = `o:${randomInt(1, 99999).toString(36)}\nu:${randomInt(1, 9999999).toString(36)}`;
  const random = randomBytes(16);
  const payload = Buffer.concat([Buffer.from(routing), random, Buffer.from([random.length])]).toString('base64url');
  const body = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, '0')}`;
  const crc = crc32(body).toString(36).padStart(7, '0');
  return `${body}${options.breakChecksum ? (crc.endsWith('0') ? `${crc.slice(0, 6)}1` : `${crc.slice(0, 6)}0`) : crc}`;
}

export function gitlabLegacyToken(prefix = 'glpat-'): string {
  return `${prefix}${randomClean(`${BASE62}-_`, 20)}`;
}

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** An AWS key id that encodes `account` the way AWS does (bits 1..40 of the first 6 decoded bytes). */
export function awsKeyId(prefix = 'AKIA', account = randomInt(100000000000, 999999999999)): { keyId: string; account: string } {
  const high = account * 128 + randomInt(128);
  const bytes = Buffer.alloc(10);
  bytes.writeUIntBE(high, 0, 6);
  randomBytes(4).copy(bytes, 6);
  return { keyId: `${prefix}${base32(bytes)}`, account: String(account).padStart(12, '0') };
}

export function awsSecretKey(): string {
  return randomClean(`${BASE62}+/`, 40);
}

/** A generated password as password managers make them: every character class present. */
export function randomPassword(length = 16): string {
  for (;;) {
    const value = randomClean(`${BASE62}!#%&*+-=?^_~`, length);
    if (/[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && /[^A-Za-z0-9]/.test(value)) return value;
  }
}

export function randomSecret(length = 32): string {
  return randomClean(BASE62, length);
}
