import { matchesPatternList } from './match-pattern-list.js';
import { parseSshKeyLine } from './ssh-public-key.js';
import type { SshKeyRecord } from './trust-store.js';

/**
 * Parses git's allowed-signers file (ssh-keygen ALLOWED SIGNERS): `principals [options] keytype base64 [comment]`.
 * Principals are comma-separated patterns and may be quoted; options are `cert-authority`,
 * `namespaces="…"`, `valid-after="…"`, `valid-before="…"`. Like ssh-keygen, an unknown option or
 * a malformed line is an error (the caller turns it into TRUST_STORE_UNREADABLE), never skipped.
 */
export function parseAllowedSigners(text: string, source: string): SshKeyRecord[] {
  const records: SshKeyRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    try {
      const record = parseLine(trimmed, `${source}:${i + 1}`);
      if (record) records.push(record);
    } catch (error) {
      throw new Error(`line ${i + 1}: ${(error as Error).message}`, { cause: error });
    }
  });
  return records;
}

function parseLine(line: string, source: string): SshKeyRecord | undefined {
  const [quotedPrincipals, afterPrincipals] = readToken(line);
  const principals = quotedPrincipals.replace(/"/g, '');
  let rest = afterPrincipals.trimStart();
  const options: Record<string, string | true> = {};
  if (!/^(ssh-|ecdsa-|sk-)/.test(rest)) {
    const [optionText, afterOptions] = readToken(rest);
    Object.assign(options, parseOptions(optionText));
    rest = afterOptions.trimStart();
  }
  const key = parseSshKeyLine(rest);
  // A CA line authorizes certificates, not plain keys: gitward does not verify certificate
  // signatures (they come back `unsupported`), so the line grants nothing and is left out.
  if (options['cert-authority']) return undefined;
  const lowered = principals.toLowerCase().split(',').filter(Boolean);
  if (lowered.length === 0) throw new Error('no principals');
  const record: SshKeyRecord = {
    owner: lowered.find((p) => !p.startsWith('!')) ?? lowered[0] as string,
    principals: lowered, patterns: true, source,
    keyType: key.keyType, blob: key.blob, fingerprint: key.fingerprint,
    ...(key.jwk ? { jwk: key.jwk } : {}), ...(key.unsupported ? { unsupported: key.unsupported } : {}),
  };
  if (typeof options.namespaces === 'string') record.namespaces = options.namespaces;
  if (typeof options['valid-after'] === 'string') record.validAfter = parseSshTime(options['valid-after']);
  if (typeof options['valid-before'] === 'string') record.validBefore = parseSshTime(options['valid-before']);
  return record;
}

/** One whitespace-delimited token (quotes kept) in which double-quoted parts may contain spaces and commas. */
function readToken(text: string): [string, string] {
  let inQuotes = false;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && /\s/.test(c)) break;
  }
  if (inQuotes) throw new Error('unterminated quote');
  return [text.slice(0, i), text.slice(i)];
}

function parseOptions(text: string): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  // Split on commas outside quotes: `namespaces="git,file"` carries a comma of its own.
  for (const part of text.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).toLowerCase();
    const value = eq === -1 ? true : part.slice(eq + 1).replace(/^"|"$/g, '');
    if (!['cert-authority', 'namespaces', 'valid-after', 'valid-before'].includes(name)) throw new Error(`unsupported option "${name}"`);
    if ((name === 'cert-authority') !== (value === true)) throw new Error(`option "${name}" ${value === true ? 'needs' : 'takes no'} value`);
    options[name] = value;
  }
  return options;
}

/** `YYYYMMDD[HHMM[SS]][Z]`: local time unless suffixed with Z, as ssh-keygen reads it. */
export function parseSshTime(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z?)$/i.exec(value);
  if (!m) throw new Error(`bad time "${value}" (expected YYYYMMDD[HHMM[SS]][Z])`);
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const fields = [y as number, (mo as number) - 1, d as number, h, mi, s] as const;
  const time = m[7] ? Date.UTC(...fields) : new Date(...fields).getTime();
  if (Number.isNaN(time)) throw new Error(`bad time "${value}"`);
  return time;
}

/** Whether an allowed-signers record may sign in this namespace (absent `namespaces=` means any). */
export function allowsNamespace(record: SshKeyRecord, namespace: string): boolean {
  return record.namespaces === undefined || matchesPatternList(namespace, record.namespaces);
}
