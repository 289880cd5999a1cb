import type { SignatureVerdict } from '../model/index.js';
import { keyIndexFor } from './key-index.js';
import type { TrustStore } from './trust-store.js';
import { verifyItem } from './verify-item.js';

export interface VerifySignatureInput {
  /** Armored signature: the `gpgsig` header value, or the block at the end of a tag. */
  signature: string;
  /** The raw object bytes minus the signature: exactly what was signed. */
  payload: Uint8Array;
  /** Committer (or tagger) email the signer must own when `bindCommitter` is on. */
  signerEmail: string;
  trust: TrustStore;
  /** Push time: keys must be valid (not expired, not revoked) now as well as when they signed. */
  now: Date;
  bindCommitter: boolean;
}

/** Verifies one signature. Never throws for bad input: every outcome is a verdict. */
export async function verifySignature(input: VerifySignatureInput): Promise<SignatureVerdict> {
  return verifyItem(input, { index: keyIndexFor(input.trust), now: input.now.getTime(), bindCommitter: input.bindCommitter });
}
