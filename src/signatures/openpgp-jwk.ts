import type { JsonWebKey } from 'node:crypto';
import { base64url } from './wire-reader.js';

/** OpenPGP public-key algorithm ids (RFC 9580 §9.1) that gitward handles. */
export const PGP_ALGO = { rsa: 1, rsaSign: 3, ecdsa: 19, eddsaLegacy: 22, ed25519: 27, ed448: 28 } as const;

/** Algorithms that can make signatures at all (encryption-only keys never sign). */
const SIGNING_ALGORITHMS = new Set([1, 3, 17, 19, 22, 27, 28]);

/** ECDSA curves by openpgp.js curve name: JWK curve and field size in bytes. */
const ECDSA_CURVES: Record<string, { crv: string; size: number }> = {
  nistP256: { crv: 'P-256', size: 32 },
  nistP384: { crv: 'P-384', size: 48 },
  nistP521: { crv: 'P-521', size: 66 },
  secp256k1: { crv: 'secp256k1', size: 32 },
};

export function isSigningAlgorithm(algorithm: number): boolean {
  return SIGNING_ALGORITHMS.has(algorithm);
}

interface CurveOid {
  getName(): string;
}

/** What openpgp.js puts in `keyPacket.publicParams`, by algorithm. */
interface PublicParams {
  n?: Uint8Array;
  e?: Uint8Array;
  oid?: CurveOid;
  Q?: Uint8Array;
  A?: Uint8Array;
}

/**
 * Turns openpgp.js public parameters into a JWK for node:crypto, so signatures are checked by
 * OpenSSL (see the README's design notes). Keys node cannot import come back as `unsupported`.
 */
export function publicParamsToJwk(algorithm: number, params: PublicParams): { jwk: JsonWebKey } | { unsupported: string } {
  switch (algorithm) {
    case PGP_ALGO.rsa:
    case PGP_ALGO.rsaSign:
      if (!params.n || !params.e) break;
      return { jwk: { kty: 'RSA', n: base64url(stripZeros(params.n)), e: base64url(stripZeros(params.e)) } };
    case PGP_ALGO.ecdsa: {
      const name = params.oid?.getName() ?? 'unknown';
      const curve = ECDSA_CURVES[name];
      if (!curve || !params.Q) return { unsupported: `ECDSA on curve ${name} is not supported (use NIST P-256/384/521)` };
      if (params.Q[0] !== 4 || params.Q.length !== 1 + 2 * curve.size) break;
      const x = params.Q.subarray(1, 1 + curve.size);
      return { jwk: { kty: 'EC', crv: curve.crv, x: base64url(x), y: base64url(params.Q.subarray(1 + curve.size)) } };
    }
    case PGP_ALGO.eddsaLegacy: {
      const name = params.oid?.getName() ?? 'unknown';
      if (name !== 'ed25519Legacy') return { unsupported: `EdDSA on curve ${name} is not supported` };
      // Legacy EdDSA stores the point as 0x40 || 32 bytes (RFC 4880bis "native" point format).
      if (!params.Q || params.Q[0] !== 0x40 || params.Q.length !== 33) break;
      return { jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url(params.Q.subarray(1)) } };
    }
    case PGP_ALGO.ed25519:
    case PGP_ALGO.ed448:
      if (!params.A) break;
      return { jwk: { kty: 'OKP', crv: algorithm === PGP_ALGO.ed25519 ? 'Ed25519' : 'Ed448', x: base64url(params.A) } };
    default:
      return { unsupported: `OpenPGP public-key algorithm ${algorithm} is not supported for signatures (use Ed25519, RSA or ECDSA)` };
  }
  return { unsupported: `malformed public key for algorithm ${algorithm}` };
}

function stripZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
