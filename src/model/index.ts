export type { Finding, SkippedItem, Confidence } from './finding.js';
export type { Violation } from './violation.js';
export type { Decision } from './decision.js';
export { emptyDecision, decide } from './decision.js';
export type { Fragment } from './fragment.js';
export type { RefUpdate, RefUpdateKind } from './ref-update.js';
export type { CommitInfo, Person } from './commit-info.js';
