/**
 * Makes untrusted text (commit messages, paths, ref names) safe for one terminal line: newlines
 * would forge extra `remote:` lines and escape sequences could rewrite the pusher's screen, so
 * every control character is shown escaped instead of being emitted.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** The abbreviation gitward prints everywhere: 12 hex digits stay unambiguous in very large repositories. */
export function shortOid(oid: string): string {
  return oid.slice(0, 12);
}

/** "1 secret", "2 secrets". */
export function plural(count: number, noun: string, nounPlural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nounPlural}`;
}
