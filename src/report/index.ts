import type { Decision } from '../model/index.js';
import type { RenderFormat, RenderOptions } from './render-options.js';
import { renderText } from './render-text.js';
import { renderJson } from './render-json.js';

export type { RenderContext, RenderFormat, RenderOptions } from './render-options.js';
export { renderText } from './render-text.js';
export { renderJson } from './render-json.js';
export { renderRemoteLines, MAX_REMOTE_LINES } from './render-remote-lines.js';
export { renderFailure } from './render-failure.js';
export type { FailureInput } from './render-failure.js';
export { buildAuditRecord } from './build-audit-record.js';
export type { AuditInput, AuditRecord } from './build-audit-record.js';

/**
 * Decision → output in the requested format. Async only so SARIF (rules, locations) loads on
 * demand: the pre-commit hook imports text and JSON rendering, a few small modules.
 */
export async function renderDecision(decision: Decision, format: RenderFormat, opts: RenderOptions): Promise<string> {
  if (format === 'text') return renderText(decision, opts);
  if (format === 'json') return renderJson(decision);
  const { renderSarif } = await import('./render-sarif.js');
  return renderSarif(decision, opts);
}
