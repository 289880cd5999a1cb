import assert from 'node:assert/strict';
import { mergeLayers } from '../../../src/config/merge-layers.js';
import { teamSchema } from '../../../src/config/team-schema.js';
import { buildTeamConfig } from '../../../src/config/validate.js';

describe('mergeLayers (extends semantics)', () => {
  it('concatenates lists without duplicates, later scalars win, `replace` lists replace', () => {
    const merged = mergeLayers(teamSchema, [
      { secrets: { maxFileSize: 1, allow: { paths: ['a', 'b'] } }, prePush: { refs: ['refs/heads/*'] } },
      { secrets: { maxFileSize: 2, allow: { paths: ['b', 'c'] } }, prePush: { refs: ['refs/heads/main'] } },
    ]);
    assert.deepEqual(merged, { secrets: { maxFileSize: 2, allow: { paths: ['a', 'b', 'c'] } }, prePush: { refs: ['refs/heads/main'] } });
  });

  it('replaces a custom rule by id and merges per-rule allowlists key by key', () => {
    const rule = (id: string, regex: string) => ({ id, regex, keywords: [] });
    const merged = mergeLayers(teamSchema, [
      { secrets: { rules: { custom: [rule('a', 'x1'), rule('b', 'y1')], allow: { a: { stopwords: ['s1'] } } } } },
      { secrets: { rules: { custom: [rule('a', 'x2')], allow: { a: { stopwords: ['s2'], regexes: ['r'] }, b: { regexes: ['q'] } } } } },
    ]) as { secrets: { rules: { custom: Array<{ id: string; regex: string }>; allow: unknown } } };
    assert.deepEqual(merged.secrets.rules.custom.map((r) => `${r.id}:${r.regex}`), ['b:y1', 'a:x2']);
    assert.deepEqual(merged.secrets.rules.allow, { a: { stopwords: ['s1', 's2'], regexes: ['r'] }, b: { regexes: ['q'] } });
  });

  it('normalizes over the defaults: prePush.verifySignatures follows signing.required unless set', () => {
    assert.equal(buildTeamConfig([{ signing: { required: true } }]).prePush.verifySignatures, true);
    assert.equal(buildTeamConfig([{ signing: { required: true }, prePush: { verifySignatures: false } }]).prePush.verifySignatures, false);
    assert.equal(buildTeamConfig([]).prePush.verifySignatures, false);
    assert.deepEqual(buildTeamConfig([{ secrets: { rules: { allow: { x: { regexes: ['^a'] } } } } }]).secrets.rules.allow, { x: { regexes: ['^a'], stopwords: [] } });
  });
});
