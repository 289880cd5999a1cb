import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT, makeTempDir } from '../helpers/repo.js';
import { assertSubset } from '../helpers/subset.js';
import { formatProblem, type ConfigProblem } from '../../src/config/index.js';
// The module itself (not the lazy index facade): see the harness note in src/config/index.ts.
import { loadServerPolicy } from '../../src/config/load-server-policy.js';
import { GitwardError } from '../../src/errors/index.js';

/**
 * Table-driven over test/fixtures/config/{valid,invalid}/policy/<case>/: each case holds one
 * policy.{yaml,yml,json} (plus key files) and an `expected.json`. Valid cases state parts of the
 * ServerPolicy (`<dir>` = the case directory); invalid cases state the failure code and every
 * problem, formatted, in order, or the message of a single failure.
 */
const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/config');

interface Expected {
  policy?: unknown;
  armoredKeys?: Record<string, number>;
  code?: string;
  errors?: string[];
  message?: string;
  data?: unknown;
  /** Files the test writes at run time (content kinds below), so the repo holds nothing key-like. */
  generate?: Record<string, 'private-key-block'>;
}

const GENERATED = { 'private-key-block': () => `-----BEGIN PGP ${'PRIVATE'} KEY BLOCK-----\n\nnot a real key\n-----END PGP ${'PRIVATE'} KEY BLOCK-----\n` };

async function withCase<T>(kind: 'valid' | 'invalid', name: string, fn: (c: { dir: string; file: string; expected: Expected }) => Promise<T>): Promise<T> {
  const dir = makeTempDir('gitward-policy-');
  try {
    cpSync(join(FIXTURES, kind, 'policy', name), dir, { recursive: true });
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8').replaceAll('<dir>', dir)) as Expected;
    rmSync(join(dir, 'expected.json'));
    for (const [path, content] of Object.entries(expected.generate ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), GENERATED[content]());
    }
    const policyName = readdirSync(dir).find((n) => n.startsWith('policy.'));
    assert.ok(policyName, `${name}: no policy file`);
    return await fn({ dir, file: join(dir, policyName), expected });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases = (kind: 'valid' | 'invalid') => readdirSync(join(FIXTURES, kind, 'policy')).sort();

describe('server policy fixtures (test/fixtures/config/*/policy)', () => {
  for (const name of cases('valid')) {
    it(`valid/${name}`, () => withCase('valid', name, async ({ file, expected }) => {
      const policy = await loadServerPolicy({ explicitFile: file, gitDir: '/nonexistent' });
      assertSubset(policy, expected.policy);
      assert.match(policy.digest, /^[0-9a-f]{64}$/);
      for (const [person, count] of Object.entries(expected.armoredKeys ?? {})) {
        const keys = policy.people[person]?.openpgp ?? [];
        assert.equal(keys.length, count);
        for (const key of keys) assert.match(key, /^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
      }
    }));
  }

  for (const name of cases('invalid')) {
    it(`invalid/${name}`, () => withCase('invalid', name, async ({ file, expected }) => {
      const error = await loadServerPolicy({ explicitFile: file, gitDir: '/nonexistent' }).then(
        () => assert.fail('the policy loaded, but it should not'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof GitwardError, String(error));
      assert.equal(error.code, expected.code, error.message);
      if (expected.errors) {
        const problems = (error.data.problems as ConfigProblem[]).map(formatProblem);
        assert.deepEqual(problems, expected.errors);
        // The message lists every problem too (what reaches the pusher's `remote:` lines).
        for (const line of expected.errors) assert.ok(error.message.includes(line), `message lacks: ${line}`);
      }
      if (expected.message) assert.equal(error.message, expected.message);
      if (expected.data) assertSubset(error.data, expected.data);
    }));
  }
});
