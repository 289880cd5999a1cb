import type { SignatureFormat } from '../model/index.js';

/** The armor line that opens each kind of signature (gitformat-signature). */
const ARMOR: Array<[string, SignatureFormat]> = [
  ['-----BEGIN PGP SIGNATURE-----', 'openpgp'],
  ['-----BEGIN PGP MESSAGE-----', 'openpgp'],
  ['-----BEGIN SSH SIGNATURE-----', 'ssh'],
  ['-----BEGIN SIGNED MESSAGE-----', 'x509'],
];

export function signatureFormat(armored: string): SignatureFormat | undefined {
  return ARMOR.find(([line]) => armored.startsWith(line))?.[1];
}

export interface SplitHeaders {
  /** Header lines (without the signature headers) followed by the blank line and the message: the signed bytes. */
  payload: Buffer;
  signature?: string;
  /** Offset in `payload` where the message starts (after the blank line). */
  messageStart: number;
}

/**
 * Removes the `gpgsig` (and `gpgsig-sha256`) header with its continuation lines from a raw commit,
 * byte for byte. Works on bytes, not text: CRLF messages, `--cleanup=verbatim` and non-UTF-8
 * `encoding` commits must verify, and `readCommit().payload` of isomorphic-git normalizes them away.
 */
export function splitCommitSignature(raw: Buffer): SplitHeaders {
  const kept: Buffer[] = [];
  const sigLines: string[] = [];
  // 'capture': inside the first signature header; 'skip': inside a further one (dropped like git does).
  let mode: 'none' | 'capture' | 'skip' = 'none';
  let pos = 0;
  while (pos < raw.length) {
    const end = raw.indexOf(10, pos);
    const stop = end === -1 ? raw.length : end + 1;
    const line = raw.subarray(pos, stop);
    if (line.length === 1 && line[0] === 10) break; // the blank line ending the headers
    const text = line.toString('latin1');
    if (mode !== 'none' && text.startsWith(' ')) {
      if (mode === 'capture') sigLines.push(line.subarray(1).toString('utf8').replace(/\n$/, ''));
    } else if (text.startsWith('gpgsig ') || text.startsWith('gpgsig-sha256 ')) {
      mode = sigLines.length === 0 ? 'capture' : 'skip';
      if (mode === 'capture') sigLines.push(line.subarray(text.indexOf(' ') + 1).toString('utf8').replace(/\n$/, ''));
    } else {
      mode = 'none';
      kept.push(line);
    }
    pos = stop;
  }
  const headers = Buffer.concat(kept);
  const payload = Buffer.concat([headers, raw.subarray(pos)]);
  const split: SplitHeaders = { payload, messageStart: Math.min(headers.length + 1, payload.length) };
  if (sigLines.length > 0) split.signature = `${sigLines.join('\n')}\n`;
  return split;
}

/** A tag's signature is appended to its message; the signed payload is every byte before it. */
export function splitTagSignature(raw: Buffer): { payload: Buffer; signature?: string } {
  const text = raw.toString('latin1');
  let at = -1;
  for (const [line] of ARMOR) {
    const found = text.lastIndexOf(`\n${line}`);
    if (found > at) at = found;
  }
  if (at === -1) return { payload: raw };
  return { payload: raw.subarray(0, at + 1), signature: raw.subarray(at + 1).toString('utf8') };
}
