import type { SchemaNode, StringNode, StringFormat } from './schema-node.js';
import { teamSchema } from './team-schema.js';
import { policySchema, policyDefaults } from './policy-schema.js';
import { defaultTeamConfig } from './defaults.js';

export type JsonSchema = Record<string, unknown>;

/* JSON Schema patterns carry no flags, hence the explicit case classes. */
const SIZE_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*(([kKmMgG][iI]?)?[bB])?\\s*$';
const PATTERNS: Partial<Record<StringFormat, string>> = {
  envName: '^[A-Za-z_][A-Za-z0-9_]*$',
  email: '^[^\\s@]+@[^\\s@]+$',
  sshKey: '^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com) [A-Za-z0-9+/]+={0,3}( .*)?$',
  ruleId: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  pushOption: '^[^\\s=]+$',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringSchema(node: StringNode): JsonSchema {
  if (node.enum) return { type: 'string', enum: [...node.enum] };
  const pattern = node.format === undefined ? undefined : PATTERNS[node.format];
  // No `format: "regex"`: validators check it with the `u` flag, which rejects valid patterns such as `[\w-]`.
  return { type: 'string', ...(node.format === undefined ? {} : { minLength: 1 }), ...(pattern === undefined ? {} : { pattern }) };
}

function shape(node: SchemaNode, defaults: unknown): JsonSchema {
  switch (node.type) {
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return stringSchema(node);
    case 'number': {
      const { minimum, maximum, exclusiveMinimum } = node;
      return { type: 'number', ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }), ...(exclusiveMinimum === undefined ? {} : { exclusiveMinimum }) };
    }
    case 'size':
      return { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: SIZE_PATTERN }] };
    case 'array':
      return { type: 'array', items: toJsonSchema(node.items, undefined), ...(node.nonEmpty ? { minItems: 1 } : {}) };
    case 'stringOrList': {
      const item = stringSchema(node.items);
      return { anyOf: [item, { type: 'array', items: item }] };
    }
    case 'object': {
      const properties = Object.fromEntries(Object.entries(node.properties).map(([key, child]) => [key, toJsonSchema(child, isRecord(defaults) ? defaults[key] : undefined)]));
      return { type: 'object', properties, ...(node.required ? { required: [...node.required] } : {}), additionalProperties: false };
    }
    case 'map': {
      const keyPattern = node.keyFormat === undefined ? undefined : PATTERNS[node.keyFormat];
      const propertyNames = { minLength: 1, ...(keyPattern === undefined ? {} : { pattern: keyPattern }) };
      return { type: 'object', propertyNames, additionalProperties: toJsonSchema(node.values, undefined) };
    }
  }
}

/**
 * A draft-07 JSON Schema for `node`, with every description, example and default (taken from the
 * same defaults the loader applies, so docs cannot disagree with behaviour). Objects carry
 * defaults on their leaves only.
 */
export function toJsonSchema(node: SchemaNode, defaults: unknown): JsonSchema {
  const described = node.defaultNote === undefined ? node.description : `${node.description} Default: ${node.defaultNote}.`;
  const withDefault = defaults !== undefined && node.type !== 'object' && !(node.type === 'map' && isRecord(defaults) && Object.keys(defaults).length === 0);
  return {
    description: described,
    ...shape(node, defaults),
    ...(withDefault ? { default: defaults } : {}),
    ...(node.examples ? { examples: node.examples } : {}),
  };
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** The content of gitward.schema.json (pinned by test/unit/config/json-schema.test.ts). */
export function teamJsonSchema(): JsonSchema {
  return { $schema: DRAFT_07, title: 'gitward team config', ...toJsonSchema(teamSchema, defaultTeamConfig()) };
}

/** The content of policy.schema.json (pinned by the same test). */
export function policyJsonSchema(): JsonSchema {
  return { $schema: DRAFT_07, title: 'gitward server policy', ...toJsonSchema(policySchema, policyDefaults()) };
}
