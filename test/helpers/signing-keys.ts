import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Real throwaway signing keys in a test's own GNUPGHOME / HOME (git's t/lib-gpg.sh approach).
 * A missing gpg or ssh-keygen makes these throw: a setup failure, never a silent skip.
 */
type Env = Record<string, string>;

function gpg(env: Env, args: string[]): string {
  return execFileSync('gpg', ['--batch', '--no-tty', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** An ed25519 signing key without passphrase; `createdAt` (e.g. '20200101T000000') backdates it, so `1y` makes it expired now. */
export function createGpgKey(env: Env, options: { uid: string; expire?: string; createdAt?: string }): string {
  const faked = options.createdAt ? ['--faked-system-time', `${options.createdAt}!`] : [];
  gpg(env, [...faked, '--passphrase', '', '--quick-gen-key', options.uid, 'ed25519', 'sign', options.expire ?? '1y']);
  const listing = gpg(env, ['--with-colons', '--list-secret-keys', options.uid]);
  const fpr = /^fpr:+([0-9A-F]{40,64}):/m.exec(listing)?.[1];
  if (!fpr) throw new Error(`no fingerprint for ${options.uid}`);
  return fpr;
}

/** Revokes with the certificate gpg stored at key creation (its armor line is escaped with ':'). */
export function revokeGpgKey(env: Env, fingerprint: string): void {
  const file = join(env.GNUPGHOME as string, 'openpgp-revocs.d', `${fingerprint}.rev`);
  const cert = readFileSync(file, 'utf8').replace(/^:-----BEGIN/m, '-----BEGIN');
  execFileSync('gpg', ['--batch', '--no-tty', '--import'], { env, input: cert, stdio: ['pipe', 'ignore', 'ignore'] });
}

/** Stops the gpg-agent a test's GNUPGHOME started, so no process outlives the test. */
export function stopGpgAgent(env: Env): void {
  spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
}

/** An ed25519 SSH key pair without passphrase, plus an allowed-signers file for `email`. */
export function createSshKey(dir: string, email: string): { privateKey: string; publicKey: string; allowedSigners: string } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKey = join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', email, '-f', privateKey], { stdio: 'ignore' });
  const publicKey = `${privateKey}.pub`;
  const allowedSigners = join(dir, 'allowed_signers');
  writeFileSync(allowedSigners, `${email} namespaces="git" ${readFileSync(publicKey, 'utf8').trim()}\n`);
  return { privateKey, publicKey, allowedSigners };
}
