import type { FailureCode } from './codes.js';

export interface GitwardErrorOptions {
  hint?: string;
  cause?: unknown;
  data?: Record<string, unknown>;
}

/**
 * A failure (as opposed to a finding or violation): something stopped gitward from deciding.
 * Faces render `message` and `hint`; a server face rejects the push on any of these.
 */
export class GitwardError extends Error {
  readonly code: FailureCode;
  readonly hint: string | undefined;
  readonly data: Record<string, unknown>;

  constructor(code: FailureCode, message: string, options: GitwardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GitwardError';
    this.code = code;
    this.hint = options.hint;
    this.data = options.data ?? {};
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, hint: this.hint, data: this.data };
  }
}

export function isGitwardError(value: unknown): value is GitwardError {
  return value instanceof GitwardError;
}

/** Wraps anything thrown into a GitwardError so faces handle one shape; unknown errors become INTERNAL. */
export function toGitwardError(value: unknown): GitwardError {
  if (value instanceof GitwardError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new GitwardError('INTERNAL', `internal error: ${message}`, {
    hint: 'This is a bug in gitward; please report it with the command you ran.',
    cause: value,
  });
}
