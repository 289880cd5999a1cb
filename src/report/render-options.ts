/** What was checked, so summaries can say "no secrets in 3 staged files" rather than a bare "ok". */
export type RenderContext = 'staged' | 'files' | 'history' | 'push' | 'outgoing';

export type RenderFormat = 'text' | 'json' | 'sarif';

export interface RenderOptions {
  context: RenderContext;
  /** Files (staged, files) or commits (history, push, outgoing) that were checked. */
  scannedFiles: number;
  /** ANSI colour in text output; callers pass true only for a terminal. */
  color: boolean;
  /** gitward's version for SARIF `tool.driver.version`; injected because report/ reads no files. */
  version?: string;
}
