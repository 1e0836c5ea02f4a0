// The live source's compact property history (history-table.ts): what goes in comes out, a property
// without history stays "missing" (never "none"), a contact's history can be replaced, and the cache
// binary cache file reads back the same (and a damaged one is refused).

import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cachePaths, readHistoryFile, writeCacheFiles, newManifest } from '../../../server/src/preview/hubspot/cache-files';
import { HistoryTable, historyOf } from '../../../server/src/preview/hubspot/history-table';
import type { HistoryEntry } from '../../../server/src/preview/types';

const at = (iso: string) => Date.parse(iso);
const ALICE = {
  lifecyclestage: [{ value: 'customer', timestamp: at('2025-03-01T10:00:00Z') }, { value: 'lead', timestamp: at('2024-01-01T09:30:00.123Z') }],
  hs_lead_status: [] as HistoryEntry[],
};
const BOB = { lifecyclestage: [{ value: null, timestamp: at('2025-01-01T00:00:00Z') }, { value: '', timestamp: at('2024-06-01T00:00:00Z') }] };

describe('preview: the compact history table', () => {
  it('gives back each contact\'s entries as set, newest first, with null and empty values kept apart', () => {
    const table = new HistoryTable();
    table.set('1', ALICE);
    table.set('2', BOB);
    assert.equal(table.size, 2);
    assert.deepEqual(table.get('1'), ALICE);
    assert.deepEqual(table.get('2'), BOB);
    assert.deepEqual(historyOf(table, '2', 'lifecyclestage'), BOB.lifecyclestage);
  });

  it('tells a property with no entries ([]) from one whose history was not read (undefined), and an unknown contact', () => {
    const table = new HistoryTable();
    table.set('1', ALICE);
    table.set('2', BOB);
    assert.deepEqual(historyOf(table, '1', 'hs_lead_status'), []);
    assert.equal(historyOf(table, '2', 'hs_lead_status'), undefined);
    assert.equal(historyOf(table, '3', 'lifecyclestage'), undefined);
    assert.equal(table.get('3'), undefined);
  });

  it('replaces a contact\'s history entirely, properties it no longer has included', () => {
    const table = new HistoryTable();
    table.set('1', ALICE);
    table.set('1', BOB);
    assert.equal(table.size, 1);
    assert.deepEqual(table.get('1'), BOB);
    assert.equal(historyOf(table, '1', 'hs_lead_status'), undefined);
  });

  it('finds contacts set out of id order too (9 after 10), before and after the order breaks', () => {
    const table = new HistoryTable();
    const ids = ['2', '10', '9', '100', '11', '1'];
    for (const [i, id] of ids.entries()) {
      table.set(id, { p: [{ value: id, timestamp: i }] });
      for (const seen of ids.slice(0, i + 1)) assert.deepEqual(historyOf(table, seen, 'p'), [{ value: seen, timestamp: ids.indexOf(seen) }], `${seen} after ${id}`);
      assert.equal(table.get('3'), undefined);
    }
    table.set('10', { p: [] });
    assert.deepEqual(table.get('10'), { p: [] });
    assert.deepEqual([...table.entries()].map(([id]) => id), ids);
  });

  it('grows past its first buffers (thousands of contacts and entries)', () => {
    const table = new HistoryTable();
    const entries = (i: number) => Array.from({ length: i % 4 }, (_, k) => ({ value: `v${(i + k) % 7}`, timestamp: i * 1000 + k }));
    for (let i = 0; i < 5000; i++) table.set(String(i), { p: entries(i) });
    for (const i of [0, 1, 1023, 1024, 4999]) assert.deepEqual(table.get(String(i)), { p: entries(i) }, `contact ${i}`);
  });

  const manifestOf = (historyProperties: string[], contacts: number) =>
    newManifest({ portal: 'http://127.0.0.1:1', needs: { contactProperties: [], companyProperties: [], listIds: [], historyProperties, companies: false }, lastFetch: '2026-01-01T00:00:00Z', lastFullFetch: '2026-01-01T00:00:00Z', contacts, snapshotVersion: 'v' });

  it('is written to the binary cache file and read back the same (a Map of the same history writes the same file)', () => {
    const table = new HistoryTable();
    const map = new Map<string, Record<string, HistoryEntry[]>>();
    for (let i = 0; i < 2500; i++) {
      const record = i % 2 === 0 ? ALICE : BOB;
      table.set(String(i + 1), record);
      map.set(String(i + 1), record);
    }
    const paths = cachePaths(mkdtempSync(join(tmpdir(), 'hslist-history-')));
    writeCacheFiles(paths, manifestOf(['lifecyclestage'], 2500), table);
    const written = readFileSync(paths.history);
    assert.equal(written.toString('latin1', 0, 8), 'HSLHIST2');
    const header = JSON.parse(written.toString('utf8', 12, 12 + written.readUInt32LE(8))) as { history: { ids: { numeric: boolean } }; chunks: { tag: string }[] };
    assert.equal(header.history.ids.numeric, true, 'record ids are written as numbers');
    const read = readHistoryFile(paths)!;
    assert.equal(read.size, 2500);
    assert.deepEqual(new Map(read.entries()), map);
    assert.deepEqual(read.get('2500'), BOB);
    assert.deepEqual(read.get('1'), ALICE);
    assert.equal(historyOf(read, '2', 'hs_lead_status'), undefined, 'a property without history of this contact stays missing');
    assert.deepEqual(historyOf(read, '1', 'hs_lead_status'), [], 'and one without entries stays none');
    writeCacheFiles(paths, manifestOf(['lifecyclestage'], 2500), map);
    assert.deepEqual(readFileSync(paths.history), written);
  });

  it('writes a replaced history once (the entries it replaced are left out), and keeps contacts out of id order findable', () => {
    const table = new HistoryTable();
    table.set('30', ALICE);
    table.set('4', BOB);
    table.set('30', BOB);
    table.set('200', ALICE);
    const paths = cachePaths(mkdtempSync(join(tmpdir(), 'hslist-history-')));
    writeCacheFiles(paths, manifestOf(['lifecyclestage'], 3), table);
    const columns = (readHistoryFile(paths) as HistoryTable).columns();
    assert.equal(columns.codes.length, BOB.lifecyclestage.length * 2 + ALICE.lifecyclestage.length, 'entries once each');
    const read = readHistoryFile(paths) as HistoryTable;
    assert.deepEqual([...read.entries()].map(([id]) => id), ['30', '4', '200']);
    for (const [id, record] of [['30', BOB], ['4', BOB], ['200', ALICE]] as const) assert.deepEqual(read.get(id), record, id);
    read.set('5', ALICE);
    assert.deepEqual(read.get('5'), ALICE, 'a table read from the file takes more contacts');
  });

  it('keeps ids that are not record ids as strings, in the file too, and refuses a file of the format before (ids as strings always)', () => {
    const table = new HistoryTable();
    for (const id of ['7', '12', 'x-3', '007']) table.set(id, id === '12' ? BOB : ALICE);
    const paths = cachePaths(mkdtempSync(join(tmpdir(), 'hslist-history-')));
    writeCacheFiles(paths, manifestOf(['lifecyclestage'], 4), table);
    const read = readHistoryFile(paths) as HistoryTable;
    assert.deepEqual([...read.entries()].map(([id]) => id), ['7', '12', 'x-3', '007']);
    assert.deepEqual(read.get('12'), BOB);
    assert.deepEqual(read.get('007'), ALICE);
    assert.equal(read.get('7.0'), undefined);
    const older = readFileSync(paths.history);
    older.write('HSLHIST1', 0, 'latin1');
    writeFileSync(paths.history, older);
    assert.equal(readHistoryFile(paths), undefined, 'an HSLHIST1 file: the contacts are fetched again');
  });

  it('reads an empty history, and refuses a damaged file (the next fetch is then a full one)', () => {
    const paths = cachePaths(mkdtempSync(join(tmpdir(), 'hslist-history-')));
    writeCacheFiles(paths, manifestOf([], 0), new HistoryTable());
    assert.equal(readHistoryFile(paths)?.size, 0);
    const table = new HistoryTable();
    for (let i = 0; i < 100; i++) table.set(String(i + 1), ALICE);
    writeCacheFiles(paths, manifestOf(['lifecyclestage'], 100), table);
    const whole = readFileSync(paths.history);
    writeFileSync(paths.history, whole.subarray(0, whole.length - 9));
    assert.equal(readHistoryFile(paths), undefined, 'cut short');
    const header = whole.readUInt32LE(8);
    const body = JSON.parse(whole.toString('utf8', 12, 12 + header)) as { history: { ids: { count: number } } };
    const lying = Buffer.from(JSON.stringify({ ...body, history: { ...body.history, ids: { ...body.history.ids, count: 99 } } }).padEnd(header, ' '), 'utf8');
    writeFileSync(paths.history, Buffer.concat([whole.subarray(0, 12), lying, whole.subarray(12 + header)]));
    assert.equal(readHistoryFile(paths), undefined, 'a header that does not match its chunks');
    writeFileSync(paths.history, '{"1":{}}');
    assert.equal(readHistoryFile(paths), undefined, 'the JSON of earlier versions');
  });

  it('removes the JSON history file of earlier versions when it writes the cache', () => {
    const paths = cachePaths(mkdtempSync(join(tmpdir(), 'hslist-history-')));
    mkdirSync(dirname(paths.history), { recursive: true });
    const legacy = join(dirname(paths.history), 'hubspot-history.json');
    writeFileSync(legacy, '{}');
    writeCacheFiles(paths, manifestOf(['lifecyclestage'], 1), new HistoryTable());
    assert.equal(existsSync(legacy), false);
  });
});
