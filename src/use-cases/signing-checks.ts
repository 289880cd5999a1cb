import type { GitContext, ConfigEntries, ConfigEntry, OpenpgpSecretKey } from '../git/index.js';
import { probeOpenpgpKey, probeSshKeyFile, isReadableFile, expandConfigPath } from '../git/index.js';

/** One line of the signing report: pre-commit turns failures into violations, doctor prints them all. */
export interface SetupCheck {
  /** The expectation, e.g. "commit.gpgsign is true". */
  title: string;
  ok: boolean;
  /** The git config key (or key file) the check is about. */
  subject: string;
  /** What was found, and where the value came from. */
  detail?: string;
  code?: 'SIGNING_NOT_CONFIGURED' | 'SIGNING_KEY_UNUSABLE';
  /** Exact commands that fix a failure, each copy-pasteable on its own (empty when ok). */
  fix: string[];
  /** A short instruction to read before the commands, e.g. "create a key first". */
  fixNote?: string;
}

interface KeyChecks {
  checks: SetupCheck[];
  notices: string[];
}

const EXPIRY_WARNING_DAYS = 30;

export function describeEntry(key: string, entry: ConfigEntry | undefined): string {
  if (!entry) return `${key} is not set`;
  return `${key} = ${entry.value ?? 'true'} (${entry.scope}, ${entry.origin})`;
}

function committerEmail(ctx: GitContext, entries: ConfigEntries): string | undefined {
  return ctx.env.GIT_COMMITTER_EMAIL || entries.get('user.email')?.value || ctx.env.EMAIL || undefined;
}

/** gpg.format=openpgp: git signs with `gpg -u <user.signingkey>`, or the committer identity when unset. */
export async function checkOpenpgpKey(ctx: GitContext, entries: ConfigEntries): Promise<KeyChecks> {
  const program = entries.get('gpg.openpgp.program')?.value ?? entries.get('gpg.program')?.value ?? 'gpg';
  const configured = entries.get('user.signingkey')?.value ?? undefined;
  const email = committerEmail(ctx, entries);
  const query = configured ?? (email ? `<${email}>` : undefined);
  const base = { title: 'an OpenPGP secret key usable for signing is in the keyring', subject: 'user.signingkey' };
  if (!query) {
    return { checks: [{ ...base, ok: false, code: 'SIGNING_NOT_CONFIGURED', detail: 'neither user.signingkey nor user.email is set', fixNote: 'find your key id with `gpg --list-secret-keys --keyid-format=long`', fix: ['git config user.signingkey <KEY-ID>'] }], notices: [] };
  }
  const where = `${configured ? describeEntry('user.signingkey', entries.get('user.signingkey')) : `no user.signingkey, so git uses ${email}`}; keyring ${ctx.env.GNUPGHOME ?? '~/.gnupg'}`;
  const probe = await probeOpenpgpKey(ctx, { program, query });
  if (probe.status === 'program-failed') {
    return { checks: [{ ...base, ok: false, code: 'SIGNING_KEY_UNUSABLE', detail: probe.detail, fixNote: 'install GnuPG, or point git at it', fix: ['git config gpg.program "$(command -v gpg)"'] }], notices: [] };
  }
  if (probe.status === 'not-found') {
    return { checks: [{ ...base, ok: false, code: 'SIGNING_KEY_UNUSABLE', detail: `no secret key matches ${query} (${where})`, ...newKeyFix(email) }], notices: [] };
  }
  const usable = probe.keys.find((k) => k.canSign);
  if (!usable) {
    const key = probe.keys[0] as OpenpgpSecretKey;
    return { checks: [{ ...base, ok: false, code: 'SIGNING_KEY_UNUSABLE', detail: `key ${key.fingerprint} ${whyUnusable(key)} (${where})`, ...unusableFix(key, email) }], notices: [] };
  }
  return { checks: [{ ...base, ok: true, detail: `${usable.fingerprint} ${usable.userIds[0] ?? ''} (${where})`.replace('  ', ' '), fix: [] }], notices: expiryNotice(usable) };
}

function whyUnusable(key: OpenpgpSecretKey): string {
  if (key.revoked) return 'is revoked';
  if (key.expired) return `expired${key.expires ? ` on ${key.expires.toISOString().slice(0, 10)}` : ''}`;
  if (key.disabled) return 'is disabled';
  return 'has no signing (sub)key whose secret part is in this keyring';
}

type Fix = Pick<SetupCheck, 'fix' | 'fixNote'>;

function newKeyFix(email: string | undefined): Fix {
  const create = `gpg --quick-gen-key "Your Name <${email ?? 'you@example.com'}>" ed25519 sign 2y`;
  return { fixNote: 'create a signing key (or set user.signingkey to a key you have)', fix: [create, 'git config user.signingkey <FINGERPRINT printed by gpg>'] };
}

function unusableFix(key: OpenpgpSecretKey, email: string | undefined): Fix {
  if (!key.expired) return newKeyFix(email);
  return { fixNote: 'extend the key and its subkeys', fix: [`gpg --quick-set-expire ${key.fingerprint} 2y`, `gpg --quick-set-expire ${key.fingerprint} 2y '*'`] };
}

function expiryNotice(key: OpenpgpSecretKey): string[] {
  if (!key.expires) return [];
  const days = Math.floor((key.expires.getTime() - Date.now()) / 86_400_000);
  return days <= EXPIRY_WARNING_DAYS ? [`signing key ${key.fingerprint} expires in ${days} day(s): gpg --quick-set-expire ${key.fingerprint} 2y`] : [];
}

/** gpg.format=ssh: a key file (or literal `key::` public key) plus an allowed-signers file for verification. */
export async function checkSshKey(ctx: GitContext, entries: ConfigEntries): Promise<KeyChecks> {
  const key = await sshKeyCheck(ctx, entries);
  return { checks: [key.check, await allowedSignersCheck(ctx, entries, key.publicKeyPath)], notices: key.notices };
}

async function sshKeyCheck(ctx: GitContext, entries: ConfigEntries): Promise<{ check: SetupCheck; notices: string[]; publicKeyPath?: string }> {
  const entry = entries.get('user.signingkey');
  const base = { title: 'user.signingkey names a usable SSH key', subject: 'user.signingkey', detail: describeEntry('user.signingkey', entry) };
  const value = entry?.value?.trim();
  if (!value) {
    if (entries.get('gpg.ssh.defaultkeycommand')?.value) {
      return { check: { ...base, ok: true, fix: [] }, notices: ['the SSH signing key comes from gpg.ssh.defaultKeyCommand and was not checked'] };
    }
    return { check: { ...base, ok: false, code: 'SIGNING_NOT_CONFIGURED', fixNote: 'if you have no SSH key yet, create one first with `ssh-keygen -t ed25519`', fix: ['git config user.signingkey ~/.ssh/id_ed25519.pub'] }, notices: [] };
  }
  if (/^key::/.test(value) || /^ssh-/.test(value)) return { check: { ...base, ok: true, fix: [] }, notices: [] };
  const file = expandConfigPath(value, { home: ctx.env.HOME, cwd: ctx.cwd });
  const probe = await probeSshKeyFile(ctx, { program: entries.get('gpg.ssh.program')?.value ?? 'ssh-keygen', file });
  const publicKeyPath = file.endsWith('.pub') ? file : `${file}.pub`;
  if (probe.status === 'ok') return { check: { ...base, ok: true, detail: `${base.detail}; ${probe.fingerprint}`, fix: [] }, notices: [], publicKeyPath };
  const detail = probe.status === 'missing' ? `${file} does not exist` : probe.detail;
  const fix: Fix = probe.status === 'program-failed'
    ? { fixNote: 'install OpenSSH (ssh-keygen), or point git at it', fix: ['git config gpg.ssh.program "$(command -v ssh-keygen)"'] }
    : { fixNote: 'point user.signingkey at your SSH public key', fix: ['git config user.signingkey ~/.ssh/id_ed25519.pub'] };
  return { check: { ...base, ok: false, code: 'SIGNING_KEY_UNUSABLE', detail: `${base.detail}; ${detail}`, ...fix }, notices: [] };
}

async function allowedSignersCheck(ctx: GitContext, entries: ConfigEntries, publicKeyPath: string | undefined): Promise<SetupCheck> {
  const entry = entries.get('gpg.ssh.allowedsignersfile');
  const base = { title: 'gpg.ssh.allowedSignersFile is set and exists', subject: 'gpg.ssh.allowedSignersFile', code: 'SIGNING_NOT_CONFIGURED' as const };
  const file = entry?.value ? expandConfigPath(entry.value, { home: ctx.env.HOME, cwd: ctx.cwd }) : undefined;
  if (file && (await isReadableFile(file))) return { ...base, ok: true, detail: describeEntry('gpg.ssh.allowedSignersFile', entry), fix: [] };
  const target = entry?.value ?? '~/.config/git/allowed_signers';
  const email = committerEmail(ctx, entries) ?? 'you@example.com';
  const fix = [
    ...(target.startsWith('~/.config/git/') ? ['mkdir -p ~/.config/git'] : []),
    `echo "${email} namespaces=\\"git\\" $(cat ${publicKeyPath ?? '~/.ssh/id_ed25519.pub'})" >> ${target}`,
    ...(entry?.value ? [] : [`git config gpg.ssh.allowedSignersFile ${target}`]),
  ];
  const detail = file ? `${describeEntry('gpg.ssh.allowedSignersFile', entry)}; ${file} does not exist` : describeEntry('gpg.ssh.allowedSignersFile', entry);
  return { ...base, ok: false, detail, fix };
}
