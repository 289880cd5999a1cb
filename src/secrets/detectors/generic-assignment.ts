import { assessAssignment, isCodePath } from './assess-value.js';
import { PRIORITY, type Candidate, type Detector } from '../detector.js';

/**
 * After the key: `=`, `:`, `:=`, `=>`, `??=`, `||=`, a typed `: str =`, or `", "` between quoted
 * arguments. In code `==` and `=~` compare; in config files (`.env`) a value may start with `=` or `~`.
 */
const CODE_OPERATOR_RE = /(["'])?\]?[ \t]*(:[ \t]*[A-Za-z_][\w.<>[\]|]{0,30}[ \t]*=(?![=~>])|:=|=>|\?\?=|\|\|=|=(?![=~>])|:(?![:\w/\\])|,(?=[ \t]*["']))[ \t]*/y;
const CONFIG_OPERATOR_RE = /(["'])?\]?[ \t]*(:=|=>|=|:(?![:\w/\\])|,(?=[ \t]*["']))[ \t]*/y;
const UNQUOTED_RE = /[^\s"'`,;]+/y;

interface Value {
  value: string;
  start: number;
  quoted: boolean;
}

function readQuoted(text: string, from: number): Value | undefined {
  const quote = text.charAt(from);
  let close = text.indexOf(quote, from + 1);
  while (close > 0 && text.charAt(close - 1) === '\\') close = text.indexOf(quote, close + 1);
  const value = close < 0 ? '' : text.slice(from + 1, close);
  if (value === '' || value.includes('\n') || (quote === '`' && value.includes('${'))) return undefined;
  return { value, start: from + 1, quoted: true };
}

/** Drops closing brackets that close something outside the value (`(token=abc)`), keeps `<token>`. */
function trimClosers(value: string): string {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };
  let out = value;
  while (out.length > 0 && pairs[out.charAt(out.length - 1)] !== undefined && !out.includes(pairs[out.charAt(out.length - 1)]!)) out = out.slice(0, -1);
  return out;
}

function readValue(text: string, from: number): Value | undefined {
  if (/["'`]/.test(text.charAt(from))) return readQuoted(text, from);
  UNQUOTED_RE.lastIndex = from;
  const m = UNQUOTED_RE.exec(text);
  if (!m) return undefined;
  return { value: trimClosers(m[0]), start: from, quoted: false };
}

/** An unquoted value that is code (`var.db_password`, `getToken()`) or a YAML tag, anchor or alias (`!Ref x`, `*db`). */
function isExpression(value: string, path: string): boolean {
  return /^[A-Za-z_$][\w$]*(\.[\w$-]+)+$/.test(value) || value.includes('(') || value.includes('[') || (/^[!&*]/.test(value) && /\.ya?ml$/i.test(path));
}

/**
 * `"key", "value"` counts only as call arguments (`put("password", "…")`), not in lists
 * (`["token","secret"]`); in Python, `name: "…"` with a bare name is a type annotation.
 */
function isAssignmentOperator(op: RegExpExecArray, text: string, keyStart: number, path: string): boolean {
  const quotedKey = op[1] !== undefined;
  if (op[2] === ',') return quotedKey && /\(\s*["']$/.test(text.slice(Math.max(0, keyStart - 8), keyStart));
  return !(op[2] === ':' && !quotedKey && /\.pyi?$/.test(path));
}

/** [A-Za-z0-9_.-] without a regex call per character (this runs for every keyword hit). */
function isKeyChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

function keyBounds(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && isKeyChar(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && isKeyChar(text.charCodeAt(end))) end++;
  return [start, end];
}

/** JavaScript's `\s` except the newline, which ends the backward scan for a Dockerfile keyword. */
const SPACE_RE = /\s/;
function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code !== 10 && (code === 32 || code === 9 || (code > 10 && SPACE_RE.test(text.charAt(at))));
}

/**
 * True when the key's line reads `ENV ` or `ARG ` (any blanks) up to the key. Scans back from the
 * key instead of finding the line start: a one-line minified file or source map otherwise paid a
 * search back to the file's start on every keyword hit (quadratic: 7 MB/s on a 1.8 MB `.map`).
 */
function isDockerKeywordBefore(text: string, keyStart: number): boolean {
  let at = keyStart;
  while (at > 0 && isSpaceAt(text, at - 1)) at--;
  if (at === keyStart || at < 3) return false;
  const word = text.slice(at - 3, at);
  if (word !== 'ENV' && word !== 'ARG') return false;
  at -= 3;
  while (at > 0 && isSpaceAt(text, at - 1)) at--;
  return at === 0 || text.charCodeAt(at - 1) === 10;
}

/** `ENV KEY value` (Dockerfile's legacy form) and `<password>value</password>`. */
function specialValueStart(text: string, keyStart: number, keyEnd: number): number | undefined {
  if (isDockerKeywordBefore(text, keyStart) && /^[ \t]+\S/.test(text.slice(keyEnd, keyEnd + 2))) {
    return keyEnd + /^[ \t]+/.exec(text.slice(keyEnd))![0].length;
  }
  return text.charAt(keyStart - 1) === '<' && text.charAt(keyEnd) === '>' ? keyEnd + 1 : undefined;
}

/**
 * `<password>value</password>`: the element's text, only when the closing tag follows it on the
 * same line. The value holds no `<`, so the first `<` after the key decides; searching from there,
 * not to the end of the line, keeps one-line files linear.
 */
function xmlValue(text: string, keyStart: number, keyEnd: number): Value | undefined {
  const key = text.slice(keyStart, keyEnd);
  const lt = text.indexOf('<', keyEnd + 1);
  if (lt < 0 || !text.startsWith(`</${key}>`, lt)) return undefined;
  const value = text.slice(keyEnd + 1, lt);
  return value === '' || value.includes('\n') ? undefined : { value: value.trim(), start: keyEnd + 1 + value.indexOf(value.trim()), quoted: true };
}

function assignmentAt(text: string, path: string, keyStart: number, keyEnd: number): Candidate | undefined {
  if (text.charAt(keyStart - 1) === '$') return undefined; // `$PASSWORD` is a reference
  let valueStart = specialValueStart(text, keyStart, keyEnd);
  if (valueStart === undefined) {
    const operator = isCodePath(path) ? CODE_OPERATOR_RE : CONFIG_OPERATOR_RE;
    operator.lastIndex = keyEnd;
    const op = operator.exec(text);
    if (!op || !isAssignmentOperator(op, text, keyStart, path)) return undefined;
    valueStart = keyEnd + op[0].length;
  }
  const xml = text.charAt(keyStart - 1) === '<' && valueStart === keyEnd + 1;
  const found = xml ? xmlValue(text, keyStart, keyEnd) : readValue(text, valueStart);
  if (!found || (!found.quoted && (isCodePath(path) || isExpression(found.value, path)))) return undefined;
  const key = text.slice(keyStart, keyEnd);
  const verdict = assessAssignment(key, found.value, path);
  if (!verdict) return undefined;
  return { ...verdict, start: found.start, end: found.start + found.value.length, secret: found.value, priority: PRIORITY.generic };
}

export const genericAssignmentDetector: Detector = {
  rules: [
    { id: 'generic-password', description: 'Password assigned in code, config, .env, YAML, JSON, HCL or a Dockerfile; scored by character statistics' },
    { id: 'generic-secret', description: 'Token, API key or other secret assigned to a credential-named key; scored by character statistics' },
    { id: 'aws-secret-access-key', description: 'AWS secret access key (40 chars) assigned to an aws…secret key' },
  ],
  keywords: ['pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', '_key', '-key', 'accesskey', 'privatekey', 'credential', 'bearer'],
  detect({ text, path, hits }) {
    const found: Candidate[] = [];
    let lastKeyEnd = -1;
    for (const at of hits) {
      if (at < lastKeyEnd) continue; // a second keyword inside the same key (`secretToken`)
      const [keyStart, keyEnd] = keyBounds(text, at);
      lastKeyEnd = keyEnd;
      const hit = assignmentAt(text, path, keyStart, keyEnd);
      if (hit) found.push(hit);
    }
    return found;
  },
};
