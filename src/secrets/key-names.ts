/** What an assignment's key says about its value. */
export type KeyKind = 'password' | 'secret' | 'aws-secret';

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'pw', 'passcode']);
const SECRET_WORDS = new Set(['secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'bearer', 'privatekey', 'accesskey', 'secretkey']);
/** `<word>_key` names a credential only after one of these (`api_key`, not `cache_key`). */
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'signing', 'master', 'encryption', 'client', 'auth', 'app', 'account', 'service', 'consumer', 'license', 'admin', 'session', 'jwt', 'hmac', 'webhook', 'stripe', 'sendgrid', 'mailgun', 'openai']);
/** Any of these anywhere means a hash or identifier, not a credential (`password_hash`, `token_sha256`). */
const HASH_WORDS = new Set(['hash', 'hashed', 'digest', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'checksum', 'fingerprint', 'integrity', 'etag', 'oid', 'commit', 'salt']);
/** A last word that describes the secret instead of holding it (`token_url`, `secret_name`, `password_min_length`). */
const DESCRIPTIVE_TAILS = new Set([
  'id', 'ids', 'name', 'names', 'file', 'files', 'path', 'paths', 'dir', 'url', 'uri', 'urls', 'endpoint', 'host', 'type', 'types', 'length',
  'len', 'size', 'count', 'policy', 'header', 'field', 'label', 'prompt', 'placeholder', 'hint', 'regex', 'pattern', 'format', 'version',
  'expiry', 'expires', 'expiration', 'exp', 'ttl', 'timeout', 'enabled', 'enable', 'disabled', 'required', 'min', 'max', 'mode', 'method',
  'provider', 'store', 'ref', 'arn', 'location', 'env', 'var', 'class', 'kind', 'prefix', 'suffix', 'index', 'param', 'input', 'column',
  'event', 'error', 'message', 'msg', 'status', 'state', 'source', 'manager', 'rotation', 'interval', 'strategy', 'encoding', 'algorithm',
  'scope', 'scopes', 'audience', 'issuer', 'user', 'username', 'login', 'owner', 'email', 'reset', 'at', 'date', 'time', 'strength', 'rule',
  'rules', 'config', 'options', 'settings', 'template', 'selector', 'resource', 'usage', 'confirm', 'visible', 'encryption', 'cipher',
  'kdf', 'iterations', 'rounds', 'complexity', 'history', 'reuse', 'lifetime', 'storage', 'backend', 'command', 'cmd', 'prompted', 'changed',
]);

/** `spring.datasource.password`, `dbPassword`, `AWS_SECRET_ACCESS_KEY` → lower-case words. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The kind of secret a key holds, or undefined when the key does not name a credential. */
export function keyKindOf(key: string): KeyKind | undefined {
  const words = keyWords(key);
  const last = words[words.length - 1];
  // Long keys are message ids (`Running_extra_resolution_pass_for_module_1_6140`), not credentials.
  if (last === undefined || words.length > 6 || DESCRIPTIVE_TAILS.has(last) || words.some((w) => HASH_WORDS.has(w))) return undefined;
  if (words.includes('aws') && words.includes('secret')) return 'aws-secret';
  if (words.some((w) => PASSWORD_WORDS.has(w))) return 'password';
  if (words.some((w) => SECRET_WORDS.has(w))) return 'secret';
  const keyAt = words.lastIndexOf('key');
  return keyAt > 0 && KEY_QUALIFIERS.has(words[keyAt - 1]!) ? 'secret' : undefined;
}
