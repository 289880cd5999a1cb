/**
 * A small schema description language. One description per config shape drives validation
 * (check-value.ts), merging across `extends` (merge-layers.ts), the generated JSON Schema
 * (json-schema.ts) and the README reference: one source, so they cannot drift apart
 * (the changesets valibot-schema idea, without a runtime dependency on the hot path).
 */

/** Extra checks on a string beyond its type. */
export type StringFormat =
  | 'nonEmpty' // any non-empty string
  | 'regex' // compiles as a JavaScript RegExp and does not match the empty string
  | 'glob' // non-empty (micromatch lives in policy/, so only emptiness is checked here)
  | 'path' // a file path, resolved relative to the file that declared it
  | 'envName' // an environment variable name
  | 'email' // contains one @ with text on both sides
  | 'sshKey' // `type base64 [comment]`
  | 'ruleId' // letters, digits, `-`, `_`, `.`
  | 'pushOption'; // a push option name: no `=` and no whitespace

interface NodeBase {
  description: string;
  /** Example values shown in the schema and the README. */
  examples?: unknown[];
  /** Default shown in docs when it is not a plain value of defaults.ts (e.g. "value of signing.required"). */
  defaultNote?: string;
}

export interface BooleanNode extends NodeBase { type: 'boolean' }
export interface StringNode extends NodeBase { type: 'string'; enum?: readonly string[]; format?: StringFormat }
export interface NumberNode extends NodeBase { type: 'number'; minimum?: number; maximum?: number; exclusiveMinimum?: number }
/** A byte size: a non-negative integer, or a string such as `5MB` (KB/MB/GB are powers of 1024). */
export interface SizeNode extends NodeBase { type: 'size' }
export interface ArrayNode extends NodeBase {
  type: 'array';
  items: SchemaNode;
  /** How `extends` layers combine: `concat` (default; duplicates dropped) or `replace` (the later layer wins). */
  merge?: 'concat' | 'replace';
  /** For arrays of objects: a later item with the same value of this key replaces the earlier one. */
  mergeKey?: string;
  /** An empty list is a problem (for lists whose emptiness would silently disable something). */
  nonEmpty?: boolean;
}
/** A string, or a list of strings; normalized to a list. */
export interface StringOrListNode extends NodeBase { type: 'stringOrList'; items: StringNode }
export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: Record<string, SchemaNode>;
  required?: readonly string[];
}
/** An object used as a dictionary: any key, every value of one shape. */
export interface MapNode extends NodeBase { type: 'map'; values: SchemaNode; keyFormat?: StringFormat; keyDescription: string }

export type SchemaNode = BooleanNode | StringNode | NumberNode | SizeNode | ArrayNode | StringOrListNode | ObjectNode | MapNode;

/* Constructors keep the schema files readable. */
export const bool = (description: string, extra: Partial<BooleanNode> = {}): BooleanNode => ({ type: 'boolean', description, ...extra });
export const str = (description: string, extra: Partial<StringNode> = {}): StringNode => ({ type: 'string', description, ...extra });
export const num = (description: string, extra: Partial<NumberNode> = {}): NumberNode => ({ type: 'number', description, ...extra });
export const size = (description: string, extra: Partial<SizeNode> = {}): SizeNode => ({ type: 'size', description, ...extra });
export const list = (items: SchemaNode, description: string, extra: Partial<ArrayNode> = {}): ArrayNode =>
  ({ type: 'array', items, description, ...extra });
export const stringOrList = (items: StringNode, description: string, extra: Partial<StringOrListNode> = {}): StringOrListNode =>
  ({ type: 'stringOrList', items, description, ...extra });
export const obj = (properties: Record<string, SchemaNode>, description: string, extra: Partial<ObjectNode> = {}): ObjectNode =>
  ({ type: 'object', properties, description, ...extra });
export const map = (values: SchemaNode, description: string, keyDescription: string, extra: Partial<MapNode> = {}): MapNode =>
  ({ type: 'map', values, description, keyDescription, ...extra });

/** Appends a key to a key path: `a.b`, `a[2]`, or `a["deploy/**"]` for keys that are not identifiers. */
export function joinKeyPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}
