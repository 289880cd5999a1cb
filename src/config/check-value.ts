import { resolve } from 'node:path';
import type { FailureCode } from '../errors/index.js';
import type { SchemaNode, StringNode, ObjectNode, MapNode, ArrayNode, StringFormat } from './schema-node.js';
import { joinKeyPath } from './schema-node.js';
import { parseSize } from './parse-size.js';
import { didYouMean } from './did-you-mean.js';
import { messages } from './messages.js';

/** A problem inside one file (the file is attached by the caller). */
export interface Problem {
  keyPath: string;
  message: string;
  code?: FailureCode;
}

export interface CheckContext {
  /** Directory that `path`-format strings are resolved against: the declaring file's directory. */
  baseDir: string;
  /** Team config warns about unknown keys (forward compatibility); the server policy fails closed on them. */
  unknownKeys: 'warning' | 'error';
  errors: Problem[];
  warnings: Problem[];
}

/** cosmiconfig would act on `$import` itself; the loader renames it to this key so validation can reject it. */
export const IMPORT_MARKER = '\u0000$import';

const FORMATS: Partial<Record<StringFormat, RegExp>> = {
  envName: /^[A-Za-z_][A-Za-z0-9_]*$/,
  email: /^[^\s@]+@[^\s@]+$/,
  sshKey: /^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) AAAA[A-Za-z0-9+/]+={0,3}( .*)?$/,
  ruleId: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  pushOption: /^[^\s=]+$/,
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks `value` against `node`, records every problem in `ctx`, and returns the cleaned value:
 * sizes in bytes, paths absolute, string-or-list as a list, invalid parts dropped. Returns
 * undefined when the value itself is unusable. Never stops at the first problem.
 */
export function checkValue(node: SchemaNode, value: unknown, keyPath: string, ctx: CheckContext): unknown {
  const fail = (message: string): undefined => {
    ctx.errors.push({ keyPath, message });
    return undefined;
  };
  switch (node.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(messages.expected('boolean'));
    case 'string':
      return checkString(node, value, keyPath, ctx);
    case 'number':
      return checkNumber(node, value, fail);
    case 'size':
      return parseSize(value) ?? fail(messages.expectedSize());
    case 'stringOrList':
      if (typeof value === 'string') return collect([checkString(node.items, value, keyPath, ctx)]);
      return Array.isArray(value) ? collect(value.map((v, i) => checkString(node.items, v, joinKeyPath(keyPath, i), ctx))) : fail(messages.expected('a string or a list of strings'));
    case 'array':
      return checkArray(node, value, keyPath, ctx);
    case 'object':
      return checkObject(node, value, keyPath, ctx);
    case 'map':
      return checkMap(node, value, keyPath, ctx);
  }
}

const collect = (values: unknown[]): unknown[] => values.filter((v) => v !== undefined);

function checkNumber(node: Extract<SchemaNode, { type: 'number' }>, value: unknown, fail: (m: string) => undefined): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(messages.expected('number'));
  if (node.minimum !== undefined && value < node.minimum) return fail(messages.tooSmall(node.minimum, false));
  if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) return fail(messages.tooSmall(node.exclusiveMinimum, true));
  if (node.maximum !== undefined && value > node.maximum) return fail(messages.tooLarge(node.maximum));
  return value;
}

function checkString(node: StringNode, value: unknown, keyPath: string, ctx: CheckContext): string | undefined {
  const fail = (message: string): undefined => {
    ctx.errors.push({ keyPath, message });
    return undefined;
  };
  if (typeof value !== 'string') return fail(node.enum ? messages.expectedOneOf(node.enum) : messages.expected('string'));
  if (node.enum && !node.enum.includes(value)) return fail(messages.expectedOneOf(node.enum));
  const problem = node.format === undefined ? undefined : formatProblem(node.format, value);
  if (problem !== undefined) return fail(problem);
  return node.format === 'path' ? resolve(ctx.baseDir, value) : value;
}

/** Why `value` does not have `format`, or undefined when it does. */
export function formatProblem(format: StringFormat, value: string): string | undefined {
  if (value.trim() === '') return messages.mustNotBeEmpty();
  if (format === 'regex') return regexProblem(value);
  const pattern = FORMATS[format];
  if (pattern && !pattern.test(value)) return messages.badFormat(format);
  return format === 'sshKey' && !isSelfConsistentSshKey(value) ? messages.badFormat(format) : undefined;
}

/** The key blob starts with its own type name (RFC 4253 §6.6): catches truncated or pasted-wrong keys early. */
function isSelfConsistentSshKey(line: string): boolean {
  const [type = '', base64 = ''] = line.split(' ');
  const blob = Buffer.from(base64, 'base64');
  if (blob.length < 4) return false;
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('latin1') === type;
}

/** Compiled without flags, the most permissive mode (consumers may add g/i); `[\w-]` is valid there but not with `u`. */
function regexProblem(source: string): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (error) {
    return messages.badRegex((error as Error).message.replace(/^Invalid regular expression: /, ''));
  }
  return regex.test('') ? messages.regexMatchesEmpty() : undefined;
}

function checkArray(node: ArrayNode, value: unknown, keyPath: string, ctx: CheckContext): unknown[] | undefined {
  if (!Array.isArray(value)) {
    ctx.errors.push({ keyPath, message: messages.expected('a list') });
    return undefined;
  }
  if (node.nonEmpty && value.length === 0) ctx.errors.push({ keyPath, message: messages.listMustNotBeEmpty() });
  return collect(value.map((item, i) => checkValue(node.items, item, joinKeyPath(keyPath, i), ctx)));
}

function checkObject(node: ObjectNode, value: unknown, keyPath: string, ctx: CheckContext): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) {
    ctx.errors.push({ keyPath, message: keyPath === '' ? messages.notAnObject() : messages.expected('an object') });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  let complete = true;
  for (const [key, raw] of Object.entries(value)) {
    const child = Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
    if ((key === IMPORT_MARKER || key === '$import') && ctx.unknownKeys === 'warning') ctx.errors.push({ keyPath: joinKeyPath(keyPath, '$import'), message: messages.importUnsupported() });
    else if (child === undefined) reportUnknownKey(key, Object.keys(node.properties), joinKeyPath(keyPath, key), ctx);
    else {
      const cleaned = checkValue(child, raw, joinKeyPath(keyPath, key), ctx);
      if (cleaned !== undefined) out[key] = cleaned;
      else if (node.required?.includes(key)) complete = false;
    }
  }
  for (const key of node.required ?? []) {
    if (!(key in value)) {
      ctx.errors.push({ keyPath: joinKeyPath(keyPath, key), message: messages.required() });
      complete = false;
    }
  }
  return complete ? out : undefined;
}

function reportUnknownKey(key: string, known: string[], keyPath: string, ctx: CheckContext): void {
  const suggestion = didYouMean(key, known);
  if (ctx.unknownKeys === 'warning') ctx.warnings.push({ keyPath, message: messages.unknownKey(suggestion) });
  else ctx.errors.push({ keyPath, message: messages.unknownPolicyKey(suggestion) });
}

function checkMap(node: MapNode, value: unknown, keyPath: string, ctx: CheckContext): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) {
    ctx.errors.push({ keyPath, message: messages.expected('an object') });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const childPath = joinKeyPath(keyPath, key);
    // `__proto__` as an own key (JSON.parse makes one) would replace the prototype on assignment.
    const keyProblem = key === '__proto__' ? messages.reservedKey() : node.keyFormat === undefined ? undefined : formatProblem(node.keyFormat, key);
    if (keyProblem !== undefined) ctx.errors.push({ keyPath: childPath, message: `key ${JSON.stringify(key)}: ${keyProblem}` });
    const cleaned = checkValue(node.values, raw, childPath, ctx);
    if (cleaned !== undefined && keyProblem === undefined) out[key] = cleaned;
  }
  return out;
}
