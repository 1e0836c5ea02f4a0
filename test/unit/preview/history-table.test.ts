// The live source's compact property history (history-table.ts): what goes in comes out, a property
// without history stays "missing" (never "none"), a contact's history can be replaced, and the cache
// file written in pieces reads back the same.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('is written to the cache file in pieces and read back the same (a Map of the same history writes the same file)', () => {
    const table = new HistoryTable();
    const map = new Map<string, Record<string, HistoryEntry[]>>();
    for (let i = 0; i < 2500; i++) {
      const record = i % 2 === 0 ? ALICE : BOB;
      table.set(String(i + 1), record);
      map.set(String(i + 1), record);
    }
    const paths = cachePaths(mkdtempSync(join(tmpdir(), 'hslist-history-')));
    const manifest = newManifest({ portal: 'http://127.0.0.1:1', needs: { contactProperties: [], companyProperties: [], listIds: [], historyProperties: ['lifecyclestage'], companies: false }, lastFetch: '2026-01-01T00:00:00Z', lastFullFetch: '2026-01-01T00:00:00Z', contacts: 2500, snapshotVersion: 'v' });
    writeCacheFiles(paths, manifest, table);
    const written = readFileSync(paths.history, 'utf8');
    assert.deepEqual(JSON.parse(written), Object.fromEntries(map));
    const read = readHistoryFile(paths)!;
    assert.equal(read.size, 2500);
    assert.deepEqual(read.get('2500'), BOB);
    assert.deepEqual(read.get('1'), ALICE);
    writeCacheFiles(paths, manifest, map);
    assert.equal(readFileSync(paths.history, 'utf8'), written);
  });

  it('writes an empty history as {}', () => {
    const paths = cachePaths(mkdtempSync(join(tmpdir(), 'hslist-history-')));
    writeCacheFiles(paths, newManifest({ portal: 'x', needs: { contactProperties: [], companyProperties: [], listIds: [], historyProperties: [], companies: false }, lastFetch: 'x', lastFullFetch: 'x', contacts: 0, snapshotVersion: 'v' }), new HistoryTable());
    assert.equal(readFileSync(paths.history, 'utf8'), '{}');
  });
});
