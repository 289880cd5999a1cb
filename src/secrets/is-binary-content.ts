import { isGitCryptBytes } from './encrypted-content.js';

/** git's own heuristic: a NUL byte in the first 8000 bytes. */
export const BINARY_PROBE_BYTES = 8000;

/**
 * True for content to report as skipped `binary`. git-crypt blobs are binary too, but return
 * false so that, decoded as text, they reach the scanner and are reported as `encrypted`.
 */
export function isBinaryContent(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
  return probe.includes(0) && !isGitCryptBytes(bytes);
}

/** git-crypt's "\0GITCRYPT\0" header. */
export function isEncryptedContent(bytes: Uint8Array): boolean {
  return isGitCryptBytes(bytes);
}
