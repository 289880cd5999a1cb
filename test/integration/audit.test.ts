import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir, PROJECT_ROOT } from '../helpers/repo.js';
import { appendAuditRecord } from '../../src/audit/index.js';
import { GitwardError } from '../../src/errors/index.js';

const AUDIT_MODULE = pathToFileURL(join(PROJECT_ROOT, 'src/audit/index.ts')).href;

/**
 * A separate node process (like one pre-receive hook per concurrent push) that appends `count`
 * records of varying size, some far larger than PIPE_BUF and a page, to the same file.
 */
function writerProcess(file: string, writer: number, count: number): Promise<void> {
  const script = `
    const { appendAuditRecord } = await import(${JSON.stringify(AUDIT_MODULE)});
    for (let seq = 0; seq < ${count}; seq++) {
      const size = ((${writer} * 7919 + seq * 104729) % 200000) + 10;
      // Odd writers also fdatasync, as production does; atomicity must not depend on it.
      await appendAuditRecord(${JSON.stringify(file)}, { writer: ${writer}, seq, size, payload: String(${writer} % 10).repeat(size) }, { sync: ${writer % 2 === 1} });
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}: ${stderr}`))));
  });
}

describe('audit: appendAuditRecord (real file system)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => { dir = makeTempDir('gitward-audit-'); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing parent directories and a 0640 file, one JSON line per record', async () => {
    const file = join(dir, 'nested/deeper/audit.jsonl');
    await appendAuditRecord(file, { n: 1, text: 'line\nbreak' });
    await appendAuditRecord(file, { n: 2 });
    const mode = statSync(file).mode & 0o777;
    assert.equal(mode & ~0o640, 0, `mode ${mode.toString(8)} is wider than 0640`);
    assert.equal(mode & 0o600, 0o600);
    assert.equal(readFileSync(file, 'utf8'), '{"n":1,"text":"line\\nbreak"}\n{"n":2}\n');
  });

  it('appends to an existing log without truncating it', async () => {
    const file = join(dir, 'audit.jsonl');
    writeFileSync(file, '{"old":true}\n');
    await appendAuditRecord(file, { n: 1 }, { sync: false });
    assert.equal(readFileSync(file, 'utf8'), '{"old":true}\n{"n":1}\n');
  });

  it('fails with AUDIT_FAILED when the log cannot be written', async () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    await assert.rejects(appendAuditRecord(join(blocker, 'audit.jsonl'), { n: 1 }), (e: unknown) => e instanceof GitwardError && e.code === 'AUDIT_FAILED' && e.message.includes('not-a-dir'));
    const dirAsFile = join(dir, 'is-a-dir');
    mkdirSync(dirAsFile);
    await assert.rejects(appendAuditRecord(dirAsFile, { n: 1 }), (e: unknown) => e instanceof GitwardError && e.code === 'AUDIT_FAILED');
  });

  it('keeps every line intact when many processes append at once', async () => {
    const file = join(dir, 'audit.jsonl');
    const writers = 12;
    const perWriter = 40;
    await Promise.all(Array.from({ length: writers }, (_, w) => writerProcess(file, w, perWriter)));
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.pop(), '', 'the log ends with a newline');
    assert.equal(lines.length, writers * perWriter);
    const seen = new Map<number, number[]>();
    for (const [i, line] of lines.entries()) {
      const record = JSON.parse(line) as { writer: number; seq: number; size: number; payload: string };
      assert.equal(record.payload, String(record.writer % 10).repeat(record.size), `line ${i + 1} is corrupted`);
      seen.set(record.writer, [...(seen.get(record.writer) ?? []), record.seq]);
    }
    for (let w = 0; w < writers; w++) assert.deepEqual(seen.get(w), Array.from({ length: perWriter }, (_, s) => s), `writer ${w}`);
  });
});
