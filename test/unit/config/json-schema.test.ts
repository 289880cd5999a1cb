import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { PROJECT_ROOT } from '../../helpers/repo.js';
import { shippedSchemaValidator, describeErrors } from '../../helpers/schema-validator.js';
import { teamJsonSchema, policyJsonSchema, type JsonSchema } from '../../../src/config/json-schema.js';
import { defaultTeamConfig } from '../../../src/config/index.js';

/**
 * gitward.schema.json and policy.schema.json are generated from the schema descriptions
 * (src/config/team-schema.ts, policy-schema.ts) and pinned here (changesets' json-schema.test.ts).
 * After changing a description: `UPDATE_SNAPSHOT=1 npx mocha test/unit/config/json-schema.test.ts`.
 */
const pinned: Array<[string, () => JsonSchema]> = [
  ['gitward.schema.json', teamJsonSchema],
  ['policy.schema.json', policyJsonSchema],
];

/** Every property schema below `schema`, with its JSON pointer. */
function* properties(schema: JsonSchema, pointer = ''): Generator<[string, JsonSchema]> {
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    yield [`${pointer}/${key}`, child];
    yield* properties(child, `${pointer}/${key}`);
  }
  for (const nested of [schema.items, schema.additionalProperties]) {
    if (typeof nested === 'object' && nested !== null) yield* properties(nested as JsonSchema, `${pointer}/*`);
  }
}

describe('generated JSON Schemas', () => {
  for (const [file, generate] of pinned) {
    it(`${file} matches its generator`, () => {
      const expected = `${JSON.stringify(generate(), null, 2)}\n`;
      const path = join(PROJECT_ROOT, file);
      if (process.env.UPDATE_SNAPSHOT === '1') writeFileSync(path, expected);
      assert.equal(readFileSync(path, 'utf8'), expected, `${file} is stale: run UPDATE_SNAPSHOT=1 npx mocha test/unit/config/json-schema.test.ts`);
    });

    it(`${file} is draft-07 and describes every key`, () => {
      const schema = generate();
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      const undescribed = [...properties(schema)].filter(([, s]) => typeof s.description !== 'string' || s.description === '').map(([p]) => p);
      assert.deepEqual(undescribed, []);
    });
  }

  it('every example and default in both schemas validates against its own key (Ajv)', () => {
    const bad: string[] = [];
    for (const [file, generate] of pinned) {
      for (const [pointer, sub] of properties(generate())) {
        const { examples, default: dflt, ...rest } = sub as JsonSchema & { examples?: unknown[]; default?: unknown };
        const validate = new Ajv({ strict: true }).compile(rest);
        for (const value of [...(examples ?? []), ...(dflt === undefined ? [] : [dflt])]) {
          if (!validate(value)) bad.push(`${file}${pointer}: ${JSON.stringify(value)}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('team schema defaults are the loader defaults, and the defaults validate', () => {
    const schema = teamJsonSchema();
    const secrets = (schema.properties as Record<string, JsonSchema>).secrets as JsonSchema;
    const maxFileSize = (secrets.properties as Record<string, JsonSchema>).maxFileSize as JsonSchema;
    assert.equal(maxFileSize.default, defaultTeamConfig().secrets.maxFileSize);
    const validate = shippedSchemaValidator('gitward.schema.json');
    assert.ok(validate(defaultTeamConfig()), describeErrors(validate));
  });

  it('accepts `$schema` and sizes as strings, rejects unknown keys and wrong types (Ajv, strict mode)', () => {
    const validate = shippedSchemaValidator('gitward.schema.json');
    assert.ok(validate({ $schema: './node_modules/gitward/gitward.schema.json', secrets: { maxFileSize: '5MB' } }), describeErrors(validate));
    assert.ok(!validate({ secrets: { maxFileSize: '5 XB' } }));
    assert.ok(!validate({ secrest: {} }));
    assert.ok(!validate({ secrets: { allow: { paths: ['a', 3] } } }));
    assert.ok(validate({ extends: '@acme/gitward-config' }) && validate({ extends: ['./a.json', '@acme/x'] }));
  });

  it('policy schema rejects a bad enum and accepts the documented shapes', () => {
    const validate = shippedSchemaValidator('policy.schema.json');
    assert.ok(validate({ refs: [{ match: 'refs/heads/main', forcePush: 'deny' }], metadata: { commitMessage: '^feat' } }), describeErrors(validate));
    assert.ok(!validate({ refs: [{ match: 'refs/heads/main', forcePush: 'nope' }] }));
    assert.ok(!validate({ refs: [{ forcePush: 'deny' }] }), 'match is required');
    assert.ok(!validate({ timeout: 0 }));
  });
});
