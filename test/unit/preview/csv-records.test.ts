// The CSV record reader case by case: RFC 4180 fields, where a bad record ends, and the limits that keep a
// hostile file from filling memory.

import { strict as assert } from 'node:assert';
import { CsvRecordReader, MAX_RECORD_CHARS, type CsvItem } from '../../../server/src/preview/sources/csv-records';

function read(...chunks: string[]): CsvItem[] {
  const items: CsvItem[] = [];
  const reader = new CsvRecordReader((item) => items.push(item));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return items;
}

const show = (items: CsvItem[]) => items.map((i) => (i.kind === 'record' ? `${i.line}:${i.fields.join('|')}` : `${i.line}!${i.reread ? `reread ${i.reread.from}-${i.reread.to}` : ''}${i.through ? `through ${i.through}` : ''}`));

describe('preview sources: CSV records', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM, and skips blank lines', () => {
    assert.deepEqual(show(read('\ufeffid,a\r\n1,"x, ""y""\r\nz"\r\n\r\n2,', 'b\n')), ['1:id|a', '2:1|x, "y"\r\nz', '5:2|b']);
  });

  it('a quote error on the first line skips that record as one row, even when it goes on over lines', () => {
    assert.deepEqual(show(read('id,a,b\n1,x"y,"multi\nline"\n2,c,d\n')), ['1:id|a|b', '2!through 3', '4:2|c|d']);
  });

  it('an unclosed quote skips its first line and reads the lines it swallowed again', () => {
    assert.deepEqual(show(read('id,a\n1,"open\n2,b\n3,c\n')), ['1:id|a', '2!reread 3-4', '3:2|b', '4:3|c']);
  });

  it('a line longer than the limit is one bad row, not a memory blow-up; the lines after it are read', () => {
    const huge = 'x'.repeat(MAX_RECORD_CHARS + 10);
    assert.deepEqual(show(read('id,a\n1,', huge.slice(0, 1000), huge.slice(1000), '\n2,b\n')), ['1:id|a', '2!', '3:2|b']);
    assert.deepEqual(show(read(`id,a\n1,${huge}\n2,b\n`)), ['1:id|a', '2!', '3:2|b']);
    const bad = read(`id,a\n1,"${huge}"\n2,b\n`);
    assert.deepEqual(show(bad), ['1:id|a', '2!', '3:2|b']);
  });
});
