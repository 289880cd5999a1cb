/**
 * Values that look like secrets but are not: placeholders, template references, documentation
 * examples, hashes, ids, paths and plain URLs. Shared by the generic detector and the vendor
 * rules without a checksum (a checksum-valid token is real by construction and skips these).
 */

/** Lower-case substrings that mark a made-up value. */
const STOPWORDS = [
  'example', 'sample', 'dummy', 'placeholder', 'changeme', 'change_me', 'change-me', 'changeit', 'your_', 'your-', 'yourkey',
  'yourtoken', 'yoursecret', 'yourpassword', 'insert', 'replace', 'redacted', 'fake', 'mock', 'notreal', 'not_real', 'not-a-real',
  'xxxx', '****', '....', '…', '____', 'todo', 'fixme', 'lorem', 'foobar', 'test', 'secret123', 'password1', 'p@ssw0rd',
  'supersecret', 'letmein', 'qwerty', 'abcdef', '123456', 'invalid', 'sandbox',
];

/** Whole values that are stand-ins (compared lower-case, trimmed of quotes). */
const PLACEHOLDER_VALUES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'key', 'none', 'null', 'nil', 'undefined',
  'true', 'false', 'empty', 'default', 'admin', 'root', 'user', 'username', 'guest', 'postgres', 'mysql', 'redis', 'rabbitmq', 'mongo',
  'changeme', 'hunter2', 'required', 'optional', 'string', 'str', 'bytes', 'secretkey', 'mypassword', 'mysecret', 'mytoken', 'value',
]);

/** `pa$$w0rd` → `password`: leetspeak spellings of a placeholder are still placeholders. */
function deleet(lower: string): string {
  return lower.replace(/[$5]/g, 's').replace(/0/g, 'o').replace(/[@4]/g, 'a').replace(/3/g, 'e').replace(/[1!]/g, 'i').replace(/7/g, 't');
}

export function isPlaceholderValue(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower) || PLACEHOLDER_VALUES.has(deleet(lower))) return true;
  if (STOPWORDS.some((word) => lower.includes(word))) return true;
  if (new Set(lower).size <= 3) return true; // xxxxxxxx, 00000000, abababab
  return /0123456|1234567|abcdefg|zyxwvu/.test(lower);
}

/** `${VAR}`, `$VAR`, `{{ .Values.x }}`, `<token>`, `%(x)s`, `#{x}`, `@x@`, `[[x]]`, `__X__`. */
export function isTemplateReference(value: string): boolean {
  return /^(\$[{(]?[A-Za-z_]|%\(|%[sd]$|#\{|@[A-Za-z_][\w.]*@$|<[^<>]+>$|\[\[|__[A-Z0-9_]+__$)/.test(value)
    || /\$\{[^}]*\}|\{\{[^}]*\}\}|\$\([^)]*\)|\{\$[^}]*\}/.test(value);
}

/** Hex digests, git object ids and SRI hashes (`sha512-…`). */
export function isHashLike(value: string): boolean {
  if (/^(sha1|sha224|sha256|sha384|sha512|md5)[-:]/i.test(value)) return true;
  return /^([0-9a-f]{7,12}|[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i.test(value);
}

export function isUuid(value: string): boolean {
  return /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(value);
}

const FILE_EXTENSION = /\.(pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|cfg|conf|ini|properties|toml|gpg|asc|pub|der|keystore)$/i;

/**
 * Relative paths, home paths, Windows paths, and absolute paths under a usual root. A bare leading
 * `/` is not enough: base64 secrets (AWS secret keys) start with `/` one time in 64.
 */
export function isPathLike(value: string): boolean {
  if (/^(\.{1,2}\/|~\/|[A-Za-z]:[\\/]|file:)/.test(value)) return true;
  if (/^\/(etc|var|run|home|usr|opt|tmp|srv|mnt|data|secrets?|certs?|config|app|root|Users|vault|keys?|path)(\/|$)/.test(value)) return true;
  if (/^(\/[a-z0-9._-]+){2,}\/?$/.test(value)) return true; // lower-case segments: a path, not base64
  return /^\/?[\w.-]+(\/[\w.-]+)+$/.test(value) && FILE_EXTENSION.test(value);
}

/** A URL with no `user:password@` part (URL credentials have their own rule). */
export function isPlainUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*(:\d+)?(\/|$|\?)/i.test(value) || /^(www\.|https?:)/i.test(value);
}

/**
 * Values from specifications and vendor docs that thousands of READMEs and libraries copy: the AWS
 * documentation pair, jwt.io's sample signature, and the OAuth examples of RFC 5849 and RFC 6749.
 */
const DOCUMENTED_EXAMPLES = [
  'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 's6BhdRkqt3', 'czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'gX1fBat3bV', 'mF_9.B5f-4.1JqM',
  'h480djs93hd8', 'ad180jjd733klru7', '0685bd9184jfhq22', 'hh5s93j4hdidpola', 'hdhd0244k9j7ao03', 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00',
  'nnch734d00sl2jdk', 'dh893hdasih9', 'J4dQ4bSeqBTsP6p', 'Tr5lA8C7sr6SL2aH',
];

export function isDocumentationExample(value: string): boolean {
  return DOCUMENTED_EXAMPLES.some((example) => value.includes(example));
}

/** Any reason an assigned value is not a real secret (generic detector, URL passwords). */
export function isNotASecret(value: string): boolean {
  return isDocumentationExample(value) || isTemplateReference(value) || isPlaceholderValue(value);
}

function entropyOf(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / value.length) * Math.log2(count / value.length);
  return bits;
}

/**
 * For vendor-shaped tokens without a checksum: a stopword alone is not enough, since ~1 in 10,000
 * random 40-char tokens contains `test` or `xxxx` by chance; it must come with low randomness
 * (`sk_live_testkeyforunittests`), or the value is a template, a documented example or a run.
 */
export function isPlaceholderToken(token: string): boolean {
  if (isDocumentationExample(token) || isTemplateReference(token) || /(.)\1{5}/.test(token) || /0123456|abcdefg/i.test(token)) return true;
  return isPlaceholderValue(token) && entropyOf(token) < 0.85 * Math.log2(token.length);
}
