import { decodeBase64, decodeJsonObject } from '../codec.js';
import { prefixedDetector, type PrefixedRule } from './prefixed-detector.js';

/**
 * Vendor tokens with a distinctive prefix but no checksum. Shapes come from the vendors'
 * published formats; `check` marks the few with an inner structure (OpenAI's `T3BlbkFJ` marker is
 * base64 of "OpenAI", PyPI macaroons embed "pypi.org", Azure keys decode to 64 bytes).
 */
const RULES: PrefixedRule[] = [
  { id: 'slack-token', name: 'Slack token', keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
    pattern: /(?:xox[abprs]-\d{6,14}-(?:\d{6,14}-){0,2}[A-Za-z0-9]{20,64}|xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{60,70}|xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,250})(?![A-Za-z0-9-])/y, publicPrefix: 'xox' },
  { id: 'slack-webhook', name: 'Slack incoming webhook URL', keywords: ['hooks.slack.com/'],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/[A-Za-z0-9]{20,32}(?![A-Za-z0-9])/y, publicPrefix: 'hooks.slack.com/' },
  { id: 'stripe-secret-key', name: 'Stripe live secret or restricted key', keywords: ['sk_live_', 'rk_live_'],
    pattern: /[rs]k_live_[0-9A-Za-z]{20,247}(?![A-Za-z0-9_])/y, publicPrefix: /^[rs]k_live_/ },
  { id: 'stripe-webhook-secret', name: 'Stripe webhook signing secret', keywords: ['whsec_'], pattern: /whsec_[A-Za-z0-9+/]{32,64}(?![A-Za-z0-9+/])/y, publicPrefix: 'whsec_' },
  { id: 'google-api-key', name: 'Google API key', keywords: ['aiza'], pattern: /AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y, publicPrefix: 'AIza' },
  { id: 'google-oauth-client-secret', name: 'Google OAuth client secret', keywords: ['gocspx-'], pattern: /GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/y, publicPrefix: 'GOCSPX-' },
  { id: 'sendgrid-api-key', name: 'SendGrid API key', keywords: ['sg.'], pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y, publicPrefix: 'SG.' },
  { id: 'shopify-token', name: 'Shopify access token or shared secret', keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/y, publicPrefix: 'shp' },
  { id: 'openai-api-key', name: 'OpenAI API key', keywords: ['sk-'],
    pattern: /sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}(?![A-Za-z0-9_-])/y, publicPrefix: 'sk-', check: () => true },
  { id: 'anthropic-api-key', name: 'Anthropic API key', keywords: ['sk-ant-'], pattern: /sk-ant-(?:api|admin|oat)\d\d-[A-Za-z0-9_-]{80,120}AA(?![A-Za-z0-9_-])/y, publicPrefix: 'sk-ant-' },
  { id: 'huggingface-token', name: 'Hugging Face access token', keywords: ['hf_'], pattern: /hf_[A-Za-z]{34}(?![A-Za-z0-9])/y, publicPrefix: 'hf_' },
  { id: 'groq-api-key', name: 'Groq API key', keywords: ['gsk_'], pattern: /gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/y, publicPrefix: 'gsk_' },
  { id: 'linear-api-key', name: 'Linear API key', keywords: ['lin_api_'], pattern: /lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/y, publicPrefix: 'lin_api_' },
  { id: 'notion-token', name: 'Notion integration token', keywords: ['ntn_', 'secret_'], pattern: /(?:ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9])/y },
  { id: 'onepassword-service-account-token', name: '1Password service account token', keywords: ['ops_eyj'],
    pattern: /ops_(eyJ[A-Za-z0-9+/_-]{100,}={0,2})(?![A-Za-z0-9+/=_-])/y, publicPrefix: 'ops_', check: (s) => decodeJsonObject(s.slice(4)) !== undefined },
  { id: 'vault-token', name: 'HashiCorp Vault token', keywords: ['hvs.', 'hvb.', 'hvr.'], pattern: /hv[sbr]\.[A-Za-z0-9_-]{90,300}(?![A-Za-z0-9_-])/y, publicPrefix: 'hv' },
  { id: 'databricks-token', name: 'Databricks access token', keywords: ['dapi'], pattern: /dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9])/y, publicPrefix: 'dapi' },
  { id: 'docker-hub-token', name: 'Docker Hub personal access token', keywords: ['dckr_pat_'], pattern: /dckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/y, publicPrefix: 'dckr_pat_' },
  { id: 'figma-token', name: 'Figma personal access token', keywords: ['figd_'], pattern: /figd_[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/y, publicPrefix: 'figd_' },
  { id: 'pypi-token', name: 'PyPI upload token', keywords: ['pypi-ageichlwas5vcmc'], pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/y, publicPrefix: 'pypi-', check: () => true },
  { id: 'digitalocean-token', name: 'DigitalOcean token', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'], pattern: /do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/y, publicPrefix: 'do' },
  { id: 'grafana-token', name: 'Grafana service account or cloud token', keywords: ['glsa_', 'glc_'],
    pattern: /(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=_])/y, publicPrefix: 'gl',
    check: (s) => s.startsWith('glsa_') || decodeJsonObject(s.slice(4)) !== undefined },
  { id: 'age-secret-key', name: 'age encryption secret key', keywords: ['age-secret-key-1'], pattern: /AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}(?![A-Z0-9])/y, publicPrefix: 'AGE-SECRET-KEY-1' },
  { id: 'postman-api-key', name: 'Postman API key', keywords: ['pmak-'], pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9])/y, publicPrefix: 'PMAK-' },
  { id: 'newrelic-api-key', name: 'New Relic user API key', keywords: ['nrak-'], pattern: /NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])/y, publicPrefix: 'NRAK-' },
  { id: 'square-token', name: 'Square access token or OAuth secret', keywords: ['sq0atp-', 'sq0csp-'], pattern: /sq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/y, publicPrefix: 'sq0' },
  { id: 'discord-webhook', name: 'Discord webhook URL', keywords: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68}(?![A-Za-z0-9_-])/y },
  { id: 'telegram-bot-token', name: 'Telegram bot token', keywords: [':aa'], anywhere: true, pattern: /(?<![A-Za-z0-9])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g },
  { id: 'azure-storage-key', name: 'Azure storage account key in a connection string', keywords: ['accountkey='],
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/iy, secretGroup: 1, check: (s) => decodeBase64(s)?.length === 64 },
  { id: 'azure-ad-client-secret', name: 'Azure AD (Entra ID) client secret', keywords: ['q~'], anywhere: true,
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g },
  { id: 'twilio-api-key', name: 'Twilio API key SID', keywords: ['twilio'], anywhere: true, pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/g, publicPrefix: 'SK' },
  // Hex, so the generic detector's hash filter would drop it: Twilio's own context makes it a token.
  { id: 'twilio-auth-token', name: 'Twilio auth token', keywords: ['twilio'], anywhere: true, secretGroup: 1,
    pattern: /twilio\w{0,20}?auth_?token["']?\s*[:=]\s*["']?([0-9a-f]{32})(?![0-9A-Za-z])/gi },
];

export const vendorTokenDetectors = RULES.map(prefixedDetector);
