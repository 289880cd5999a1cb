import type { CommitInfo, Person, TagInfo } from '../model/index.js';
import { GitwardError } from '../errors/index.js';
import { signatureFormat, splitCommitSignature, splitTagSignature } from './signed-object.js';

const PERSON = /^(.*) <([^>]*)> (-?\d+) ([+-]\d{4})$/;

function parsePerson(value: string): Person {
  const m = PERSON.exec(value);
  if (!m) return { name: value, email: '', timestamp: 0, tzOffset: '+0000' };
  return { name: m[1] as string, email: m[2] as string, timestamp: Number(m[3]), tzOffset: m[4] as string };
}

/** Header lines until the first blank line; continuation lines (leading space) fold into the previous value. */
function readHeaders(head: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const line of head.split('\n')) {
    if (line.startsWith(' ') && last) {
      last[last.length - 1] += `\n${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(' ');
    const key = space === -1 ? line : line.slice(0, space);
    last = headers.get(key) ?? [];
    last.push(space === -1 ? '' : line.slice(space + 1));
    headers.set(key, last);
  }
  return headers;
}

/** Decodes a message in the commit's declared `encoding` (git's default is UTF-8). */
function decodeMessage(bytes: Buffer, encoding: string | undefined): string {
  try {
    return new TextDecoder(encoding ?? 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** Copies the split-off signature, the exact signed bytes and the signature's format onto a parsed object. */
function withSignature<T extends CommitInfo | TagInfo>(info: T, split: { payload: Buffer; signature?: string }): T {
  if (!split.signature) return info;
  const format = signatureFormat(split.signature);
  return { ...info, signature: split.signature, signedPayload: split.payload, ...(format ? { signatureFormat: format } : {}) };
}

/** Parses a raw commit object, keeping the exact signed bytes for verification. */
export function parseCommit(oid: string, raw: Buffer): CommitInfo {
  const split = splitCommitSignature(raw);
  const headEnd = split.payload.indexOf('\n\n');
  const head = split.payload.subarray(0, headEnd === -1 ? split.payload.length : headEnd).toString('utf8');
  const headers = readHeaders(head);
  const tree = headers.get('tree')?.[0];
  const author = headers.get('author')?.[0];
  const committer = headers.get('committer')?.[0];
  if (!tree || author === undefined || committer === undefined) {
    throw new GitwardError('GIT_OBJECT_MISSING', `commit ${oid} is malformed (missing tree/author/committer)`, { hint: 'Run `git fsck` on the pushed commits.' });
  }
  const message = headEnd === -1 ? '' : decodeMessage(split.payload.subarray(headEnd + 2), headers.get('encoding')?.[0]);
  const info: CommitInfo = { oid, tree, parents: headers.get('parent') ?? [], author: parsePerson(author), committer: parsePerson(committer), message };
  return withSignature(info, split);
}

/** Parses a raw annotated tag object; its signature (if any) trails the message. */
export function parseTag(oid: string, raw: Buffer): TagInfo {
  const split = splitTagSignature(raw);
  const text = split.payload.toString('utf8');
  const headEnd = text.indexOf('\n\n');
  const headers = readHeaders(headEnd === -1 ? text : text.slice(0, headEnd));
  const tagger = headers.get('tagger')?.[0];
  const info: TagInfo = {
    oid,
    object: headers.get('object')?.[0] ?? '',
    objectType: headers.get('type')?.[0] ?? '',
    tag: headers.get('tag')?.[0] ?? '',
    message: headEnd === -1 ? '' : text.slice(headEnd + 2),
    ...(tagger !== undefined ? { tagger: parsePerson(tagger) } : {}),
  };
  return withSignature(info, split);
}
