import type { SignatureFormat, SignatureVerdict } from '../model/index.js';
import { verifyOpenpgp, type VerifyContext } from './verify-openpgp.js';
import { verifySsh } from './verify-ssh.js';
import { verdicts } from './verdicts.js';

/** One object to verify: its armored signature (absent = unsigned), the exact signed bytes and the committer/tagger email. */
export interface SignedItem {
  signature?: string;
  payload?: Uint8Array;
  signerEmail: string;
}

/** The armor line that opens each kind of signature git makes (gitformat-signature). */
const ARMOR: Array<[RegExp, SignatureFormat]> = [
  [/^-----BEGIN PGP (SIGNATURE|MESSAGE)-----/, 'openpgp'],
  [/^-----BEGIN SSH SIGNATURE-----/, 'ssh'],
  [/^-----BEGIN SIGNED MESSAGE-----/, 'x509'],
];

export function signatureFormatOf(signature: string): SignatureFormat | undefined {
  const text = signature.trimStart();
  return ARMOR.find(([armor]) => armor.test(text))?.[1];
}

/**
 * The one verification routine: `verifySignature` calls it directly and `verifyMany` calls it in
 * each worker thread, so both give the same verdict for the same input. Synchronous: node:crypto
 * verification is synchronous, and batching happens one level up.
 */
export function verifyItem(item: SignedItem, ctx: VerifyContext): SignatureVerdict {
  if (!item.signature) return verdicts.unsigned();
  const format = signatureFormatOf(item.signature);
  if (!format) return verdicts.unknownFormat();
  if (!item.payload) return verdicts.noPayload(format);
  if (format === 'openpgp') return verifyOpenpgp(item.signature, item.payload, item.signerEmail, ctx);
  if (format === 'ssh') return verifySsh(item.signature, item.payload, item.signerEmail, ctx);
  return verdicts.unsupported('x509', 'X.509 (gpgsm) signatures are not supported');
}
