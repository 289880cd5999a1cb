import { isNotASecret } from '../placeholders.js';
import { PRIORITY, matchAt, type Candidate, type Detector } from '../detector.js';

const DATABASE_SCHEMES = new Set([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'mssql', 'sqlserver',
  'oracle', 'cockroachdb', 'clickhouse', 'neo4j', 'neo4j+s', 'bolt', 'cassandra', 'couchbase', 'couchbases', 'memcached', 'nats', 'ldap', 'ldaps',
]);
/**
 * `://user:password@host`; the user part may be empty (`redis://:pw@host`). `#` and `?` are allowed in
 * the password: config files often hold them unencoded, and drivers accept that. A second `:` is not
 * (`cvs://:pserver:anoncvs@host` is a CVS root, not a password).
 */
const AUTHORITY_RE = /:\/\/([^\s:/?#@'"`<>[\]{}\\]{0,128}):([^\s:/@'"`<>{}\\]{1,256})@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+|\$\{[^}]+\})/y;
const SCHEME_RE = /[A-Za-z][A-Za-z0-9+.-]{0,20}$/;
const DOCUMENTATION_HOST = /(^|\.)(example\.(com|org|net)|[a-z0-9-]+\.(example|invalid|test))$/i;
/** Documentation writes `https://user:…@host`; a real leak names a real account. */
const PLACEHOLDER_USER = /^(user|username|myuser|your_?user(name)?|login|name|foo|someone|me|example)$/i;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal|db|database|postgres|mysql|redis|mongo|rabbitmq)$/i;

function isPlaceholderCredential(user: string, password: string, host: string): boolean {
  if (isNotASecret(password) || password === user || password.length < 4 || PLACEHOLDER_USER.test(user)) return true;
  if (DOCUMENTATION_HOST.test(host)) return true;
  // Local development defaults (`postgres://app:devpass@localhost`) rarely guard anything real;
  // a random-looking password still counts there.
  return LOCAL_HOST.test(host) && /^[A-Za-z]+\d{0,4}$/.test(password);
}

function credentialsAt(text: string, at: number): Candidate | undefined {
  const m = matchAt(AUTHORITY_RE, text, at);
  if (!m) return undefined;
  const scheme = (SCHEME_RE.exec(text.slice(Math.max(0, at - 21), at))?.[0] ?? '').toLowerCase();
  let [, user, password, host] = m as unknown as [string, string, string, string];
  // GitHub's `https://<token>:x-oauth-basic@github.com`: the user part is the secret.
  const userIsSecret = password === 'x-oauth-basic';
  if (userIsSecret) [user, password] = [password, user];
  if (isPlaceholderCredential(user, password, host)) return undefined;
  const start = userIsSecret ? at + 3 : at + 3 + user.length + 1;
  const database = DATABASE_SCHEMES.has(scheme.replace(/^jdbc:/, ''));
  return {
    ruleId: database ? 'connection-string' : 'url-credentials', start, end: start + password.length, secret: password, confidence: 'medium',
    message: database ? `Password in a ${scheme}:// connection string` : `Credentials in a ${scheme || 'URL'}:// URL`,
    priority: PRIORITY.vendor - 2,
  };
}

export const urlCredentialsDetector: Detector = {
  rules: [
    { id: 'url-credentials', description: 'user:password in a URL (https://, ftp://, git remotes…), placeholders excluded' },
    { id: 'connection-string', description: 'Password in a database or broker URL (postgres, mysql, mongodb, redis, amqp…)' },
  ],
  keywords: ['://'],
  detect({ text, hits }) {
    const found: Candidate[] = [];
    for (const at of hits) {
      const hit = credentialsAt(text, at);
      if (hit) found.push(hit);
    }
    return found;
  },
};
