import type { CustomRule } from '../config/types.js';
import { GitwardError } from '../errors/index.js';
import { isPlaceholderToken } from './placeholders.js';
import { shannonEntropy } from './secret-score.js';
import { PRIORITY, type Candidate, type Detector } from './detector.js';

/** Compiles a user regex; config validation reports bad ones first, this is the last line of defence. */
export function compileUserRegex(source: string, where: string, flags = 'g'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new GitwardError('CONFIG_INVALID', `${where}: invalid regular expression ${JSON.stringify(source)}`, {
      hint: 'Fix the pattern in the team config (JavaScript RegExp syntax).',
      cause: error,
    });
  }
}

/**
 * A team rule joins the prefilter with its keywords. Its matches are judged like vendor tokens: a
 * stopword counts only with low randomness, so `acme_test_<random>` (a stopword in the team's own
 * prefix) is still found while `acme_test_xxxxxxxx` is not. Without a usable (non-empty ASCII) keyword it
 * runs on every fragment, which costs a full regex pass per file: the README says to give keywords.
 */
export function customDetector(rule: CustomRule): { detector: Detector; always: boolean } {
  const pattern = compileUserRegex(rule.regex, `secrets.rules.custom[${rule.id}].regex`, 'gm');
  const keywords = rule.keywords.map((k) => k.toLowerCase()).filter((k) => k !== '' && /^[\x01-\x7f]+$/.test(k));
  const detector: Detector = {
    rules: [{ id: rule.id, description: rule.description ?? `Team rule ${rule.id}` }],
    keywords,
    detect({ text }) {
      const found: Candidate[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[0] === '') {
          pattern.lastIndex++;
          continue;
        }
        const secret = m[1] ?? m[0];
        if (secret === '' || isPlaceholderToken(secret) || (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy)) continue;
        const start = m.index + (m[1] === undefined ? 0 : m[0].indexOf(secret));
        found.push({
          ruleId: rule.id, start, end: start + secret.length, secret, confidence: 'medium',
          message: rule.description ?? `Matches team rule ${rule.id}`, priority: PRIORITY.vendor + 1,
        });
      }
      return found;
    },
  };
  return { detector, always: keywords.length === 0 };
}
