import { createHash } from 'node:crypto';
import { WireReader, wireString } from './wire-reader.js';

/** An SSHSIG signature (OpenSSH PROTOCOL.sshsig), as `git commit -S` with `gpg.format=ssh` makes it. */
export interface SshSignature {
  publicKey: Uint8Array;
  namespace: string;
  reserved: Uint8Array;
  hashAlgorithm: string;
  /** Signature algorithm name: ssh-ed25519, ecdsa-sha2-nistp256, rsa-sha2-512, … */
  algorithm: string;
  /** The algorithm's signature bytes (for ECDSA: the wire-encoded mpints r and s). */
  value: Uint8Array;
}

const MAGIC = 'SSHSIG';

export function parseSshSignature(armored: string): SshSignature {
  const lines = armored.split(/\r?\n/).map((l) => l.trim());
  const begin = lines.indexOf('-----BEGIN SSH SIGNATURE-----');
  const end = lines.indexOf('-----END SSH SIGNATURE-----');
  if (begin === -1 || end <= begin) throw new Error('the SSH signature armor is incomplete');
  const base64 = lines.slice(begin + 1, end).join('');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('the SSH signature armor is not valid base64');
  const reader = new WireReader(Buffer.from(base64, 'base64'));
  if (Buffer.from(reader.raw(6)).toString('latin1') !== MAGIC) throw new Error('not an SSHSIG signature');
  const version = reader.uint32();
  if (version !== 1) throw new Error(`SSHSIG version ${version} is not supported`);
  const publicKey = reader.string();
  const namespace = reader.text();
  const reserved = reader.string();
  const hashAlgorithm = reader.text();
  const inner = new WireReader(reader.string());
  const algorithm = inner.text();
  const value = inner.string();
  if (!reader.done) throw new Error('trailing data after the SSH signature');
  return { publicKey, namespace, reserved, hashAlgorithm, algorithm, value };
}

/** The bytes the SSH key actually signed: the SSHSIG preamble with the message's digest. */
export function sshSignedData(sig: SshSignature, payload: Uint8Array): Buffer {
  const digest = createHash(sig.hashAlgorithm).update(payload).digest();
  return Buffer.concat([Buffer.from(MAGIC), wireString(sig.namespace), wireString(sig.reserved), wireString(sig.hashAlgorithm), wireString(digest)]);
}
