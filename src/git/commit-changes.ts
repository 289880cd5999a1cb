import type { ChangedPath } from '../model/index.js';
import type { GitContext } from './run-git.js';
import { runGit } from './run-git.js';
import { objectTypes } from './rev-list.js';

const ZERO = /^0+$/;

/**
 * Paths each commit touches, from one `git diff-tree --stdin` call. Renames are not detected on
 * purpose: a rename then shows as a delete of the old path and an add of the new one, so rules on
 * either path see it ("touched" includes renames from or to). Merges use the combined diff (`-c`):
 * the paths the merge itself changed relative to every parent; the merged-in commits are checked on
 * their own. New blob sizes come from one `cat-file --batch-check`.
 */
export async function readCommitChanges(ctx: GitContext, oids: string[]): Promise<Map<string, ChangedPath[]>> {
  const changes = new Map<string, ChangedPath[]>(oids.map((oid) => [oid, []]));
  if (oids.length === 0) return changes;
  const args = ['diff-tree', '--stdin', '-r', '-z', '--no-renames', '--root', '-c', '--no-ext-diff'];
  const { stdout } = await runGit(ctx, args, { input: oids.join('\n') + '\n' });
  const tokens = stdout.toString('utf8').split('\0');
  let current: ChangedPath[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.startsWith(':')) {
      const path = tokens[++i] ?? '';
      current?.push(toChange(token, path));
    } else if (/^[0-9a-f]{40,64}$/.test(token.trim())) {
      current = changes.get(token.trim());
    }
  }
  await addSizes(ctx, [...changes.values()].flat());
  return changes;
}

/** `:old-mode new-mode old-oid new-oid S` or, for merges, `::m1 m2 mN o1 o2 oN SS`. */
function toChange(meta: string, path: string): ChangedPath {
  const colons = meta.length - meta.replace(/^:+/, '').length;
  const fields = meta.slice(colons).split(' ');
  const parents = colons;
  const modes = fields.slice(0, parents + 1);
  const oids = fields.slice(parents + 1, 2 * parents + 2);
  const letters = fields[2 * parents + 2] ?? 'M';
  const newOid = oids[oids.length - 1] ?? '';
  const oldModes = modes.slice(0, -1);
  const status: ChangedPath['status'] = ZERO.test(newOid) ? 'D'
    : oids.slice(0, -1).every((o) => ZERO.test(o)) ? 'A'
    : letters.includes('T') ? 'T' : 'M';
  return {
    path,
    status,
    oldMode: oldModes[0] ?? '000000',
    newMode: modes[modes.length - 1] ?? '000000',
    ...(status === 'D' ? {} : { newOid }),
  };
}

async function addSizes(ctx: GitContext, all: ChangedPath[]): Promise<void> {
  // Gitlinks (submodules, mode 160000) name commits in another repository: no size here.
  const blobs = [...new Set(all.filter((c) => c.newOid && c.newMode !== '160000').map((c) => c.newOid as string))];
  const sizes = await objectTypes(ctx, blobs);
  for (const change of all) {
    const info = change.newOid ? sizes.get(change.newOid) : undefined;
    if (info) change.newSize = info.size;
  }
}
