import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyPerson } from '../../../src/config/types.js';
import type { SignatureVerdict } from '../../../src/model/index.js';
import { buildTrustStore, verifySignature, type TrustStore } from '../../../src/signatures/index.js';
import { configureGitSigning, stopGpgAgent, type SigningSetup } from '../../helpers/keys.js';
import { createRepo, type TestRepo } from '../../helpers/repo.js';
import { catFile, splitSignedCommit, splitSignedTag, type SignedObject } from '../../helpers/split-signed.js';

export const DAY = 24 * 60 * 60 * 1000;

export interface CommitOptions {
  message?: string | Buffer;
  /** git commit --cleanup=verbatim */
  verbatim?: boolean;
  /** i18n.commitEncoding, e.g. ISO-8859-1 (the message bytes must already be in it). */
  encoding?: string;
}

/**
 * One temp repo with its own GNUPGHOME and HOME, where tests make real signed commits and tags
 * with real git, then read the raw objects back and split them (test/helpers/split-signed.ts).
 */
export class Lab {
  readonly repo: TestRepo & { cleanup: () => void } = createRepo();
  readonly gnupghome = this.repo.env.GNUPGHOME as string;
  private counter = 0;

  commit(setup: SigningSetup, email: string, options: CommitOptions = {}): SignedObject & { oid: string } {
    configureGitSigning(this.repo, setup, email);
    const file = join(this.repo.home, 'message.txt');
    writeFileSync(file, options.message ?? `change ${++this.counter}\n`);
    const args = ['commit', '-q', '--allow-empty', '-F', file, ...(options.verbatim ? ['--cleanup=verbatim'] : [])];
    this.repo.git(...(options.encoding ? ['-c', `i18n.commitEncoding=${options.encoding}`] : []), ...args);
    const oid = this.repo.git('rev-parse', 'HEAD').trim();
    return { oid, ...splitSignedCommit(catFile(this.repo, 'commit', oid)) };
  }

  tag(setup: SigningSetup, email: string, name: string): SignedObject & { oid: string } {
    configureGitSigning(this.repo, setup, email);
    this.repo.git('tag', '-s', '-m', `release ${name}`, name);
    const oid = this.repo.git('rev-parse', name).trim();
    return { oid, ...splitSignedTag(catFile(this.repo, 'tag', oid)) };
  }

  /** Writes an unsigned commit object with an arbitrary signature header (for signatures made outside git). */
  commitWithSignature(payload: Buffer, signature: string): string {
    const headerEnd = payload.indexOf('\n\n');
    const header = `gpgsig ${signature.trimEnd().split('\n').join('\n ')}\n`;
    const raw = Buffer.concat([payload.subarray(0, headerEnd + 1), Buffer.from(header), payload.subarray(headerEnd + 1)]);
    return execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: this.repo.dir, env: this.repo.env, input: raw, encoding: 'utf8' }).trim();
  }

  /** An unsigned commit's raw bytes (to sign by hand). */
  unsignedPayload(email: string): Buffer {
    this.repo.git('config', 'commit.gpgSign', 'false');
    this.repo.git('config', 'user.email', email);
    this.repo.git('commit', '-q', '--allow-empty', '-m', `unsigned ${++this.counter}`);
    return catFile(this.repo, 'commit', this.repo.git('rev-parse', 'HEAD'));
  }

  cleanup(): void {
    stopGpgAgent(this.gnupghome);
    this.repo.cleanup();
  }
}

export function person(emails: string[], keys: { openpgp?: string[]; ssh?: string[] }): PolicyPerson {
  return { emails, openpgp: keys.openpgp ?? [], ssh: keys.ssh ?? [] };
}

export async function trustOf(people: Record<string, PolicyPerson>): Promise<TrustStore> {
  return buildTrustStore(people);
}

export async function verify(object: SignedObject, trust: TrustStore, options: { now?: Date; bind?: boolean; email?: string } = {}): Promise<SignatureVerdict> {
  if (!object.signature) throw new Error('the test object is not signed');
  return verifySignature({
    signature: object.signature, payload: object.payload, signerEmail: options.email ?? object.email,
    trust, now: options.now ?? new Date(), bindCommitter: options.bind ?? true,
  });
}

export function tamper(payload: Buffer): Buffer {
  const copy = Buffer.from(payload);
  const at = copy.lastIndexOf('\n') - 1;
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}
