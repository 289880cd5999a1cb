import { readFile } from 'node:fs/promises';
import { GitwardError } from '../errors/index.js';
import { messages } from './messages.js';

const PUBLIC_BLOCK = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const PRIVATE_BLOCK = /-----BEGIN (PGP PRIVATE KEY BLOCK|OPENSSH PRIVATE KEY|(RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY)-----/;

/**
 * Reads a trust-store file as text. `owner` names who it belongs to in messages
 * (`person "alice"`, `signing.trust.openpgp[0]`). Fails with TRUST_STORE_UNREADABLE, so a server
 * rejects the push rather than verifying against a partial trust store. A private key in the
 * trust store is refused outright: it means a secret was published where it should not be.
 */
export async function readKeyFile(path: string, opts: { owner: string; armoredOpenpgp: boolean }): Promise<{ text: string; bytes: Buffer }> {
  const fail = (reason: string, cause?: unknown): never => {
    throw new GitwardError('TRUST_STORE_UNREADABLE', messages.keyUnreadable(path, opts.owner, reason), {
      hint: messages.keyUnreadableHint(),
      data: { path, owner: opts.owner },
      ...(cause === undefined ? {} : { cause }),
    });
  };
  let bytes = Buffer.alloc(0);
  try {
    bytes = await readFile(path);
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code ?? (error as Error).message, error);
  }
  const text = bytes.toString('utf8');
  if (PRIVATE_BLOCK.test(text)) fail(messages.privateKeyInTrustStore());
  if (opts.armoredOpenpgp && !text.includes(PUBLIC_BLOCK)) fail(messages.notArmoredPublicKey());
  // The bytes too: the policy digest covers exactly what was read.
  return { text, bytes };
}
