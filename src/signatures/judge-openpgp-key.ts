import type { SignatureVerdict } from '../model/index.js';
import type { OpenpgpMatch } from './key-index.js';
import type { KeyBinding, OpenpgpComponent } from './trust-store.js';
import { time, verdicts } from './verdicts.js';

/** Clock skew tolerated between the signer's machine and the server before a signature counts as "from the future". */
export const FUTURE_SKEW_MS = 10 * 60 * 1000;

/**
 * Judges whether a trusted key could make this signature, at the signature's own time AND at push
 * time. The signature's timestamp is chosen by the signer (`gpg --faked-system-time`), so a key
 * that expired can back-date; checking `now` too closes that. Any revocation made before `now`
 * counts, whatever its reason (hard or soft): a revoked key is not accepted for later pushes.
 * Returns undefined when the key is fine.
 */
export function judgeOpenpgpKey({ record, component }: OpenpgpMatch, sigTime: number, now: number): SignatureVerdict | undefined {
  const signer = { format: 'openpgp' as const, keyId: record.primary.fingerprint, owner: record.owner };
  const parts = component === record.primary ? [record.primary] : [record.primary, component];
  const revocation = parts.flatMap((c) => c.revocations).find((r) => r.created <= now);
  if (revocation) return verdicts.revoked(signer, revocation.created, revocation.reason);
  if (sigTime > now + FUTURE_SKEW_MS) return verdicts.bad(signer, `it is dated ${time(sigTime)}, in the future (push time ${time(now)})`);
  for (const part of parts) {
    if (part.created > sigTime) {
      return verdicts.bad(signer, `key ${part.fingerprint} was created on ${time(part.created)}, after the signature's date ${time(sigTime)}`);
    }
  }
  for (const part of parts) {
    const name = part === record.primary ? '' : ` (signing subkey ${part.fingerprint})`;
    const then = expiry(bindingAt(part, sigTime), sigTime);
    if (then !== undefined) return verdicts.expired(signer, `${name} expired on ${time(then)}, before the signature's date ${time(sigTime)}`.trimStart());
    const later = expiry(bindingAt(part, now), now);
    if (later !== undefined) {
      return verdicts.expired(signer, `${name} expired on ${time(later)}: the signature is dated ${time(sigTime)}, but the key is no longer valid at push time ${time(now)}`.trimStart());
    }
  }
  if (!bindingAt(component, sigTime).canSign) {
    const what = component === record.primary ? 'the primary key' : `subkey ${component.fingerprint}`;
    return verdicts.bad(signer, `${what} is not certified for signing (its key flags or cross-signature do not allow it)`);
  }
  return undefined;
}

/**
 * The self-signature in force at `at`: the newest one made by then. When every self-signature is
 * newer (a key re-certified after signing), the oldest one stands in, as gpg does not require the
 * binding to predate the data signature either.
 */
function bindingAt(part: OpenpgpComponent, at: number): KeyBinding {
  let chosen = part.bindings[0] as KeyBinding;
  for (const binding of part.bindings) if (binding.created <= at) chosen = binding;
  return chosen;
}

/** When the key had expired by `at` according to `binding`, else undefined. */
function expiry(binding: KeyBinding, at: number): number | undefined {
  if (binding.keyExpires !== undefined && at >= binding.keyExpires) return binding.keyExpires;
  if (binding.expires !== undefined && at >= binding.expires) return binding.expires;
  return undefined;
}
