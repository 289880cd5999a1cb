import assert from 'node:assert/strict';

/**
 * Asserts that `actual` contains `expected`: objects may have more keys, arrays must have the
 * same length with each element matching. Lets fixtures state only what they are about.
 */
export function assertSubset(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${path}: length differs: ${JSON.stringify(actual)}`);
    expected.forEach((item, i) => assertSubset(actual[i], item, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    assert.ok(typeof actual === 'object' && actual !== null, `${path}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [key, value] of Object.entries(expected)) assertSubset((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  assert.deepEqual(actual, expected, `${path}`);
}
