import type { SecretsConfig } from '../../../src/config/types.js';
import type { Finding, Fragment } from '../../../src/model/index.js';
import { defaultTeamConfig } from '../../../src/config/defaults.js';
import { scanFragments, type ScanOptions } from '../../../src/secrets/index.js';

/** The default secrets config with overrides; secretlint off unless a test is about it. */
export function secretsConfig(overrides: Partial<SecretsConfig> = {}): SecretsConfig {
  return { ...defaultTeamConfig().secrets, secretlint: false, ...overrides };
}

export async function scanText(path: string, text: string, options: Partial<ScanOptions> = {}, extra: Partial<Fragment> = {}): Promise<Finding[]> {
  const { findings } = await scanFragments([{ path, text, ...extra }], { config: secretsConfig(), ...options });
  return findings;
}

export const describeFinding = (f: Finding): string => `${f.ruleId}@${f.line}:${f.column}/${f.confidence}`;
