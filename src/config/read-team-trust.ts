import type { SigningTrust } from './types.js';
import { readKeyFile } from './read-key-file.js';

export interface TeamTrustKeys {
  openpgp: Array<{ source: string; armored: string }>;
  allowedSigners?: { source: string; text: string };
}

/**
 * Reads the files named by the team config's `signing.trust` (already absolute after loading).
 * Only the pre-push hook needs them, so they are read on demand rather than on every config load.
 * Throws TRUST_STORE_UNREADABLE naming the file and the config key.
 */
export async function readTeamTrust(trust: SigningTrust): Promise<TeamTrustKeys> {
  const openpgp = await Promise.all(
    trust.openpgp.map(async (source, index) => ({
      source,
      armored: (await readKeyFile(source, { owner: `signing.trust.openpgp[${index}]`, armoredOpenpgp: true })).text,
    })),
  );
  if (trust.allowedSignersFile === undefined) return { openpgp };
  const source = trust.allowedSignersFile;
  const { text } = await readKeyFile(source, { owner: 'signing.trust.allowedSignersFile', armoredOpenpgp: false });
  return { openpgp, allowedSigners: { source, text } };
}
