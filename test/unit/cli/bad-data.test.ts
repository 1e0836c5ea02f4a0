// `hslist preview` on data files that are broken, empty, garbage, unreadable or not files at all: never
// a wrong count reported as success. Bad rows are reported once each, with their line, and every good
// row is kept; a source that yields nothing usable is an error (exit 1) that says why.

import { strict as assert } from 'node:assert';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hslist, workspace, type CliRun } from './cli-support';
import { asUnprivileged, makeFifo } from './fs-support';

const LISTS = 'list "Everyone with email" {\n  where email is known\n}\n';
const HEADER = 'Record ID,First Name,Email';
const TEN_ROWS = Array.from({ length: 10 }, (_, i) => `${i + 1},Name${i + 1},u${i + 1}@x.io`);

/** The ten rows with line `line` (1 = the header) replaced. */
function csvWith(line: number, replacement: string): string {
  return [HEADER, ...TEN_ROWS].map((l, i) => (i === line - 1 ? replacement : l)).join('\n') + '\n';
}

function preview(data: Record<string, string | Buffer>, file: string, ...extra: string[]): Promise<CliRun> {
  const root = workspace({ 'hslist.json': '{}', 'lists.hslist': LISTS, ...data });
  return hslist(root, 'preview', 'lists.hslist', '--data', file, ...extra);
}

function loaded(run: CliRun): [number, number] {
  const m = /contacts loaded, (\d+) rows rejected/.exec(run.out) ?? [];
  const all = /: ([\d,]+) contacts loaded/.exec(run.out) ?? [];
  return [Number(all[1]), Number(m[1])];
}

describe('hslist preview: bad data files', () => {
  it('a quote error keeps every good row after it and reports the bad one once, at its line', async () => {
    for (const bad of ['3,"Na"me3,u3@x.io', '3,"Name3,u3@x.io', '3,Na"me3,u3@x.io', '3,Name3,u3@x.io"']) {
      const run = await preview({ 'c.csv': csvWith(4, bad) }, 'c.csv');
      assert.equal(run.code, 1, bad);
      assert.deepEqual(loaded(run), [9, 1], `${bad}\n${run.out}`);
      assert.match(run.out, /^Everyone with email: 9 of 9 contacts$/m, bad);
      const issues = run.out.match(/^ {2}line \d+: malformed-line: .*$/gm) ?? [];
      assert.equal(issues.length, 1, `${bad}: ${issues.join('\n')}`);
      assert.match(issues[0], /^ {2}line 4: malformed-line: Line 4 is not valid CSV: /);
    }
  });

  it('a repeated Record ID is rejected with its line and the line of the first, and counted', async () => {
    const run = await preview({ 'c.csv': csvWith(7, '3,Again,again@x.io') }, 'c.csv', '--json');
    assert.equal(run.code, 1);
    const { data, lists } = JSON.parse(run.out);
    assert.deepEqual([data.rowsLoaded, data.rowsRejected, data.counts['duplicate-id']], [9, 1, 1]);
    assert.equal(data.issues[0].line, 7);
    assert.match(data.issues[0].message, /^Line 7 has Record ID 3, as line 4 has; the repeat was skipped/);
    assert.equal(lists[0].count, 9);
    const ndjson = ['{"id":"1","properties":{"email":"a@x.io"}}', '{"id":"1","properties":{"email":"b@x.io"}}'].join('\n');
    const twice = await preview({ 'c.ndjson': ndjson }, 'c.ndjson', '--json');
    assert.deepEqual([JSON.parse(twice.out).data.rowsLoaded, JSON.parse(twice.out).data.counts['duplicate-id']], [1, 1]);
  });

  it('garbage, a non-array, a number, an empty file: exit 1 with the reason, never "0 of 0"', async () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['a.json', '[{"id":"1","properties":{}},, garbage', /a\.json is not valid JSON \(/],
      ['b.json', '{"hello":"world"}', /b\.json holds an object with key hello, not contact records/],
      ['c.json', '42', /c\.json holds a number, not contact records/],
      ['d.json', '', /d\.json is empty/],
      ['e.json', '[]', /e\.json holds no contact records/],
      ['f.csv', '', /f\.csv is empty/],
      ['g.csv', `${HEADER}\n`, /g\.csv has a header but no contact rows/],
      ['h.ndjson', '\n\n', /h\.ndjson holds no contact records/],
      ['i.csv', `${HEADER}\n1,"x\n2,"y\n`, /none of the 2 rows of i\.csv could be loaded: Line 2 is not valid CSV/],
      ['j.csv', '"Record ID,Email\n1,a@x.io\n', /j\.csv: the header, line 1, is not valid CSV/],
    ];
    for (const [name, content, reason] of cases) {
      const run = await preview({ [name]: content }, name);
      assert.equal(run.code, 1, `${name}: ${run.err}`);
      assert.equal(run.out, '', name);
      assert.match(run.err, reason, name);
      assert.doesNotMatch(run.err, /internal error|0 of 0/, name);
    }
  });

  it('bytes that are not UTF-8 (an export re-saved as Latin-1) are never compared as replacement characters', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n1,A,a@x.io\n2,Caf`), Buffer.from([0xe9]), Buffer.from(',b@x.io\n3,C,c@x.io\n')]);
    const csv = await preview({ 'c.csv': latin1 }, 'c.csv');
    assert.equal(csv.code, 1);
    assert.deepEqual(loaded(csv), [2, 1]);
    assert.match(csv.out, /line 3: malformed-line: Line 3 holds bytes that are not UTF-8; the row was skipped/);
    const json = await preview({ 'c.json': Buffer.concat([Buffer.from('[{"id":"1","properties":{"firstname":"Caf'), Buffer.from([0xe9]), Buffer.from('"}}]')]) }, 'c.json');
    assert.equal(json.code, 1);
    assert.match(json.err, /c\.json is not UTF-8 text; save it as UTF-8/);
  });

  it('a byte-order mark is accepted in JSON, NDJSON, CSV and hslist.json', async () => {
    const bom = '\ufeff';
    const records = [{ id: '1', properties: { email: 'a@x.io' } }, { id: '2', properties: { email: 'b@x.io' } }];
    const root = workspace({
      'hslist.json': `${bom}{"contacts": "c.json"}`,
      'lists.hslist': LISTS,
      'c.json': bom + JSON.stringify(records),
      'c.ndjson': bom + records.map((r) => JSON.stringify(r)).join('\n'),
      'c.csv': `${bom}${HEADER}\n1,A,a@x.io\n`,
    });
    const json = await hslist(root, 'preview', 'lists.hslist');
    assert.equal(json.code, 0, json.err);
    assert.match(json.out, /^Everyone with email: 2 of 2 contacts$/m);
    assert.match((await hslist(root, 'preview', 'lists.hslist', '--data', 'c.ndjson')).out, /2 of 2 contacts/);
    assert.match((await hslist(root, 'preview', 'lists.hslist', '--data', 'c.csv')).out, /1 of 1 contacts/);
  });

  it('an unreadable .json, .csv or .ndjson: exit 1 naming the file and the reason', async function () {
    for (const name of ['u.json', 'u.csv', 'u.ndjson']) {
      const root = workspace({ 'hslist.json': '{}', 'lists.hslist': LISTS, [name]: '[]' });
      chmodSync(join(root, name), 0o000);
      const run = await asUnprivileged(root, 'preview', 'lists.hslist', '--data', name);
      assert.equal(run.code, 1, `${name}: ${run.err}`);
      assert.match(run.err, new RegExp(`${name.replace('.', '\\.')} cannot be read: permission denied`));
    }
  });

  it('a FIFO or a folder as --data: exit 1 at once, not a hang', async function () {
    const root = workspace({ 'hslist.json': '{}', 'lists.hslist': LISTS });
    if (!makeFifo(join(root, 'fifo.csv')) || !makeFifo(join(root, 'fifo.ndjson'))) this.skip();
    for (const name of ['fifo.csv', 'fifo.ndjson']) {
      const run = await hslist(root, 'preview', 'lists.hslist', '--data', name);
      assert.equal(run.code, 1, run.err);
      assert.match(run.err, new RegExp(`${name.replace('.', '\\.')} is a named pipe \\(FIFO\\), not a regular file`));
    }
    writeFileSync(join(root, 'x'), '');
    const folder = await hslist(root, 'preview', 'lists.hslist', '--data', '.');
    assert.equal(folder.code, 1);
    assert.match(folder.err, /hslist preview: \. is a folder, not a regular file/);
  });
});
