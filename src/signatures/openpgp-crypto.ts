import { createHash, createVerify, verify, type KeyObject } from 'node:crypto';
import { PGP_ALGO } from './openpgp-jwk.js';
import type { OpenpgpSignature } from './parse-openpgp-signature.js';
import { leftPad } from './wire-reader.js';

/** node:crypto names of the OpenPGP hash algorithm ids gitward accepts (RFC 9580 §9.5). */
const HASHES: Record<number, string> = { 8: 'sha256', 9: 'sha384', 10: 'sha512', 11: 'sha224', 12: 'sha3-256', 14: 'sha3-512' };
/** ECDSA field sizes by OpenSSL curve name: r and s are padded to it. */
const CURVE_SIZES: Record<string, number> = { prime256v1: 32, secp384r1: 48, secp521r1: 66, secp256k1: 32 };
const WEAK_HASHES: Record<number, string> = { 1: 'MD5', 2: 'SHA-1', 3: 'RIPEMD-160' };

/** Why a signature's hash cannot be accepted, or undefined when it can. */
export function rejectedHash(id: number): string | undefined {
  if (HASHES[id]) return undefined;
  const weak = WEAK_HASHES[id];
  return weak ? `the signature uses the broken hash ${weak}` : `the signature uses unknown hash algorithm ${id}`;
}

/**
 * Checks an OpenPGP v4 signature over `payload` with node:crypto (OpenSSL): the digest covers the
 * payload, the hashed part of the signature packet and the v4 trailer 0x04 0xFF + its length
 * (RFC 4880 §5.2.4). RSA is PKCS#1 v1.5 and ECDSA standard, so OpenSSL hashes the data itself;
 * EdDSA signs the digest, which is computed here.
 */
export function checkOpenpgpSignature(sig: OpenpgpSignature, payload: Uint8Array, key: KeyObject): boolean {
  const hash = HASHES[sig.hashAlgorithm] as string;
  const parts = [sig.type === 0x01 ? canonicalText(payload) : payload, sig.hashedPart, trailer(sig.hashedPart.length)];
  const [first = new Uint8Array(0), second = new Uint8Array(0)] = sig.values;
  switch (sig.publicKeyAlgorithm) {
    case PGP_ALGO.rsa:
    case PGP_ALGO.rsaSign: {
      const size = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
      if (first.length > size) return false;
      return feed(createVerify(hash), parts).verify(key, leftPad(first, size));
    }
    case PGP_ALGO.ecdsa: {
      const size = CURVE_SIZES[key.asymmetricKeyDetails?.namedCurve ?? ''] ?? 0;
      if (first.length > size || second.length > size) return false;
      return feed(createVerify(hash), parts).verify({ key, dsaEncoding: 'ieee-p1363' }, Buffer.concat([leftPad(first, size), leftPad(second, size)]));
    }
    case PGP_ALGO.eddsaLegacy:
      if (first.length > 32 || second.length > 32) return false;
      return verify(null, digest(hash, parts), key, Buffer.concat([leftPad(first, 32), leftPad(second, 32)]));
    case PGP_ALGO.ed25519:
    case PGP_ALGO.ed448:
      return verify(null, digest(hash, parts), key, first);
    default:
      return false;
  }
}

function feed<T extends { update(data: Uint8Array): T }>(target: T, parts: Uint8Array[]): T {
  for (const part of parts) target.update(part);
  return target;
}

function digest(hash: string, parts: Uint8Array[]): Buffer {
  return feed(createHash(hash), parts).digest();
}

function trailer(hashedLength: number): Buffer {
  const out = Buffer.alloc(6);
  out[0] = 0x04;
  out[1] = 0xff;
  out.writeUInt32BE(hashedLength, 2);
  return out;
}

/** Text signatures (type 0x01) are made over the text with CRLF line ends (RFC 4880 §5.2.1). */
function canonicalText(payload: Uint8Array): Buffer {
  return Buffer.from(Buffer.from(payload).toString('latin1').replace(/\r\n|\r|\n/g, '\r\n'), 'latin1');
}
