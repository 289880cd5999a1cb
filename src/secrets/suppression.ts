import type { SecretsConfig } from '../config/types.js';
import { compileUserRegex } from './custom-rules.js';

export interface SuppressionInput {
  ruleId: string;
  secret: string;
  fingerprint: string;
  /** The text line where the finding starts (inline `gitward:allow`). */
  lineText: string;
}

export interface Suppressor {
  isDisabled(ruleId: string): boolean;
  isSuppressed(item: SuppressionInput): boolean;
}

interface AllowList {
  regexes: RegExp[];
  stopwords: string[];
}

export const INLINE_ALLOW = 'gitward:allow';

function compileAllowList(regexes: readonly string[], stopwords: readonly string[], where: string): AllowList {
  return {
    regexes: regexes.map((source, i) => compileUserRegex(source, `${where}.regexes[${i}]`, '')),
    stopwords: stopwords.map((word) => word.toLowerCase()).filter((word) => word !== ''),
  };
}

function allows(list: AllowList | undefined, secret: string): boolean {
  if (!list) return false;
  const lower = secret.toLowerCase();
  return list.stopwords.some((word) => lower.includes(word)) || list.regexes.some((re) => re.test(secret));
}

/**
 * Everything that turns a detection into no finding: disabled rules, the baseline (rule + secret
 * hash), inline `gitward:allow`, and the global and per-rule regex/stopword allowlists, which
 * are matched against the secret value only, so they cannot hide a different secret on the line.
 */
export function createSuppressor(config: SecretsConfig, options: { baseline?: ReadonlySet<string>; inlineAllow?: boolean }): Suppressor {
  const disabled = new Set(config.rules.disable);
  const global = compileAllowList(config.allow.regexes, config.allow.stopwords, 'secrets.allow');
  const perRule = new Map(Object.entries(config.rules.allow).map(([id, allow]) => [id, compileAllowList(allow.regexes, allow.stopwords, `secrets.rules.allow.${id}`)]));
  const inlineAllow = options.inlineAllow ?? config.allow.inlineComments;
  return {
    isDisabled: (ruleId) => disabled.has(ruleId),
    isSuppressed(item) {
      return disabled.has(item.ruleId)
        || options.baseline?.has(item.fingerprint) === true
        || (inlineAllow && item.lineText.includes(INLINE_ALLOW))
        || allows(global, item.secret)
        || allows(perRule.get(item.ruleId), item.secret);
    },
  };
}
