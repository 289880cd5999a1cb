export type SignatureFormat = 'openpgp' | 'ssh' | 'x509';

/**
 * What the verifier concluded about one signed object. `good` is the only status that counts as
 * signed: the signature verifies, the key is in the trust store, valid at signing time and now,
 * and (when binding is on) its owner's emails contain the committer/tagger email.
 */
export type SignatureStatus =
  | 'good'
  | 'unsigned'
  | 'bad' // does not verify against the object bytes, or cannot be parsed
  | 'untrusted' // verifies, but the key is not in the trust store
  | 'expired' // key (or subkey) expired at signing time or is expired now
  | 'revoked'
  | 'not-committer' // trusted key, but its owner's emails do not contain the committer email
  | 'unsupported'; // e.g. x509, or an algorithm the verifier does not handle

export interface SignatureVerdict {
  status: SignatureStatus;
  format?: SignatureFormat;
  /** Person name from the trust store (policy `people.<name>`, or the key's email on the client). */
  signer?: string;
  /** OpenPGP key fingerprint (hex, upper case) or SSH key fingerprint (`SHA256:…`). */
  keyId?: string;
  /** One human sentence: why this status. Never contains secret material. */
  detail: string;
}
