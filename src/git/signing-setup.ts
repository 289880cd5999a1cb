import { access, constants } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { GitContext } from './run-git.js';
import { runCommand } from './run-command.js';
import { isGitwardError } from '../errors/index.js';

/** One secret key from `gpg --list-secret-keys --with-colons`, reduced to what signing needs. */
export interface OpenpgpSecretKey {
  fingerprint: string;
  userIds: string[];
  revoked: boolean;
  expired: boolean;
  disabled: boolean;
  /** Expiry of the primary key, when it has one. */
  expires?: Date;
  /** A valid (sub)key with the sign capability whose secret part is in the keyring (not a stub). */
  canSign: boolean;
}

export type OpenpgpProbe =
  | { status: 'found'; keys: OpenpgpSecretKey[] }
  | { status: 'not-found'; detail: string }
  | { status: 'program-failed'; detail: string };

export type SshKeyProbe =
  | { status: 'ok'; fingerprint: string }
  | { status: 'missing'; file: string }
  | { status: 'invalid'; file: string; detail: string }
  | { status: 'program-failed'; detail: string };

/**
 * Asks the user's own gpg (gpg.program, GNUPGHOME from the environment) for secret keys matching
 * `query` — exactly the keyring `git commit -S` will use, which a JS OpenPGP library cannot see.
 */
export async function probeOpenpgpKey(ctx: GitContext, options: { program: string; query: string }): Promise<OpenpgpProbe> {
  const args = ['--batch', '--no-tty', '--with-colons', '--fixed-list-mode', '--list-secret-keys', '--', options.query];
  try {
    const result = await runCommand(ctx, options.program, args);
    const keys = parseSecretKeyListing(result.stdout.toString('utf8'));
    if (keys.length > 0) return { status: 'found', keys };
    return { status: 'not-found', detail: lastLine(result.stderr) || 'no secret key' };
  } catch (error) {
    if (isGitwardError(error)) return { status: 'program-failed', detail: error.message };
    throw error;
  }
}

/** Parses gpg's colon listing (doc/DETAILS in GnuPG): `sec`/`ssb` records, then `fpr` and `uid`. */
export function parseSecretKeyListing(text: string): OpenpgpSecretKey[] {
  const keys: OpenpgpSecretKey[] = [];
  let current: OpenpgpSecretKey | undefined;
  let expectFingerprint = false;
  for (const line of text.split('\n')) {
    const f = line.split(':');
    const type = f[0];
    if (type === 'sec') {
      current = primaryKey(f);
      keys.push(current);
      expectFingerprint = true;
    } else if (type === 'ssb' && current) {
      if (canSignWith(f)) current.canSign = true;
      expectFingerprint = false;
    } else if (type === 'fpr' && current && expectFingerprint) {
      current.fingerprint = f[9] ?? '';
      expectFingerprint = false;
    } else if (type === 'uid' && current) {
      current.userIds.push(unescapeColons(f[9] ?? ''));
    }
  }
  for (const key of keys) key.canSign &&= !key.revoked && !key.expired && !key.disabled;
  return keys;
}

function primaryKey(f: string[]): OpenpgpSecretKey {
  const validity = f[1] ?? '';
  const capabilities = f[11] ?? '';
  const expiresAt = Number(f[6] ?? '');
  return {
    fingerprint: f[4] ?? '',
    userIds: [],
    revoked: validity === 'r',
    expired: validity === 'e',
    disabled: capabilities.includes('D'),
    ...(expiresAt > 0 ? { expires: new Date(expiresAt * 1000) } : {}),
    canSign: canSignWith(f),
  };
}

/** Own capability `s`, not expired/revoked/invalid, and a real secret part ('#' marks a stub). */
function canSignWith(f: string[]): boolean {
  const validity = f[1] ?? '';
  const secret = f[14] ?? '';
  return (f[11] ?? '').includes('s') && !['r', 'e', 'i'].includes(validity) && secret !== '' && secret !== '#';
}

function unescapeColons(value: string): string {
  return value.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `ssh-keygen -l -f` accepts public and private key files and fails on anything else. */
export async function probeSshKeyFile(ctx: GitContext, options: { program: string; file: string }): Promise<SshKeyProbe> {
  if (!(await isReadableFile(options.file))) return { status: 'missing', file: options.file };
  try {
    const result = await runCommand(ctx, options.program, ['-l', '-f', options.file]);
    if (result.exitCode !== 0) return { status: 'invalid', file: options.file, detail: lastLine(result.stderr) || `exit ${result.exitCode}` };
    return { status: 'ok', fingerprint: result.stdout.toString('utf8').trim().split(/\s+/)[1] ?? '' };
  } catch (error) {
    if (isGitwardError(error)) return { status: 'program-failed', detail: error.message };
    throw error;
  }
}

export async function isReadableFile(file: string): Promise<boolean> {
  try {
    await access(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Git's pathname expansion for config values (`~/x` → `$HOME/x`); relative paths are taken from `cwd`. */
export function expandConfigPath(value: string, options: { home: string | undefined; cwd: string }): string {
  const home = options.home ?? '';
  const expanded = value === '~' ? home : value.startsWith('~/') ? `${home}${value.slice(1)}` : value;
  return isAbsolute(expanded) ? expanded : resolve(options.cwd, expanded);
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}
