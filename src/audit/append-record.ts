import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { GitwardError } from '../errors/index.js';

export interface AppendOptions {
  /**
   * fdatasync before returning (default true): an accepted push must not lose its record to a
   * crash right after the hook exits. Costs a disk flush per push; tests may turn it off.
   */
  sync?: boolean;
}

/**
 * Appends one record as one JSON line. Concurrent pushes run concurrent hooks, so the line is
 * written with a single write(2) on a descriptor opened with O_APPEND: on a local POSIX file
 * system the kernel moves to end-of-file and writes under the inode lock, so lines from
 * separate processes never interleave, at any length. (Network file systems such as NFS do not
 * give that guarantee: keep `audit.file` on a local disk.) A short write is reported as a
 * failure rather than retried, because a second write could land after another process's line.
 */
export async function appendAuditRecord(file: string, record: object, options: AppendOptions = {}): Promise<void> {
  // JSON.stringify escapes newlines inside strings, so the record is exactly one line.
  const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o750 });
    const handle = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o640);
    try {
      const { bytesWritten } = await handle.write(line, 0, line.length);
      if (bytesWritten !== line.length) throw new Error(`short write: ${bytesWritten} of ${line.length} bytes`);
      if (options.sync !== false) await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new GitwardError('AUDIT_FAILED', `${file}: ${(cause as Error).message}`, {
      hint: 'An admin must make `audit.file` (and its directory) writable by the git server user.',
      cause,
      data: { file },
    });
  }
}
