export { globMatcher, matchesAnyGlob } from './ref-match.js';
export { rulesForRef } from './rules-for-ref.js';
export type { EffectiveRefRules, PathOwners } from './rules-for-ref.js';
export { resolvePusher, identifyPerson } from './resolve-pusher.js';
export { expandPrincipals, isPrincipal } from './expand-principals.js';
export { evaluatePush } from './evaluate-push.js';
export { readBreakGlass } from './apply-break-glass.js';
export type { PolicyResult } from './apply-break-glass.js';
