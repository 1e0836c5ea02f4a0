// A portal or file larger than a local preview holds is refused with a sentence that says so and
// what to do instead, never a crash part-way through (or a store silently cut short).

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStore } from '../../../server/src/preview/columns-build';
import { patchStore } from '../../../server/src/preview/columns-patch';
import { loadContactsFile } from '../../../server/src/preview/run-file';
import { PreviewTooLarge } from '../../../server/src/preview/store-limits';
import { testSchema } from './lists';

const schema = testSchema();
const defs = [...schema.objects.contacts.values()];

describe('preview: more contacts than a local preview holds', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'hslist-limit-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a contacts file past the limit is an error naming the file and the limit, not a store of its first rows', async () => {
    const path = join(dir, 'contacts.csv');
    writeFileSync(path, `id,email\n${[1, 2, 3, 4, 5].map((i) => `${i},p${i}@x.org`).join('\n')}\n`);
    const loaded = await loadContactsFile(path, schema, ['email'], { maxContacts: 3 });
    assert.ok('error' in loaded, 'refused');
    assert.match(loaded.error, /contacts\.csv cannot be previewed: it holds more than 3 contacts, the most a local preview holds; .*hslist count/);
    const fits = await loadContactsFile(path, schema, ['email'], { maxContacts: 5 });
    assert.ok(!('error' in fits) && fits.store.size === 5);
  });

  it('a refresh that would take the cached store past the limit throws PreviewTooLarge before changing it', () => {
    const store = buildStore([1, 2, 3].map((i) => ({ id: String(i), properties: { email: `p${i}@x.org` } })), defs);
    assert.throws(() => patchStore(store, [{ id: '4', properties: {} }, { id: '5', properties: {} }], { defs, maxRows: 4 }), PreviewTooLarge);
    assert.equal(store.columns.size, defs.length, 'the cached store is untouched');
  });
});
