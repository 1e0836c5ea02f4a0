// Pure functions over the preview's column store for the editor: the rows of a match set (paged,
// optionally narrowed by a search), the display columns, CSV export, and finding a contact by id or
// email. Used inside the preview worker only, so the store never crosses a thread.

import { type ColumnStore, rawValue } from '../../preview/columns';
import { dictionaryMatches } from '../../preview/compiled-strings';
import { popcount, type Bitset } from '../../preview/bitset';
import type { PreviewRow } from './protocol';
import { csvCell } from '../../files/csv-cell';

/** Columns shown first when the data has them; the list's own properties follow. */
const LEADING_COLUMNS = ['email', 'firstname', 'lastname'];
const MAX_COLUMNS = 8;

export function displayColumns(store: ColumnStore, listProperties: string[]): string[] {
  const wanted = [...LEADING_COLUMNS, ...listProperties];
  return [...new Set(wanted)].filter((c) => store.columns.has(c)).slice(0, MAX_COLUMNS);
}

/** Every set row of a bitset, in order. */
export function rowsOf(bits: Bitset): Uint32Array {
  const out = new Uint32Array(popcount(bits));
  let k = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w];
    while (v !== 0) {
      out[k++] = (w << 5) + (31 - Math.clz32(v & -v));
      v &= v - 1;
    }
  }
  return out;
}

/** The rows whose id or any displayed value contains `search` (case-insensitive). */
export function searchRows(store: ColumnStore, rows: Uint32Array, columns: string[], search: string): Uint32Array {
  const needle = search.trim().toLowerCase();
  if (!needle) return rows;
  const matchers = columns.map((name) => cellMatcher(store, name, needle));
  const kept: number[] = [];
  for (const r of rows) {
    if (store.ids.at(r).toLowerCase().includes(needle) || matchers.some((m) => m(r))) kept.push(r);
  }
  return Uint32Array.from(kept);
}

/** String columns are matched once per dictionary entry; other kinds per row. */
function cellMatcher(store: ColumnStore, name: string, needle: string): (row: number) => boolean {
  const col = store.columns.get(name);
  if (!col) return () => false;
  if (col.kind === 'string') {
    // The evaluator's own search over the joined dictionary text: no string per entry is made.
    const { match } = dictionaryMatches(col.dict, 'CONTAINS', [needle]);
    match[0] = 0; // entry 0 is "no value"
    return (row) => match[col.codes[row]] === 1;
  }
  return (row) => (rawValue(col, row) ?? '').toLowerCase().includes(needle);
}

export function rowAt(store: ColumnStore, row: number, columns: string[]): PreviewRow {
  return { id: store.ids.at(row), values: columns.map((c) => { const col = store.columns.get(c); return col ? rawValue(col, row) : null; }) };
}

export function pageOf(store: ColumnStore, rows: Uint32Array, columns: string[], offset: number, limit: number): PreviewRow[] {
  const start = Math.max(0, Math.min(offset, rows.length));
  const end = Math.min(rows.length, start + Math.max(0, limit));
  const out: PreviewRow[] = [];
  for (let k = start; k < end; k++) out.push(rowAt(store, rows[k], columns));
  return out;
}

/** RFC 4180 CSV: a header of `id` and every loaded property, then one line per row; no cell runs as a formula. */
export function csvOf(store: ColumnStore, rows: Uint32Array): string {
  const names = [...store.columns.keys()];
  const lines = [['id', ...names].map(csvCell).join(',')];
  for (const r of rows) {
    const cells = [store.ids.at(r), ...names.map((n) => rawValue(store.columns.get(n)!, r) ?? '')];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
