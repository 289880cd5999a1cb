import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { GitContext } from './run-git.js';
import { spawnGit } from './run-git.js';
import { GitwardError } from '../errors/index.js';

export interface GitObject {
  oid: string;
  type: string;
  bytes: Buffer;
}

interface Pending {
  oid: string;
  resolve: (value: GitObject) => void;
  reject: (reason: GitwardError) => void;
}

/**
 * One long-lived `git cat-file --batch`. Spawned git inherits GIT_OBJECT_DIRECTORY and
 * GIT_ALTERNATE_OBJECT_DIRECTORIES, so inside pre-receive it sees the quarantined objects that
 * isomorphic-git cannot (see the README's design notes). Requests are pipelined: many oids can be
 * written before the first answer arrives, and answers come back in order.
 */
export class ObjectReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  // Output not yet parsed. Chunks are joined only once enough bytes for the next object have
  // arrived, so a large object costs one copy, not one per chunk.
  private chunks: Buffer[] = [];
  private buffered = 0;
  private needed = 0;
  private failure: GitwardError | undefined;

  constructor(ctx: GitContext) {
    this.child = spawnGit(ctx, ['cat-file', '--batch']);
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (cause) => this.fail(new GitwardError('GIT_FAILED', `could not run git cat-file: ${cause.message}`, { cause })));
    this.child.on('close', (code, signal) => {
      if (this.queue.length > 0) this.fail(new GitwardError('GIT_FAILED', `git cat-file exited early (${signal ?? code})`));
    });
  }

  read(oid: string): Promise<GitObject> {
    if (this.failure) return Promise.reject(this.failure);
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid)) return Promise.reject(new GitwardError('HOOK_INPUT_INVALID', `not an object id: ${oid}`));
    return new Promise((resolve, reject) => {
      this.queue.push({ oid, resolve, reject });
      this.child.stdin.write(`${oid}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return;
    let buffer = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.needed = 0;
    while (this.queue.length > 0) {
      const newline = buffer.indexOf(10);
      if (newline === -1) break;
      const header = buffer.subarray(0, newline).toString('latin1');
      const pending = this.queue[0] as Pending;
      if (header.endsWith(' missing')) {
        this.queue.shift();
        buffer = buffer.subarray(newline + 1);
        pending.reject(new GitwardError('GIT_OBJECT_MISSING', `object ${pending.oid} is missing`, { hint: 'The push is incomplete or the repository is damaged; run `git fsck`.' }));
        continue;
      }
      const [oid = '', type = '', size = '0'] = header.split(' ');
      const end = newline + 1 + Number(size);
      if (buffer.length < end + 1) {
        this.needed = end + 1; // body and its trailing newline not complete yet
        break;
      }
      this.queue.shift();
      pending.resolve({ oid, type, bytes: Buffer.from(buffer.subarray(newline + 1, end)) });
      buffer = buffer.subarray(end + 1);
    }
    this.chunks = buffer.length > 0 ? [buffer] : [];
    this.buffered = buffer.length;
  }

  private fail(error: GitwardError): void {
    this.failure = error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }
}

/** Reads every object in `oids` with one cat-file process. */
export async function readObjects(ctx: GitContext, oids: string[]): Promise<Map<string, GitObject>> {
  const reader = new ObjectReader(ctx);
  try {
    const objects = await Promise.all(oids.map((oid) => reader.read(oid)));
    return new Map(objects.map((o) => [o.oid, o]));
  } finally {
    reader.close();
  }
}
