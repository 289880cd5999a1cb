import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stringifyLike } from './husky.js';

export const SCAFFOLD_FILE = 'gitward.config.json';
/** Resolves once gitward is installed in the repository, so editors autocomplete and validate. */
export const SCHEMA_REF = './node_modules/gitward/gitward.schema.json';

const SIGNING_SNIPPET = '"signing": { "required": true }';

/** Writes a minimal `gitward.config.json`: defaults cover everything else. */
export async function scaffoldTeamConfig(root: string, options: { requireSigning: boolean }): Promise<string> {
  const config = { $schema: SCHEMA_REF, signing: { required: options.requireSigning } };
  // 'wx': never overwrite a config that appeared since the search.
  await writeFile(join(root, SCAFFOLD_FILE), `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  return `${SCAFFOLD_FILE}: created with $schema and signing.required: ${options.requireSigning}`;
}

export interface ConfigEdit {
  /** The user must edit the file by hand (it is not JSON). */
  manual: boolean;
  /** What was done, or what the user must add by hand. */
  message: string;
}

/**
 * Sets `signing.required: true` in an existing config, touching nothing else, when the file is
 * JSON (including `package.json#gitward`). JS, YAML or commented files are not rewritten —
 * a rewrite would lose their comments and code — the user is told what to add instead.
 */
export async function requireSigningInConfig(file: string): Promise<ConfigEdit> {
  const name = basename(file);
  const text = await readFile(file, 'utf8');
  const value = parseJsonObject(text);
  if (!value) return { manual: true, message: `${name}: not JSON, so not edited; add ${SIGNING_SNIPPET} to it` };
  const target = name === 'package.json' ? objectAt(value, 'gitward') : value;
  const signing = objectAt(target, 'signing');
  if (signing.required === true) return { manual: false, message: `${name}: signing.required is already true` };
  signing.required = true;
  await writeFile(file, stringifyLike(value, text));
  return { manual: false, message: `${name}: set ${name === 'package.json' ? 'gitward.' : ''}signing.required to true` };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function objectAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const current = parent[key];
  if (current && typeof current === 'object' && !Array.isArray(current)) return current as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}
