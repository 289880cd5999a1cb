import type { PolicyPerson } from '../config/types.js';
import { GitwardError } from '../errors/index.js';
import { parseAllowedSigners } from './allowed-signers.js';
import { readOpenpgpKeys } from './read-openpgp-keys.js';
import { parseSshKeyLine } from './ssh-public-key.js';
import type { OpenpgpKeyRecord, SshKeyRecord, TrustStore } from './trust-store.js';

const PGP_HINT = 'Export the public key with `gpg --armor --export <fingerprint>` and check the file the policy names.';
const SSH_HINT = 'Use the public key line as ssh-keygen writes it (`ssh-ed25519 AAAA… comment`, the .pub file).';

/** Server trust store: policy `people`. Every key is parsed once; a key that cannot be read fails the build. */
export async function buildTrustStore(people: Record<string, PolicyPerson>): Promise<TrustStore> {
  const openpgp: OpenpgpKeyRecord[] = [];
  const ssh: SshKeyRecord[] = [];
  for (const [name, person] of Object.entries(people)) {
    const emails = person.emails.map((e) => e.toLowerCase());
    for (const [i, armored] of person.openpgp.entries()) {
      const source = `people.${name}.openpgp[${i}]`;
      const keys = await readOrThrow(armored, { source, person: name });
      openpgp.push(...keys.map((key) => ({ owner: name, emails, source, primary: key.primary, subkeys: key.subkeys })));
    }
    for (const [i, line] of person.ssh.entries()) {
      const source = `people.${name}.ssh[${i}]`;
      const key = attempt(() => parseSshKeyLine(line), `${source} is not a readable SSH public key`, SSH_HINT, { source, person: name });
      ssh.push({ owner: name, principals: emails, patterns: false, source, ...withoutComment(key) });
    }
  }
  return { openpgp, ssh };
}

/**
 * Client trust store: the team's key files and allowed-signers file (`signing.trust`). A key may
 * sign for the emails of its valid user IDs; an SSH key for its allowed-signers principals.
 */
export async function trustStoreFromTeamKeys(keys: {
  openpgp: Array<{ source: string; armored: string }>;
  allowedSigners?: { source: string; text: string };
}): Promise<TrustStore> {
  const openpgp: OpenpgpKeyRecord[] = [];
  for (const { source, armored } of keys.openpgp) {
    for (const key of await readOrThrow(armored, { source })) {
      openpgp.push({ owner: key.emails[0] ?? key.primary.fingerprint, emails: key.emails, source, primary: key.primary, subkeys: key.subkeys });
    }
  }
  const signers = keys.allowedSigners;
  const ssh = signers
    ? attempt(() => parseAllowedSigners(signers.text, signers.source), `${signers.source} is not a valid allowed-signers file`,
      'Each line is `principals [options] keytype base64 [comment]` (see ssh-keygen(1), ALLOWED SIGNERS).', { source: signers.source })
    : [];
  return { openpgp, ssh };
}

async function readOrThrow(armored: string, data: Record<string, string>): Promise<Awaited<ReturnType<typeof readOpenpgpKeys>>> {
  try {
    return await readOpenpgpKeys(armored);
  } catch (cause) {
    throw new GitwardError('TRUST_STORE_UNREADABLE', `${data.source} is not a usable OpenPGP public key: ${(cause as Error).message}`, { hint: PGP_HINT, data, cause });
  }
}

function attempt<T>(fn: () => T, message: string, hint: string, data: Record<string, string>): T {
  try {
    return fn();
  } catch (cause) {
    throw new GitwardError('TRUST_STORE_UNREADABLE', `${message}: ${(cause as Error).message}`, { hint, data, cause });
  }
}

function withoutComment<T extends { comment?: string }>(key: T): Omit<T, 'comment'> {
  const { comment: _comment, ...rest } = key;
  return rest;
}
