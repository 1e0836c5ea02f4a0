// Builders for the store's per-row lists: property history (for HAS_EVER_* / HAS_NEVER_* and
// UPDATED_IN_LAST_X_DAYS) and form submissions (for `submitted form`). Rows arrive in order; each
// list ends up in compressed-row form (offsets per row), with a `loaded` bitset of the rows whose
// record carried the data at all, because a record without it is "not known", never "none".

import type { FormStore, HistoryColumn, HistoryStore } from './columns';
import { RowBits } from './bitset';
import { dictFromEntries, narrowFirst } from './string-dict';
import type { FormSubmission, HistoryEntry } from './types';
import { isUnknownValue } from './values';
import { pageUrlKey } from '../language/schema-pages';
import { PushList, RowLists } from './typed-grow';

/** Values interned as codes (0 = no value), for a StringDict at the end. */
class Interner {
  readonly entries: string[] = [''];
  private readonly codeOf = new Map<string, number>();

  code(raw: string | null | undefined): number {
    if (isUnknownValue(raw)) return 0;
    let code = this.codeOf.get(raw);
    if (code === undefined) {
      code = this.entries.length;
      this.entries.push(raw);
      this.codeOf.set(raw, code);
    }
    return code;
  }
}

interface HistoryAccumulator {
  lists: RowLists;
  codes: PushList<Uint32Array>;
  timestamps: PushList<Float64Array>;
  values: Interner;
}

export class HistoryBuilder {
  private readonly loadedRows = new RowBits();
  private readonly byProperty = new Map<string, HistoryAccumulator>();

  constructor(private readonly properties: readonly string[]) {}

  add(row: number, history: Record<string, HistoryEntry[] | undefined>): void {
    this.loadedRows.set(row);
    for (const name of this.properties) {
      const entries = history[name];
      if (!entries || entries.length === 0) continue;
      let acc = this.byProperty.get(name);
      if (!acc) this.byProperty.set(name, (acc = { lists: new RowLists(), codes: new PushList((n) => new Uint32Array(n)), timestamps: new PushList((n) => new Float64Array(n)), values: new Interner() }));
      for (const e of entries) {
        acc.lists.rows.push(row);
        acc.codes.push(acc.values.code(e.value));
        acc.timestamps.push(e.timestamp);
      }
    }
  }

  /** undefined when no record carried history. */
  finish(size: number): HistoryStore | undefined {
    if (this.loadedRows.count === 0) return undefined;
    const columns = new Map<string, HistoryColumn>();
    for (const name of this.properties) {
      const acc = this.byProperty.get(name);
      columns.set(name, acc ? finishHistory(acc, size) : emptyHistory(size));
    }
    return { loaded: this.loadedRows.finish(size), columns };
  }
}

function finishHistory(acc: HistoryAccumulator, size: number): HistoryColumn {
  const reordered = narrowFirst(acc.values.entries);
  const codes = acc.codes.finish();
  if (reordered) for (let k = 0; k < codes.length; k++) codes[k] = reordered.newCode[codes[k]];
  return {
    offsets: acc.lists.offsets(size),
    codes,
    values: dictFromEntries(reordered?.ordered ?? acc.values.entries),
    timestamps: acc.timestamps.finish(),
  };
}

function emptyHistory(size: number): HistoryColumn {
  return { offsets: new Uint32Array(size + 1), codes: new Uint32Array(0), values: dictFromEntries(['']), timestamps: new Float64Array(0) };
}

export class FormBuilder {
  private readonly loadedRows = new RowBits();
  private readonly lists = new RowLists();
  private readonly forms = new PushList((n) => new Uint32Array(n));
  private readonly timestamps = new PushList((n) => new Float64Array(n));
  private readonly formIds = new Interner();
  private readonly pages = new PushList((n) => new Uint32Array(n));
  private readonly pageIds = new Interner();
  private readonly urls = new PushList((n) => new Uint32Array(n));
  private readonly pageUrls = new Interner();
  private readonly urlKeys = new Map<string, string>();

  /** Room for `count` submissions at once, when the caller knows how many are coming (PushList.reserve). */
  reserve(count: number): void {
    for (const list of [this.lists.rows, this.forms, this.timestamps, this.pages, this.urls]) list.reserve(count);
  }

  add(row: number, submissions: FormSubmission[]): void {
    this.loadedRows.set(row);
    for (const s of submissions) {
      this.lists.rows.push(row);
      // Form ids are never empty in HubSpot; an empty one is kept distinct from "any form" all the same.
      this.forms.push(s.formId === '' ? 0 : this.formIds.code(s.formId));
      this.timestamps.push(s.timestamp);
      this.pages.push(this.pageIds.code(s.pageId));
      // Kept as compared (pageUrlKey), so judging does not fold every address again.
      this.urls.push(this.pageUrls.code(s.pageUrl === undefined ? undefined : this.urlKey(s.pageUrl)));
    }
  }

  /** pageUrlKey, once per address (a form is sent from a few pages, by many contacts). */
  private urlKey(url: string): string {
    let key = this.urlKeys.get(url);
    if (key === undefined) this.urlKeys.set(url, (key = pageUrlKey(url)));
    return key;
  }

  /** undefined when no record carried form submissions. */
  finish(size: number): FormStore | undefined {
    if (this.loadedRows.count === 0) return undefined;
    return {
      loaded: this.loadedRows.finish(size),
      offsets: this.lists.offsets(size),
      forms: this.forms.finish(),
      formIds: this.formIds.entries,
      timestamps: this.timestamps.finish(),
      pages: this.pages.finish(),
      pageIds: this.pageIds.entries,
      urls: this.urls.finish(),
      pageUrls: this.pageUrls.entries,
    };
  }
}
