export { appendAuditRecord } from './append-record.js';
export type { AppendOptions } from './append-record.js';
