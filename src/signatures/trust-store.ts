import type { JsonWebKey } from 'node:crypto';

/**
 * The trust store is plain, structured-cloneable data: keys are parsed (and their self-signatures
 * checked) once when it is built, and worker threads receive it as it is. Times are epoch ms.
 */
export interface TrustStore {
  readonly openpgp: readonly OpenpgpKeyRecord[];
  readonly ssh: readonly SshKeyRecord[];
}

/** A self-signature (user certification, direct-key or subkey binding) that verified when the key was read. */
export interface KeyBinding {
  created: number;
  /** When the key (or subkey) expires according to this self-signature; absent = never. */
  keyExpires?: number;
  /** Key flags allow data signatures (and, for a subkey, the primary-key back-signature verified). */
  canSign: boolean;
  /** When this self-signature itself stops counting; absent = never. */
  expires?: number;
}

export interface KeyRevocation {
  created: number;
  /** The revocation reason text the key owner gave, if any. */
  reason?: string;
}

/** A primary key or a subkey, with what node:crypto needs to check signatures made with it. */
export interface OpenpgpComponent {
  /** Hex, upper case. */
  fingerprint: string;
  /** Last 16 hex digits of a v4 fingerprint, upper case. */
  keyId: string;
  created: number;
  /** RFC 4880/9580 public-key algorithm id. */
  algorithm: number;
  jwk?: JsonWebKey;
  /** Why gitward cannot check signatures made with this key (e.g. DSA, brainpool); set instead of jwk. */
  unsupported?: string;
  /** Valid self-signatures, oldest first. */
  bindings: KeyBinding[];
  revocations: KeyRevocation[];
}

export interface OpenpgpKeyRecord {
  /** Person name (policy `people.<name>`), or the key's first email for team keys. */
  owner: string;
  /** Lower-cased emails the owner may sign for. */
  emails: string[];
  /** Where the key came from, for messages (`people.alice.openpgp[0]`, a file path). */
  source: string;
  primary: OpenpgpComponent;
  subkeys: OpenpgpComponent[];
}

export interface SshKeyRecord {
  owner: string;
  /** Emails (policy people) or allowed-signers principal patterns, lower-cased. */
  principals: string[];
  /** The principals are ssh-keygen patterns (`*`, `?`, `!`) rather than literal emails. */
  patterns: boolean;
  source: string;
  keyType: string;
  /** The public key blob, base64 (the second field of a public key line). */
  blob: string;
  /** `SHA256:` + unpadded base64, as ssh-keygen prints it. */
  fingerprint: string;
  jwk?: JsonWebKey;
  unsupported?: string;
  /** allowed-signers `namespaces=` pattern list; absent = any namespace. */
  namespaces?: string;
  /** allowed-signers `valid-after=` / `valid-before=`, epoch ms. */
  validAfter?: number;
  validBefore?: number;
}

export function emptyTrustStore(): TrustStore {
  return { openpgp: [], ssh: [] };
}
