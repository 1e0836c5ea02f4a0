// The CSV reader keeps every good row whatever the bad ones around it do: rows broken by a stray,
// inner or unclosed quote are each reported once at their own line, every other row is read exactly
// as written, however the text is cut into chunks and whatever line breaks it uses.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CsvRecordReader, type CsvItem } from '../../server/src/preview/sources/csv-records';

const plain = fc.stringMatching(/^[A-Za-z0-9 @.;-]{0,8}$/);
/** Quoted fields hold commas, doubled quotes and line breaks; they never start with a comma or a quote. */
const quoted = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,"\n]{0,8}$/).map((s) => `"${s.replace(/"/g, '""')}"`);
const field = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: quoted });
const WIDTH = 4;

type Corruption = 'stray' | 'inner' | 'unclosed';

/**
 * A good row: `id,f1,f2,f3`; a corrupted one breaks its second field the way users' files do, and
 * keeps its other fields plain (a bad quote before a quoted field that spans lines cannot be told
 * from a field that ends later: that row may be reported as two).
 */
function row(id: number, fields: string[], corruption: Corruption | undefined): string {
  if (!corruption) return [String(id), ...fields].join(',');
  const second = corruption === 'stray' ? `Na"${id}` : corruption === 'inner' ? `"Na"${id}` : `"Na${id}`;
  return [String(id), second, ...fields.slice(1).map((f) => (f.startsWith('"') ? 'x' : f))].join(',');
}

const file = fc.tuple(
  fc.array(fc.tuple(fc.array(field, { minLength: WIDTH - 1, maxLength: WIDTH - 1 }), fc.option(fc.constantFrom<Corruption>('stray', 'inner', 'unclosed'), { freq: 4 })), { minLength: 1, maxLength: 25 }),
  fc.constantFrom('\n', '\r\n'),
  fc.boolean(),
  fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
);

function read(text: string, cuts: number[]): CsvItem[] {
  const items: CsvItem[] = [];
  const reader = new CsvRecordReader((item) => items.push(item));
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = cuts[k % cuts.length];
    reader.push(text.slice(at, at + size));
    at += size;
  }
  reader.end();
  return items;
}

describe('preview sources property: CSV recovery at the record boundary', () => {
  it('keeps every good row and reports each broken row once, at its line', () => {
    fc.assert(
      fc.property(file, ([rows, eol, finalBreak, cuts]) => {
        const lines = ['id,a,b,c', ...rows.map(([fields, corruption], i) => row(i + 1, fields, corruption ?? undefined))];
        const text = lines.join(eol) + (finalBreak ? eol : '');
        const items = read(text, cuts);
        const startLine: number[] = [];
        let line = 1;
        for (const l of lines) {
          startLine.push(line);
          line += l.split('\n').length; // quoted fields may hold line breaks
        }
        const good = rows.flatMap(([, corruption], i) => (corruption ? [] : [i + 1]));
        const bad = rows.flatMap(([, corruption], i) => (corruption ? [startLine[i + 1]] : []));
        const records = items.filter((i) => i.kind === 'record');
        assert.deepEqual(records.map((r) => Number(r.fields[0])).slice(1), good, text);
        assert.deepEqual(items.filter((i) => i.kind === 'bad').map((i) => i.line), bad, text);
        for (const r of records.slice(1)) {
          const [fields] = rows[Number(r.fields[0]) - 1];
          const unquote = (f: string) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
          assert.deepEqual(r.fields.slice(2), fields.slice(1).map(unquote));
          assert.equal(r.line, startLine[Number(r.fields[0])]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
