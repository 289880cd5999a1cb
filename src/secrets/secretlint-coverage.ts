/**
 * How gitward's detectors relate to secretlint's recommended preset (12.0.0). secretlint runs
 * only the preset rules gitward does not supersede, and only on texts containing one of their
 * keywords: its always-on profiler grows quadratically with the number of lints (secretlint#1653),
 * so it must stay off the hot path. A unit test fails when a preset upgrade adds a rule that is in
 * neither list, forcing a decision.
 */

/** Preset rules replaced by a gitward detector with equal or stricter checks (checksums, decoding). */
export const SUPERSEDED_PRESET_RULES: Readonly<Record<string, string>> = {
  '@secretlint/secretlint-rule-aws': 'aws-access-key-id, aws-secret-access-key',
  '@secretlint/secretlint-rule-gcp': 'private-key (JSON-embedded PEM)',
  '@secretlint/secretlint-rule-privatekey': 'private-key',
  '@secretlint/secretlint-rule-npm': 'npm-token (checksum), npmrc-auth',
  '@secretlint/secretlint-rule-basicauth': 'url-credentials',
  '@secretlint/secretlint-rule-slack': 'slack-token, slack-webhook',
  '@secretlint/secretlint-rule-sendgrid': 'sendgrid-api-key',
  '@secretlint/secretlint-rule-shopify': 'shopify-token',
  '@secretlint/secretlint-rule-github': 'github-* (checksum)',
  '@secretlint/secretlint-rule-gitlab': 'gitlab-pat, gitlab-token (routable checksum)',
  '@secretlint/secretlint-rule-grafana': 'grafana-token',
  '@secretlint/secretlint-rule-openai': 'openai-api-key',
  '@secretlint/secretlint-rule-anthropic': 'anthropic-api-key',
  '@secretlint/secretlint-rule-groq': 'groq-api-key',
  '@secretlint/secretlint-rule-huggingface': 'huggingface-token',
  '@secretlint/secretlint-rule-linear': 'linear-api-key',
  '@secretlint/secretlint-rule-notion': 'notion-token',
  '@secretlint/secretlint-rule-1password': 'onepassword-service-account-token',
  '@secretlint/secretlint-rule-database-connection-string': 'connection-string',
  '@secretlint/secretlint-rule-hashicorp-vault': 'vault-token',
  '@secretlint/secretlint-rule-databricks': 'databricks-token',
  '@secretlint/secretlint-rule-docker': 'docker-hub-token, docker-config-auth',
  '@secretlint/secretlint-rule-figma': 'figma-token',
  // Honours `secretlint-disable` comments, which gitward replaces with `gitward:allow`.
  '@secretlint/secretlint-rule-filter-comments': 'gitward:allow',
};

/** Preset rules gitward leaves to secretlint, with the prefilter keywords that wake it. */
export const GAP_PRESET_RULES: Readonly<Record<string, readonly string[]>> = {
  '@secretlint/secretlint-rule-vercel': ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
};

export const SECONDARY_KEYWORDS: readonly string[] = Object.values(GAP_PRESET_RULES).flat();
