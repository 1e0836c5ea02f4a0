// The preview panel's CSV export: contact data that a spreadsheet would run as a formula is written as
// text (a leading single quote, OWASP's advice), plain numbers stay numbers, and quoting follows RFC 4180.

import { strict as assert } from 'node:assert';
import { csvCell, inertCell } from '../../../server/src/files/csv-cell';
import { csvOf } from '../../../server/src/lsp/preview/rows';
import { StoreBuilder } from '../../../server/src/preview/columns-build';
import { defaultSchema } from '../../../server/src/language/schema';

describe('lsp: preview CSV export', () => {
  it('neutralises cells that start with = + - @ tab or CR, and leaves plain numbers alone', () => {
    for (const bad of ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")', '-', '+']) {
      assert.equal(inertCell(bad), `'${bad}`, JSON.stringify(bad));
    }
    for (const fine of ['-12.5', '+3', '1e5', '-.5', 'Ada', 'a=b', ' =1', '']) assert.equal(inertCell(fine), fine, JSON.stringify(fine));
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell('a,b'), '"a,b"');
  });

  it('the export of a store writes hostile contact data as text', () => {
    const schema = defaultSchema();
    const builder = new StoreBuilder(['jobtitle', 'firstname'].map((n) => schema.objects.contacts.get(n)!));
    builder.add({ id: '1', properties: { jobtitle: '=cmd|"/C calc"!A0', firstname: '@Ada' } });
    builder.add({ id: '2', properties: { jobtitle: 'CEO', firstname: '-Bob' } });
    const store = builder.finish();
    const lines = csvOf(store, new Uint32Array([0, 1])).trimEnd().split('\r\n');
    assert.deepEqual(lines, ['id,jobtitle,firstname', `1,"'=cmd|""/C calc""!A0",'@Ada`, "2,CEO,'-Bob"]);
  });
});
