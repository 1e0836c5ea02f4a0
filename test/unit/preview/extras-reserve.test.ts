// A live fetch knows how many links and form submissions its contacts carry before the store is built,
// and reserves them (ExtrasBuilder.reserve): the builders' arrays are made once at that size. The store
// must come out the same whether the count given was exact, short or long (a refresh's contacts may
// differ from those read), and without any reservation.

import { strict as assert } from 'node:assert';
import { StoreBuilder, type ExtrasCounts } from '../../../server/src/preview/columns-build';
import type { ColumnStore } from '../../../server/src/preview/columns';
import type { ContactRecord } from '../../../server/src/preview/types';

const DAY = 86_400_000;

/** Seeded contacts: every third without submissions, some with two, one company link or two. */
function contacts(): ContactRecord[] {
  return Array.from({ length: 300 }, (_, k) => ({
    id: String(k + 1),
    properties: {},
    formSubmissions: k % 3 === 0 ? [] : Array.from({ length: 1 + (k % 2) }, (_, j) => ({ formId: `f${(k + j) % 4}`, timestamp: 1_700_000_000_000 + k * DAY + j, ...(j === 0 ? { pageUrl: `https://example.com/p${k % 5}` } : {}) })),
    companies: Array.from({ length: 1 + (k % 2) }, (_, j) => ({ id: `c${(k + j) % 17}`, properties: {}, labels: j === 1 ? ['301'] : [], ...(j === 0 ? { primary: true } : {}) })),
  }));
}

function built(counts?: ExtrasCounts): Pick<ColumnStore, 'forms' | 'associations'> {
  const builder = new StoreBuilder([]);
  if (counts) builder.reserveExtras(counts);
  for (const record of contacts()) builder.add(record);
  const store = builder.finish();
  return { forms: store.forms, associations: store.associations && { ...store.associations, records: undefined as never } };
}

describe('preview store: links and submissions reserved before the rows', () => {
  const all = contacts();
  const submissions = all.reduce((n, c) => n + c.formSubmissions!.length, 0);
  const links = all.reduce((n, c) => n + c.companies!.length, 0);

  it('builds the same forms and links whether the counts were exact, short, long or not given', () => {
    const expected = built();
    assert.equal(expected.forms!.timestamps.length, submissions);
    for (const factor of [1, 0.1, 3]) {
      const counts = { links: { companies: Math.round(links * factor) }, submissions: Math.round(submissions * factor) };
      assert.deepEqual(built(counts), expected, `counts × ${factor}`);
    }
  });

  it('hands over arrays of exactly the submissions, with the count exact', () => {
    const { forms } = built({ submissions });
    for (const array of [forms!.forms, forms!.timestamps, forms!.pages, forms!.urls]) assert.equal(array.length, submissions);
  });
});
