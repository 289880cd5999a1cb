import type { CustomRule, TeamConfig } from './types.js';
import { defaultTeamConfig } from './defaults.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The typed config from the merged, already validated layers (gitleaks `Translate()`): defaults
 * fill every key left out, derived defaults are applied, and rule keywords are lower-cased
 * for the prefilter. Sizes and paths were converted during validation.
 */
export function normalizeTeamConfig(merged: unknown): TeamConfig {
  const { extends: _extends, $schema: _schema, ...settings } = isRecord(merged) ? merged : {};
  // Validation (check-value.ts) guarantees each present key has its schema's type, so the overlay is a TeamConfig.
  const config = overlay(defaultTeamConfig(), settings) as TeamConfig;
  const prePush = isRecord(settings.prePush) ? settings.prePush : {};
  if (prePush.verifySignatures === undefined) config.prePush.verifySignatures = config.signing.required;
  config.secrets.rules.custom = config.secrets.rules.custom.map(normalizeRule);
  for (const [id, allow] of Object.entries(config.secrets.rules.allow)) {
    config.secrets.rules.allow[id] = { regexes: allow.regexes ?? [], stopwords: allow.stopwords ?? [] };
  }
  return config;
}

function overlay(base: unknown, value: unknown): unknown {
  if (value === undefined) return base;
  if (!isRecord(base) || !isRecord(value)) return value;
  const out: Record<string, unknown> = { ...base };
  for (const [key, child] of Object.entries(value)) out[key] = overlay(base[key], child);
  return out;
}

function normalizeRule(rule: CustomRule): CustomRule {
  const keywords = [...new Set((rule.keywords ?? []).map((k) => k.toLowerCase()))];
  return { ...rule, keywords };
}
