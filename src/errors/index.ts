export { GitwardError, isGitwardError, toGitwardError } from './gitward-error.js';
export type { GitwardErrorOptions } from './gitward-error.js';
export { failureCodes, violationCodes, codeAnchor } from './codes.js';
export type { FailureCode, ViolationCode } from './codes.js';
