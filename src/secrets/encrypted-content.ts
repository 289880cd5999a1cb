import { decodeBase64 } from './codec.js';

/**
 * Encrypted content looks random, so it must be recognized before the generic detector scores it:
 * SOPS files (YAML, JSON, dotenv, INI), Bitnami SealedSecrets and git-crypt blobs.
 */

/**
 * SOPS writes its metadata (with `mac` and `version`) into every file it encrypts: a top-level
 * `sops:` block (YAML), a `"sops": {` object (JSON), `sops_*=` lines (dotenv) or `[sops]` (INI).
 * Only the occurrences of `sops` are inspected: this runs on every file with a generic keyword hit.
 */
export function isSopsDocument(text: string): boolean {
  for (let at = text.indexOf('sops'); at !== -1; at = text.indexOf('sops', at + 4)) {
    const lineStart = at === 0 || text.charCodeAt(at - 1) === 10;
    const after = text.slice(at + 4, at + 16);
    if (lineStart && (/^:\s*$/m.test(after) || /^_(version|mac|lastmodified)=/.test(after))) return true;
    if (text.charAt(at - 1) === '"' && /^"\s*:\s*\{/.test(after)) return true;
    if (text.charAt(at - 1) === '[' && after.startsWith(']')) return true;
  }
  return false;
}

export function isSealedSecretDocument(text: string): boolean {
  // The substring test first: a multi-line regex over every file costs ~8% of a tree scan.
  return text.includes('SealedSecret') && /^\s*["']?kind["']?\s*:\s*["']?SealedSecret\b/m.test(text);
}

/** `ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`: one SOPS-encrypted value. */
export function isSopsValue(value: string): boolean {
  return /^ENC\[[A-Z0-9_]+,data:/.test(value);
}

/**
 * kubeseal's hybrid ciphertext: a 2-byte big-endian length of the RSA-encrypted session key
 * (256/384/512 bytes for 2048/3072/4096-bit keys), that key, then the AES-GCM payload. Recognizes
 * sealed values in a diff even when the `kind: SealedSecret` line is not among the added lines.
 */
export function isSealedCiphertext(value: string): boolean {
  if (value.length < 340 || !value.startsWith('Ag')) return false;
  const bytes = decodeBase64(value);
  if (!bytes || bytes.length < 4) return false;
  const keyLength = bytes.readUInt16BE(0);
  return [256, 384, 512].includes(keyLength) && bytes.length > keyLength + 2 + 16;
}

export function isEncryptedValue(value: string): boolean {
  return isSopsValue(value) || isSealedCiphertext(value);
}

/** git-crypt blobs start with "\0GITCRYPT\0"; read as text they keep that header. */
export function isGitCryptText(text: string): boolean {
  return text.startsWith('\0GITCRYPT\0');
}

export function isGitCryptBytes(bytes: Uint8Array): boolean {
  const header = [0, 71, 73, 84, 67, 82, 89, 80, 84, 0];
  return bytes.length >= header.length && header.every((b, i) => bytes[i] === b);
}
