import { unquotePath } from './unquote-path.js';

/** The added side of one file in a unified diff produced with `-U0 --full-index`. */
export interface DiffFile {
  path: string;
  /** Source path of a rename or copy. */
  oldPath?: string;
  /** Full object id of the new blob (zero oid / undefined for deletions). */
  blobOid?: string;
  deleted: boolean;
  binary: boolean;
  /** Added lines, without the leading `+`. */
  lines: string[];
  /** Real 1-based line number in the new blob of each added line. */
  lineNumbers: number[];
  /** Commit the diff belongs to, when the caller tracks one. */
  commit?: string;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * A line-driven parser for `git diff -U0 --full-index` patches, so the same code serves a
 * staged diff held in memory and a `git log -p` stream that never fits in memory.
 */
export class DiffParser {
  private current: DiffFile | undefined;
  private nextLine = 0;
  private readonly done: DiffFile[] = [];

  /**
   * @param commit stamped on every file (history scans)
   * @param withContext also keep context lines: with a huge `-U` this yields whole blobs (`--all-lines`)
   */
  constructor(private readonly commit?: string, private readonly withContext = false) {}

  /** Feeds one line (without its newline). Finished files become available from `take()`. */
  push(line: string): void {
    const file = this.current;
    if (line.startsWith('diff --git ')) return this.start(line);
    if (!file) return;
    const first = line.charCodeAt(0);
    if (this.nextLine > 0 && (first === 43 /* + */ || (first === 32 /* space */ && this.withContext))) {
      file.lines.push(line.slice(1));
      file.lineNumbers.push(this.nextLine++);
    } else if (first === 64 /* @ */) {
      const m = HUNK.exec(line);
      if (m) this.nextLine = Number(m[1]);
    } else if (this.nextLine === 0) {
      this.header(file, line);
    }
  }

  /** Completes the last file and returns every file finished since the previous call. */
  finish(): DiffFile[] {
    this.flush();
    return this.take();
  }

  take(): DiffFile[] {
    return this.done.splice(0, this.done.length);
  }

  private start(line: string): void {
    this.flush();
    this.nextLine = 0;
    this.current = { path: pathFromGitHeader(line), deleted: false, binary: false, lines: [], lineNumbers: [] };
    if (this.commit !== undefined) this.current.commit = this.commit;
  }

  private header(file: DiffFile, line: string): void {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') file.deleted = true;
      else file.path = stripPrefix(unquotePath(target));
    } else if (line.startsWith('index ')) {
      const oid = line.slice(6).split(' ')[0]?.split('..')[1];
      if (oid && !/^0+$/.test(oid)) file.blobOid = oid;
    } else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      file.oldPath = unquotePath(line.slice(line.indexOf(' from ') + 6));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      file.path = unquotePath(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('deleted file mode')) {
      file.deleted = true;
    } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
      file.binary = true;
    }
  }

  private flush(): void {
    if (this.current) this.done.push(this.current);
    this.current = undefined;
  }
}

/** Parses a whole patch held in memory. */
export function parseDiff(patch: string, options: { commit?: string; withContext?: boolean } = {}): DiffFile[] {
  const parser = new DiffParser(options.commit, options.withContext);
  let start = 0;
  while (start < patch.length) {
    let end = patch.indexOf('\n', start);
    if (end === -1) end = patch.length;
    parser.push(patch.slice(start, end));
    start = end + 1;
  }
  return parser.finish();
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') || path.startsWith('a/') ? path.slice(2) : path;
}

/**
 * `diff --git a/X b/X`: without a rename both halves are equal, so the path is recoverable
 * even when it contains " b/". Later `+++`/`rename to` lines override this guess.
 */
function pathFromGitHeader(line: string): string {
  const rest = line.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const close = rest.indexOf('" ', 1);
    return stripPrefix(unquotePath(rest.slice(close + 2)));
  }
  const half = (rest.length - 1) / 2;
  return Number.isInteger(half) ? stripPrefix(rest.slice(half + 1)) : stripPrefix(rest.slice(rest.lastIndexOf(' b/') + 1));
}
