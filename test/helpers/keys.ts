import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Real signing keys for tests, made per run in a private GNUPGHOME and with ssh-keygen (git's
 * t/lib-gpg.sh approach). A missing gpg or ssh-keygen throws: a setup failure, never a skip.
 * Reusable by end-to-end tests: pass the GNUPGHOME of a test repo (`repo.env.GNUPGHOME`).
 */
export type GpgAlgo = 'ed25519' | 'rsa2048' | 'rsa3072' | 'nistp256' | 'nistp384';

export interface GpgKey {
  fingerprint: string;
  /** The signing subkey's fingerprint when `signingSubkey` was asked for. */
  subkeyFingerprint?: string;
  email: string;
  publicArmored: string;
}

/** gpg time format for --faked-system-time: `20200101T000000`. */
export function gpgTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
}

export function gpgEnv(gnupghome: string): Record<string, string> {
  mkdirSync(gnupghome, { recursive: true, mode: 0o700 });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  return { ...env, GNUPGHOME: gnupghome };
}

/** Runs gpg in batch mode without passphrases; `at` fakes the clock (signing or revoking in the past or future). */
export function gpg(gnupghome: string, args: string[], options: { input?: string; at?: Date } = {}): string {
  const faked = options.at ? ['--faked-system-time', `${gpgTime(options.at)}!`] : [];
  return execFileSync('gpg', ['--batch', '--no-tty', '--passphrase', '', '--pinentry-mode', 'loopback', ...faked, ...args], {
    env: gpgEnv(gnupghome), encoding: 'utf8', input: options.input ?? '', stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * A passphrase-less key `name <email>`. `expire` is gpg's (`1d`, `2y`, `never`); `createdAt` makes
 * the key in the past (so `expire: '1d'` gives a key that is expired now); `signingSubkey` adds a
 * signing subkey, which gpg then prefers for signatures.
 */
export function makeGpgKey(gnupghome: string, options: {
  name: string; email: string; algo?: GpgAlgo; expire?: string; createdAt?: Date; signingSubkey?: GpgAlgo;
}): GpgKey {
  const uid = `${options.name} <${options.email}>`;
  const at = options.createdAt ? { at: options.createdAt } : {};
  const status = gpg(gnupghome, ['--status-fd', '1', '--quick-gen-key', uid, options.algo ?? 'ed25519', 'sign', options.expire ?? '2y'], at);
  const fingerprint = /KEY_CREATED [BP] ([0-9A-F]{40})/.exec(status)?.[1];
  if (!fingerprint) throw new Error(`gpg did not report the new key for ${uid}: ${status}`);
  const key: GpgKey = { fingerprint, email: options.email, publicArmored: '' };
  if (options.signingSubkey) key.subkeyFingerprint = addSigningSubkey(gnupghome, fingerprint, options.signingSubkey, options.createdAt);
  key.publicArmored = exportGpgKey(gnupghome, fingerprint);
  return key;
}

export function addSigningSubkey(gnupghome: string, fingerprint: string, algo: GpgAlgo = 'ed25519', at?: Date): string {
  const before = listFingerprints(gnupghome, fingerprint);
  gpg(gnupghome, ['--quick-add-key', fingerprint, algo, 'sign', '2y'], at ? { at } : {});
  const added = listFingerprints(gnupghome, fingerprint).find((f) => !before.includes(f));
  if (!added) throw new Error('gpg did not add a subkey');
  return added;
}

export function exportGpgKey(gnupghome: string, fingerprint: string): string {
  return gpg(gnupghome, ['--armor', '--export', fingerprint]);
}

function listFingerprints(gnupghome: string, fingerprint: string): string[] {
  return [...gpg(gnupghome, ['--with-colons', '--list-keys', fingerprint]).matchAll(/^fpr:+([0-9A-F]{40}):/gm)].map((m) => m[1] as string);
}

/**
 * Revokes the primary key (reason 0 "no reason" = hard; 1 superseded / 3 retired = soft), dated
 * `at` (default now), imports the revocation and returns the updated public key.
 */
export function revokeGpgKey(gnupghome: string, fingerprint: string, options: { reason?: 0 | 1 | 2 | 3; at?: Date } = {}): string {
  // gpg --gen-revoke asks: create? reason? description (ends with an empty line)? okay?
  // It refuses --batch, so it runs with --command-fd answers instead.
  const answers = `y\n${options.reason ?? 0}\nrevoked by a test\n\ny\n`;
  const faked = options.at ? ['--faked-system-time', `${gpgTime(options.at)}!`] : [];
  const cert = execFileSync('gpg', ['--no-tty', '--command-fd', '0', '--pinentry-mode', 'loopback', '--passphrase', '', ...faked, '--armor', '--gen-revoke', fingerprint], {
    env: gpgEnv(gnupghome), encoding: 'utf8', input: answers, stdio: ['pipe', 'pipe', 'pipe'],
  });
  gpg(gnupghome, ['--import'], { input: cert });
  return exportGpgKey(gnupghome, fingerprint);
}

/** Detached armored signature over `data`, as git asks gpg for one (`gpg -bsau <key>`). */
export function gpgSign(gnupghome: string, key: string, data: Uint8Array, at?: Date): string {
  const faked = at ? ['--faked-system-time', `${gpgTime(at)}!`] : [];
  return execFileSync('gpg', ['--batch', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', ...faked, '-bsau', key], {
    env: gpgEnv(gnupghome), input: data, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Stops the gpg-agent a test's GNUPGHOME started, so no process outlives the test. */
export function stopGpgAgent(gnupghome: string): void {
  spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: gpgEnv(gnupghome), stdio: 'ignore' });
}

export type SshKeyType = 'ed25519' | 'ecdsa' | 'ecdsa384' | 'rsa';

export interface SshKey {
  privateKeyPath: string;
  publicKeyPath: string;
  /** `type base64 comment`, as in the .pub file. */
  publicLine: string;
}

const SSH_TYPES: Record<SshKeyType, string[]> = {
  ed25519: ['-t', 'ed25519'], ecdsa: ['-t', 'ecdsa', '-b', '256'], ecdsa384: ['-t', 'ecdsa', '-b', '384'], rsa: ['-t', 'rsa', '-b', '3072'],
};

export function makeSshKey(dir: string, options: { type?: SshKeyType; comment?: string; name?: string } = {}): SshKey {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const type = options.type ?? 'ed25519';
  const privateKeyPath = join(dir, options.name ?? `id_${type}`);
  execFileSync('ssh-keygen', ['-q', ...SSH_TYPES[type], '-N', '', '-C', options.comment ?? `test-${type}`, '-f', privateKeyPath], { stdio: 'ignore' });
  const publicKeyPath = `${privateKeyPath}.pub`;
  return { privateKeyPath, publicKeyPath, publicLine: readFileSync(publicKeyPath, 'utf8').trim() };
}

/** SSHSIG over `data` (`ssh-keygen -Y sign`), in `namespace` (git uses "git"). */
export function sshSign(privateKeyPath: string, data: Uint8Array, namespace = 'git'): string {
  return execFileSync('ssh-keygen', ['-Y', 'sign', '-n', namespace, '-f', privateKeyPath, '-q'], { input: data, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

export type SigningSetup =
  | { format: 'openpgp'; key: string; /** Sign as if the clock said this (a gpg.program wrapper with --faked-system-time). */ at?: Date }
  | { format: 'ssh'; privateKeyPath: string };

/**
 * Configures a test repo to sign every commit and tag (commit.gpgSign, tag.gpgSign) with `setup`,
 * optionally as `email` (user.email, which becomes the committer email).
 */
export function configureGitSigning(repo: { git: (...args: string[]) => string; home: string }, setup: SigningSetup, email?: string): void {
  if (email) repo.git('config', 'user.email', email);
  repo.git('config', 'commit.gpgSign', 'true');
  repo.git('config', 'tag.gpgSign', 'true');
  if (setup.format === 'ssh') {
    repo.git('config', 'gpg.format', 'ssh');
    repo.git('config', 'user.signingkey', setup.privateKeyPath);
    return;
  }
  repo.git('config', 'gpg.format', 'openpgp');
  repo.git('config', 'user.signingkey', setup.key);
  if (setup.at) {
    const wrapper = join(repo.home, `gpg-at-${gpgTime(setup.at)}.sh`);
    writeFileSync(wrapper, `#!/bin/sh\nexec gpg --faked-system-time '${gpgTime(setup.at)}!' "$@"\n`);
    chmodSync(wrapper, 0o755);
    repo.git('config', 'gpg.program', wrapper);
  } else {
    try {
      repo.git('config', '--unset-all', 'gpg.program');
    } catch {
      // not set: nothing to undo
    }
  }
}

/** An SSH key plus an allowed-signers file that names `email` (what `gpg.ssh.allowedSignersFile` points at). */
export function makeSshSigner(dir: string, email: string): SshKey & { allowedSignersPath: string } {
  const key = makeSshKey(dir, { type: 'ed25519', comment: email });
  const allowedSignersPath = join(dir, 'allowed_signers');
  writeFileSync(allowedSignersPath, `${email} namespaces="git" ${key.publicLine}\n`);
  return { ...key, allowedSignersPath };
}
