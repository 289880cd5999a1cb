export interface Person {
  name: string;
  email: string;
  /** Seconds since the epoch, as written in the commit. */
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
  message: string;
  /** Armored signature from the `gpgsig` header, or undefined when unsigned. */
  signature?: string;
  /** The raw object bytes minus the `gpgsig` header: exactly what the signer signed. */
  signedPayload?: Uint8Array;
}
