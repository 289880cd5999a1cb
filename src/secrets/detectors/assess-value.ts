import type { Confidence } from '../../model/index.js';
import { keyKindOf } from '../key-names.js';
import { scoreValue } from '../secret-score.js';
import { isHashLike, isNotASecret, isPathLike, isPlainUrl, isUuid } from '../placeholders.js';
import { isEncryptedValue } from '../encrypted-content.js';

export interface Assessment {
  ruleId: 'generic-password' | 'generic-secret' | 'aws-secret-access-key';
  confidence: Confidence;
  message: string;
}

const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|testdata|mocks?|__mocks__|examples?|samples?|docs?)\/|\.(test|spec)\.[a-z]+$/i;
// Source maps carry code inside JSON strings, so they count as code.
const CODE_EXTENSION = /\.(m?[jt]sx?|cjs|py|rb|go|java|kts?|scala|cs|php|rs|swift|c|cc|cpp|h|hpp|m|dart|lua|pl|groovy|vue|svelte|map)$/i;

/** In code, an unquoted value is an expression (`password = getPassword()`); in config it is a literal. */
export function isCodePath(path: string): boolean {
  return CODE_EXTENSION.test(path);
}

/** The only parts of a path the verdicts depend on (detection caching keys on it). */
export function pathProfile(path: string): string {
  return `${isCodePath(path) ? 'code' : 'config'}:${TEST_PATH.test(path) ? 'test' : 'main'}`;
}

/** Values that are data of another kind: ids, hashes, paths, URLs, numbers, dates, emails, images. */
function isOtherData(value: string): boolean {
  return isUuid(value) || isHashLike(value) || isPathLike(value) || isPlainUrl(value) || isEncryptedValue(value)
    || /^[\d.,:+-]+$/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value) || /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value)
    || value.startsWith('data:') || /\s/.test(value) || /[^\x21-\x7e]/.test(value); // secrets are printable ASCII; prose is not
}

/**
 * The generic verdict on `key = value`: the key must name a credential, the value must not be a
 * placeholder or other data, and its character statistics must look random enough. In test and
 * documentation paths only the strong (medium) verdicts count.
 */
/**
 * Values in a format a vendor rule owns: that rule's verdict (a checksum, a test-mode key) stands,
 * so a checksum-invalid `ghp_` look-alike is not re-reported here as a generic secret.
 */
const VENDOR_OWNED = /^(gh[pousr]_|github_pat_|npm_|gl(pat|dt|rt|ptt|ft|oas|agent)-|[rsp]k_test_|pk_live_|eyJ)/;

export function assessAssignment(key: string, value: string, path: string): Assessment | undefined {
  const kind = keyKindOf(key);
  if (!kind || VENDOR_OWNED.test(value) || isOtherData(value) || isNotASecret(value)) return undefined;
  if (kind === 'aws-secret' && /^[A-Za-z0-9/+]{40}$/.test(value)) {
    return { ruleId: 'aws-secret-access-key', confidence: 'medium', message: `AWS secret access key assigned to ${key}` };
  }
  const confidence = scoreValue(value, kind === 'password' ? 'password' : 'secret');
  if (!confidence || (confidence === 'low' && TEST_PATH.test(path))) return undefined;
  const ruleId = kind === 'password' ? 'generic-password' : 'generic-secret';
  return { ruleId, confidence, message: `${kind === 'password' ? 'Password' : 'Secret'} assigned to ${key}` };
}
