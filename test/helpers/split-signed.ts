import { execFileSync } from 'node:child_process';

/**
 * Test-side splitting of signed git objects, written independently of src/git so the verifier's
 * tests do not inherit a bug from the production splitter. Works on bytes (CRLF, Latin-1).
 */
export interface SignedObject {
  payload: Buffer;
  signature?: string;
  /** committer (commit) or tagger (tag) email. */
  email: string;
}

/** Raw object bytes from `git cat-file <type> <oid>`, never decoded. */
export function catFile(repo: { dir: string; env: Record<string, string> }, type: 'commit' | 'tag', oid: string): Buffer {
  return execFileSync('git', ['cat-file', type, oid.trim()], { cwd: repo.dir, env: repo.env, maxBuffer: 1 << 26 });
}

/** Drops the `gpgsig` header (and its space-indented continuation lines); the signature is the header value. */
export function splitSignedCommit(raw: Buffer): SignedObject {
  const headerEnd = raw.indexOf('\n\n');
  const head = raw.subarray(0, headerEnd + 1);
  const kept: Buffer[] = [];
  const signature: string[] = [];
  let inSignature = false;
  for (let pos = 0; pos < head.length;) {
    const next = head.indexOf(10, pos) + 1;
    const line = head.subarray(pos, next);
    pos = next;
    const text = line.toString('latin1');
    if (text.startsWith('gpgsig ')) {
      inSignature = true;
      signature.push(line.subarray(7).toString('utf8'));
    } else if (inSignature && text.startsWith(' ')) {
      signature.push(line.subarray(1).toString('utf8'));
    } else {
      inSignature = false;
      kept.push(line);
    }
  }
  const payload = Buffer.concat([...kept, raw.subarray(headerEnd + 1)]);
  return { payload, email: headerEmail(payload, 'committer'), ...(signature.length ? { signature: signature.join('') } : {}) };
}

/** A tag's signature is the trailing armor block; the payload is every byte before it. */
export function splitSignedTag(raw: Buffer): SignedObject {
  const text = raw.toString('latin1');
  const at = Math.max(text.lastIndexOf('\n-----BEGIN PGP SIGNATURE-----'), text.lastIndexOf('\n-----BEGIN SSH SIGNATURE-----'));
  if (at === -1) return { payload: raw, email: headerEmail(raw, 'tagger') };
  return { payload: raw.subarray(0, at + 1), signature: raw.subarray(at + 1).toString('utf8'), email: headerEmail(raw, 'tagger') };
}

function headerEmail(payload: Buffer, field: string): string {
  const head = payload.subarray(0, payload.indexOf('\n\n')).toString('latin1');
  return new RegExp(`^${field} .*<([^>]*)>`, 'm').exec(head)?.[1] ?? '';
}

/** Convenience: the signed parts of a commit in a test repo. */
export function signedCommit(repo: { dir: string; env: Record<string, string> }, rev = 'HEAD'): SignedObject {
  const oid = execFileSync('git', ['rev-parse', rev], { cwd: repo.dir, env: repo.env, encoding: 'utf8' }).trim();
  return splitSignedCommit(catFile(repo, 'commit', oid));
}
