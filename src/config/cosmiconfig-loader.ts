import { basename } from 'node:path';
import { cosmiconfig, defaultLoaders, type Loader } from 'cosmiconfig';
import { IMPORT_MARKER } from './check-value.js';
import { SEARCH_PLACES } from './search.js';

/*
 * The only module that imports cosmiconfig (house style §2.4). It is loaded with `import()` and
 * only when a config file needs it (JS, TS, YAML, extension-less rc files, or the server policy),
 * because importing it costs tens of milliseconds on the pre-commit hot path (README "Load cost").
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** cosmiconfig merges `$import` on its own, with no depth limit or package resolution; rename it so validation rejects it. */
function hideImport(value: unknown): unknown {
  if (!isRecord(value) || !Object.hasOwn(value, '$import')) return value;
  const { $import, ...rest } = value;
  return { ...rest, [IMPORT_MARKER]: $import };
}

function wrap(loader: Loader): Loader {
  return async (filepath, content) => {
    const loaded: unknown = await loader(filepath, content);
    if (basename(filepath) === 'package.json' && isRecord(loaded)) return { ...loaded, gitward: hideImport(loaded.gitward) };
    return hideImport(loaded);
  };
}

const LOADERS = Object.fromEntries(Object.entries(defaultLoaders).map(([ext, loader]) => [ext, wrap(loader)]));

function explorer() {
  return cosmiconfig('gitward', {
    // cosmiconfig 9 defaults to 'none' already; set it so an upgrade cannot start walking parent directories.
    searchStrategy: 'none',
    searchPlaces: [...SEARCH_PLACES],
    // An empty first file is still the config (an empty one), rather than silently falling through to the next.
    ignoreEmptySearchPlaces: false,
    cache: false,
    loaders: LOADERS,
  });
}

/** The first config file in `dir` (search places in order), or null. */
export async function searchWithCosmiconfig(dir: string): Promise<{ filepath: string; config: unknown } | null> {
  const result = await explorer().search(dir);
  return result === null ? null : { filepath: result.filepath, config: result.config };
}

/** Loads one file by its extension (JS/TS are executed; package.json yields its `gitward` key). */
export async function loadWithCosmiconfig(file: string): Promise<unknown> {
  const result = await explorer().load(file);
  return result?.config;
}

/** Parses YAML text with cosmiconfig's own loader (js-yaml inside), so gitward has one YAML parser. */
export function parseYaml(file: string, text: string): unknown {
  const load = defaultLoaders['.yaml'] as (filepath: string, content: string) => unknown;
  return load(file, text);
}
