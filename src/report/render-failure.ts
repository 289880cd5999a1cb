import { printable } from './printable.js';

export interface FailureInput {
  code: string;
  message: string;
  hint?: string | undefined;
}

/** Long failure messages (CONFIG_INVALID lists every problem) are cut here on the server. */
const MAX_MESSAGE_LINES = 50;

/**
 * A failure (not a finding): on the server `gitward: push rejected (<CODE>): <message>` plus a
 * hint line, every line prefixed for the `remote:` channel; on the client `gitward: <CODE>:
 * <message>` and an indented hint. Only code, message and hint are read, so a stack trace can
 * never reach the output.
 */
export function renderFailure(error: FailureInput, opts: { server: boolean }): string {
  const [first = '', ...rest] = error.message.split(/\r?\n/).map(printable);
  if (opts.server) {
    const shown = rest.slice(0, MAX_MESSAGE_LINES);
    const more = rest.length > shown.length ? [`  ... and ${rest.length - shown.length} more lines`] : [];
    const lines = [
      `push rejected (${error.code}): ${first}`,
      ...[...shown, ...more].map((line) => `  ${line}`),
      ...(error.hint ? [`hint: ${printable(error.hint)}`] : []),
    ];
    return lines.map((line) => `gitward: ${line}\n`).join('');
  }
  const lines = [`gitward: ${error.code}: ${first}`, ...rest.map((line) => `  ${line}`), ...(error.hint ? [`  hint: ${printable(error.hint)}`] : [])];
  return `${lines.join('\n')}\n`;
}
