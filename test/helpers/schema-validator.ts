import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { PROJECT_ROOT } from './repo.js';

/** Compiles one of the shipped schemas (gitward.schema.json, policy.schema.json) with Ajv in strict mode. */
export function shippedSchemaValidator(name: 'gitward.schema.json' | 'policy.schema.json'): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, name), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: true, allErrors: true });
  return ajv.compile(schema);
}

export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}
