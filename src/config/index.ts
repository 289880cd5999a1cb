/*
 * The public surface of config/ (house style §1): other folders import only this file.
 * The server-policy loader and the trust-file reader are imported on first call: the pre-commit
 * hook imports this file, and loading them eagerly would cost it ~6 ms of CPU for modules it
 * never runs (README "Load cost").
 *
 * Test-harness caveat: mocha on Node ≥ 20.19 require()s test files (tsx compiles them to
 * CommonJS) while `import()` loads an ES module graph, so a GitwardError thrown through these
 * two functions is a different class there and fails `instanceof`. Production (dist/, ES modules
 * only) has one graph; run mocha with `--no-experimental-require-module` to get the same in tests.
 */
import type { PolicyLookup } from './find-policy-file.js';
import type { ServerPolicy, SigningTrust } from './types.js';
import type { TeamTrustKeys } from './read-team-trust.js';

export { loadTeamConfig } from './load-team-config.js';
export { formatProblem } from './format-problem.js';
export { defaultTeamConfig, MAX_EXTENDS_DEPTH } from './defaults.js';
export { parseSize, formatSize } from './parse-size.js';
export { readBaseline, writeBaseline } from './baseline-file.js';
export type { BaselineEntry } from './baseline-file.js';
export type { PolicyLookup, TeamTrustKeys };
export type * from './types.js';

/** The admin-owned server policy (load-server-policy.ts). Throws CONFIG_NOT_FOUND, POLICY_NOT_FOUND, CONFIG_INVALID, TRUST_STORE_UNREADABLE. */
export async function loadServerPolicy(opts: PolicyLookup): Promise<ServerPolicy> {
  return (await import('./load-server-policy.js')).loadServerPolicy(opts);
}

/** The team config's trust files as text (read-team-trust.ts). Throws TRUST_STORE_UNREADABLE. */
export async function readTeamTrust(trust: SigningTrust): Promise<TeamTrustKeys> {
  return (await import('./read-team-trust.js')).readTeamTrust(trust);
}
