import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** gitward's own version, for `--version`, SARIF and audit records. */
export function gitwardVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
