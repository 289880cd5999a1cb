import type { SchemaNode, ArrayNode } from './schema-node.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Merges cleaned config layers in order (earlier = `extends`, last = the file itself), following
 * the schema: objects and maps merge key by key; lists concatenate with duplicates dropped, except
 * lists marked `merge: 'replace'`; lists with a `mergeKey` replace an earlier item with the same key;
 * everything else takes the later value.
 */
export function mergeLayers(node: SchemaNode, layers: readonly unknown[]): unknown {
  return layers.reduce((merged, layer) => mergeValue(node, merged, layer), undefined);
}

function mergeValue(node: SchemaNode, earlier: unknown, later: unknown): unknown {
  if (later === undefined) return earlier;
  if (earlier === undefined) return later;
  switch (node.type) {
    case 'object':
      return mergeRecords(earlier, later, (key) => node.properties[key]);
    case 'map':
      return mergeRecords(earlier, later, () => node.values);
    case 'array':
      return mergeArrays(node, earlier, later);
    case 'stringOrList':
      return dedupe([...asArray(earlier), ...asArray(later)]);
    default:
      return later;
  }
}

function mergeRecords(earlier: unknown, later: unknown, childOf: (key: string) => SchemaNode | undefined): unknown {
  if (!isRecord(earlier) || !isRecord(later)) return later;
  const out: Record<string, unknown> = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const child = childOf(key);
    out[key] = child === undefined ? value : mergeValue(child, earlier[key], value);
  }
  return out;
}

function mergeArrays(node: ArrayNode, earlier: unknown, later: unknown): unknown {
  if (node.merge === 'replace') return later;
  const items = [...asArray(earlier), ...asArray(later)];
  const key = node.mergeKey;
  if (key === undefined) return dedupe(items);
  // A later item with the same key replaces the earlier one (a team overriding an org rule by id).
  const lastIndex = new Map(items.map((item, i) => [isRecord(item) ? item[key] : Symbol(), i]));
  return items.filter((item, i) => !isRecord(item) || lastIndex.get(item[key]) === i);
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** Drops repeated primitives (the same glob from two layers); objects are kept as they are. */
function dedupe(items: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return items.filter((item) => {
    if (typeof item === 'object' && item !== null) return true;
    if (seen.has(item)) return false;
    seen.add(item);
    return true;
  });
}
