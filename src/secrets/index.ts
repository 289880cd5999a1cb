export { scanFragments } from './scan-fragments.js';
export type { ScanResult } from './scan-fragments.js';
export { createSecretScanner } from './create-secret-scanner.js';
export type { ScanOptions, SecretScanner } from './create-secret-scanner.js';
export { isBinaryContent, isEncryptedContent, BINARY_PROBE_BYTES } from './is-binary-content.js';
export { listRules } from './rule-catalog.js';
export type { RuleInfo } from './detector.js';
export { INLINE_ALLOW } from './suppression.js';
export { serverFixFor } from './messages.js';
