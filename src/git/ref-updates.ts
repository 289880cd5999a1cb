import type { RefUpdate } from '../model/index.js';
import { GitwardError } from '../errors/index.js';

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The all-zero oid stands for "no object" in hook input, whatever the hash length (pre-push.sample). */
export function isZeroOid(oid: string): boolean {
  return /^0+$/.test(oid);
}

function kindOf(oldOid: string, newOid: string): RefUpdate['kind'] {
  if (isZeroOid(oldOid)) return 'create';
  return isZeroOid(newOid) ? 'delete' : 'update';
}

function invalid(line: string, why: string): GitwardError {
  return new GitwardError('HOOK_INPUT_INVALID', `bad hook input line '${line.slice(0, 200)}': ${why}`, {
    hint: 'gitward expects the stdin git gives pre-receive (`old new ref`) or pre-push (`local-ref local-oid remote-ref remote-oid`).',
  });
}

function checkOids(line: string, ...oids: string[]): void {
  for (const oid of oids) if (!OID.test(oid)) throw invalid(line, `'${oid}' is not an object id`);
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.length > 0);
}

/** pre-receive stdin: `<old-oid> SP <new-oid> SP <ref-name>` per line. Anything else fails closed. */
export function parseReceiveInput(text: string): RefUpdate[] {
  return lines(text).map((line) => {
    const [oldOid = '', newOid = '', ref = '', ...rest] = line.split(' ');
    if (rest.length > 0 || !ref.startsWith('refs/')) throw invalid(line, 'expected `old new ref`');
    checkOids(line, oldOid, newOid);
    if (isZeroOid(oldOid) && isZeroOid(newOid)) throw invalid(line, 'both old and new are zero');
    return { ref, oldOid, newOid, kind: kindOf(oldOid, newOid) };
  });
}

/** One pre-push line: what is pushed locally and where it lands on the remote. */
export interface PushLine extends RefUpdate {
  localRef: string;
}

/**
 * pre-push stdin: `<local-ref> SP <local-oid> SP <remote-ref> SP <remote-oid>`; a deletion is
 * `(delete)` with the zero oid. The RefUpdate is stated from the remote's side (old = remote-oid).
 */
export function parsePushInput(text: string): PushLine[] {
  return lines(text).map((line) => {
    const [localRef = '', localOid = '', ref = '', remoteOid = '', ...rest] = line.split(' ');
    if (rest.length > 0 || !ref.startsWith('refs/')) throw invalid(line, 'expected `local-ref local-oid remote-ref remote-oid`');
    checkOids(line, localOid, remoteOid);
    return { localRef, ref, oldOid: remoteOid, newOid: localOid, kind: kindOf(remoteOid, localOid) };
  });
}
