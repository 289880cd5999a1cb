/** A signature or policy breach. Collected, never thrown. */
export interface Violation {
  /** Stable code, e.g. COMMIT_UNSIGNED, SIGNER_UNTRUSTED, FORCE_PUSH_DENIED. */
  code: string;
  /** What the violation is about: a ref, `ref@shortoid`, or `path:line`. */
  subject: string;
  message: string;
  /** What to do about it, or how to allow it. */
  fix: string;
  ref?: string;
  commit?: string;
  /** `warn` violations are reported but do not block. */
  severity?: 'error' | 'warn';
}
