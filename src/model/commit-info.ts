import type { SignatureFormat } from './signature.js';

export interface Person {
  name: string;
  email: string;
  /** Seconds since the epoch, as written in the object. */
  timestamp: number;
  tzOffset: string;
}

/** A commit as parsed from its raw object, with the exact signed payload kept for verification. */
export interface CommitInfo {
  oid: string;
  tree: string;
  parents: string[];
  author: Person;
  committer: Person;
  /** The message decoded for display and pattern checks (UTF-8, or the `encoding` header's charset). */
  message: string;
  /** Armored signature from the `gpgsig` header, or undefined when unsigned. */
  signature?: string;
  signatureFormat?: SignatureFormat;
  /** The raw object bytes minus the `gpgsig` header: exactly what the signer signed. */
  signedPayload?: Uint8Array;
}

/** An annotated tag object. Its signature is appended to the message, and the payload is the bytes before it. */
export interface TagInfo {
  oid: string;
  /** The object the tag points at, and its type. */
  object: string;
  objectType: string;
  tag: string;
  tagger?: Person;
  message: string;
  signature?: string;
  signatureFormat?: SignatureFormat;
  signedPayload?: Uint8Array;
}
