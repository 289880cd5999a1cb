#!/usr/bin/env node
// The only place that prints and exits. Everything else returns a CliResult.
import { main } from './main.js';
import type { CliIo } from './io.js';

function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const isTty = Boolean(process.stderr.isTTY);
const io: CliIo = {
  cwd: process.cwd(),
  env: process.env,
  readStdin,
  isTty,
  progress: isTty ? (line) => process.stderr.write(`\r\x1b[2K${line}`) : undefined,
};

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
}

void main(process.argv.slice(2), io).then(async (outcome) => {
  await write(process.stdout, outcome.stdout);
  await write(process.stderr, outcome.stderr);
  // Exit explicitly once the output is flushed: a timed-out check may still hold git children or
  // timers, and a hook must never keep the pusher waiting after it has decided.
  process.exit(outcome.exitCode);
});
