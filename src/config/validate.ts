import type { ConfigProblem, TeamConfig } from './types.js';
import { checkValue, type CheckContext, type Problem } from './check-value.js';
import { teamSchema } from './team-schema.js';
import { mergeLayers } from './merge-layers.js';
import { normalizeTeamConfig } from './normalize-team.js';

/** One config file as read: its raw content, how to name it in messages, and where its relative paths start. */
export interface RawConfigFile {
  raw: unknown;
  /** Shown in messages: relative to the repository root when inside it, else absolute. */
  display: string;
  /** Directory of the file: `signing.trust` paths are resolved against it. */
  baseDir: string;
}

/** A validated file: invalid keys dropped, paths absolute, sizes in bytes. */
export interface CheckedLayer {
  layer: Record<string, unknown>;
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
}

const withFile = (file: string) => (p: Problem): ConfigProblem => ({ file, ...p });

/** Validates one file against the team schema, collecting every problem (never the first only). */
export function checkTeamFile(file: RawConfigFile): CheckedLayer {
  const ctx: CheckContext = { baseDir: file.baseDir, unknownKeys: 'warning', errors: [], warnings: [] };
  // An empty file (cosmiconfig: `undefined`) is an empty config, not an error.
  const raw = file.raw === undefined || file.raw === null ? {} : file.raw;
  const cleaned = (checkValue(teamSchema, raw, '', ctx) ?? {}) as Record<string, unknown>;
  return { layer: cleaned, errors: ctx.errors.map(withFile(file.display)), warnings: ctx.warnings.map(withFile(file.display)) };
}

/** Merges checked layers in application order and fills in defaults. */
export function buildTeamConfig(layers: ReadonlyArray<Record<string, unknown>>): TeamConfig {
  return normalizeTeamConfig(mergeLayers(teamSchema, layers));
}

/**
 * Validates already-read files (in application order: extended files first, the config itself
 * last) and returns the typed config with every problem (changesets' `{config, warnings, errors}`).
 * With errors, `config` still holds defaults in place of the bad values, so callers can show both.
 */
export function validateTeamConfig(files: readonly RawConfigFile[]): { config: TeamConfig; warnings: ConfigProblem[]; errors: ConfigProblem[] } {
  const checked = files.map(checkTeamFile);
  return {
    config: buildTeamConfig(checked.map((c) => c.layer)),
    warnings: checked.flatMap((c) => c.warnings),
    errors: checked.flatMap((c) => c.errors),
  };
}
