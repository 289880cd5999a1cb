/**
 * Just enough YAML to read Kubernetes Secret manifests: documents split on `---`, the top-level
 * `kind`, `metadata.name`, and the entries of top-level `data:`/`stringData:` with their offsets.
 * A full YAML parser would cost a dependency and start-up time for one shape of file.
 */
export interface ManifestEntry {
  block: 'data' | 'stringData';
  key: string;
  value: string;
  /** Offset of the value in the scanned text. */
  start: number;
}

export interface SecretManifest {
  kindOffset: number;
  kindLineEnd: number;
  name: string;
  entries: ManifestEntry[];
  sops: boolean;
}

interface Line {
  text: string;
  offset: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, offset });
    offset += line.length + 1;
  }
  return lines;
}

function documents(lines: Line[]): Line[][] {
  const docs: Line[][] = [[]];
  for (const line of lines) {
    if (/^---(\s|$)/.test(line.text)) docs.push([]);
    else docs[docs.length - 1]!.push(line);
  }
  return docs;
}

const ENTRY_RE = /^([ \t]+)(?:"([^"]+)"|'([^']+)'|([\w./-]+))[ \t]*:[ \t]*(.*?)[ \t]*$/;

function unquote(raw: string): string {
  const m = /^(["'])(.*)\1$/.exec(raw);
  return m ? m[2]! : raw.replace(/[ \t]+#.*$/, '');
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** The more-indented lines after `i` (a block scalar's body); returns the index after them. */
function scalarBody(doc: Line[], i: number, indent: number): { lines: Line[]; next: number } {
  let next = i + 1;
  while (next < doc.length && (doc[next]!.text.trim() === '' || indentOf(doc[next]!.text) > indent)) next++;
  return { lines: doc.slice(i + 1, next).filter((l) => l.text.trim() !== ''), next };
}

/** Entries of one top-level block; a block scalar (`|`, `>`) keeps its first content line's offset. */
function blockEntries(doc: Line[], from: number, block: ManifestEntry['block']): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (let i = from; i < doc.length && !/^\S/.test(doc[i]!.text); i++) {
    const line = doc[i]!;
    const m = ENTRY_RE.exec(line.text);
    if (!m) continue;
    const raw = m[5]!;
    const entry = { block, key: m[2] ?? m[3] ?? m[4]!, value: unquote(raw), start: line.offset + line.text.lastIndexOf(raw) + (/^["']/.test(raw) ? 1 : 0) };
    if (/^[|>][-+]?\d*$/.test(entry.value)) {
      const body = scalarBody(doc, i, m[1]!.length);
      entry.value = body.lines.map((l) => l.text.trim()).join('\n');
      entry.start = body.lines[0] ? body.lines[0].offset + indentOf(body.lines[0].text) : entry.start;
      i = body.next - 1;
    }
    entries.push(entry);
  }
  return entries;
}

function parseDocument(doc: Line[]): SecretManifest | undefined {
  const kindLine = doc.find((l) => /^kind:[ \t]*["']?Secret["']?[ \t]*(#.*)?$/.test(l.text));
  if (!kindLine) return undefined;
  const entries: ManifestEntry[] = [];
  doc.forEach((line, i) => {
    const block = /^(data|stringData):[ \t]*$/.exec(line.text)?.[1] as ManifestEntry['block'] | undefined;
    if (block) entries.push(...blockEntries(doc, i + 1, block));
  });
  const metadataAt = doc.findIndex((l) => /^metadata:/.test(l.text));
  const nameLine = metadataAt < 0 ? undefined : doc.slice(metadataAt + 1).find((l) => /^[ \t]+name:/.test(l.text));
  const name = nameLine ? unquote(nameLine.text.replace(/^[ \t]+name:[ \t]*/, '')) : '(unnamed)';
  const sops = doc.some((l) => /^sops:/.test(l.text)) || entries.some((e) => e.value.startsWith('ENC['));
  return { kindOffset: kindLine.offset, kindLineEnd: kindLine.offset + kindLine.text.length, name, entries, sops };
}

export function parseSecretManifests(text: string): SecretManifest[] {
  return documents(linesOf(text)).map(parseDocument).filter((m): m is SecretManifest => m !== undefined);
}
