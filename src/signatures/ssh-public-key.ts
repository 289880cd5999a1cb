import { createHash, type JsonWebKey } from 'node:crypto';
import { WireReader, base64url } from './wire-reader.js';

/** ECDSA curve names in SSH key types, with the JWK curve, the hash SSH uses with it, and the field size. */
export const SSH_ECDSA_CURVES: Record<string, { crv: string; hash: string; size: number }> = {
  nistp256: { crv: 'P-256', hash: 'sha256', size: 32 },
  nistp384: { crv: 'P-384', hash: 'sha384', size: 48 },
  nistp521: { crv: 'P-521', hash: 'sha512', size: 66 },
};

export interface SshPublicKey {
  keyType: string;
  blob: string;
  fingerprint: string;
  jwk?: JsonWebKey;
  unsupported?: string;
}

/** `SHA256:` + unpadded base64 of the blob's digest: what ssh-keygen -l prints. */
export function sshFingerprint(blob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Decodes a public key blob into a JWK node:crypto can import; unknown types are kept as unsupported. */
export function decodeSshPublicKey(blob: Uint8Array): SshPublicKey {
  const reader = new WireReader(blob);
  const keyType = reader.text();
  const base = { keyType, blob: Buffer.from(blob).toString('base64'), fingerprint: sshFingerprint(blob) };
  if (keyType === 'ssh-ed25519') {
    const x = reader.string();
    if (x.length !== 32) throw new Error('ssh-ed25519 key must be 32 bytes');
    return { ...base, jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url(x) } };
  }
  if (keyType === 'ssh-rsa') {
    const e = reader.mpint();
    const n = reader.mpint();
    return { ...base, jwk: { kty: 'RSA', n: base64url(n), e: base64url(e) } };
  }
  const curve = keyType.startsWith('ecdsa-sha2-') ? SSH_ECDSA_CURVES[keyType.slice('ecdsa-sha2-'.length)] : undefined;
  if (curve) {
    reader.text(); // the curve name again
    const q = reader.string();
    if (q[0] !== 4 || q.length !== 1 + 2 * curve.size) throw new Error(`${keyType} key point is not uncompressed`);
    const x = q.subarray(1, 1 + curve.size);
    const y = q.subarray(1 + curve.size);
    return { ...base, jwk: { kty: 'EC', crv: curve.crv, x: base64url(x), y: base64url(y) } };
  }
  return { ...base, unsupported: `SSH key type ${keyType} is not supported (use ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa)` };
}

/** Parses a public key line `type base64 [comment]`; the type must match the blob's own type. */
export function parseSshKeyLine(line: string): SshPublicKey & { comment?: string } {
  const [type, data, ...comment] = line.trim().split(/\s+/);
  if (!type || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new Error('expected `type base64 [comment]`');
  const key = decodeSshPublicKey(Buffer.from(data, 'base64'));
  if (key.keyType !== type) throw new Error(`key type ${type} does not match the key data (${key.keyType})`);
  return comment.length > 0 ? { ...key, comment: comment.join(' ') } : key;
}
