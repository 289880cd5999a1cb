import { createHash } from 'node:crypto';

/**
 * Baselines and allowlists key on this: a hash of rule id + secret value, with no path or line,
 * so moving lines or files never changes it. SHA-256 makes high-entropy secrets unrecoverable;
 * a weak password could be guessed from its fingerprint, which is one more reason to rotate
 * rather than baseline it (README, "Allowing and ignoring").
 */
export function fingerprintOf(ruleId: string, secret: string): string {
  return createHash('sha256').update(`gitward:v1\0${ruleId}\0${secret}`).digest('hex');
}
