// Associated records (companies, deals, tickets) for the store: each distinct record once, in its own
// store of that object's properties, and per contact the links to it in compressed-row form, with
// whether the link is the primary one and the labels (USER_DEFINED association type ids) it carries.

import { IdentityMemo } from './identity-memo';
import type { AssociationIndex, ColumnStore } from './columns';
import type { AssociatedRecord } from './types';
import { RowBits } from './bitset';
import { exactly, grown, reservedTo } from './typed-grow';

interface RecordSink {
  add(record: AssociatedRecord): void;
  finish(): ColumnStore;
}

/**
 * Links are kept flat, in the order they are added (typed arrays, one entry per link), never as arrays
 * per contact: at 100,000 contacts three small arrays per contact were most of what building a live
 * store allocated (issue 15). Sources add rows in row order, so `finish` only counts; a row added out
 * of order is placed by a stable counting sort, which keeps each contact's links in the order given.
 */
export class AssociationBuilder {
  private readonly builder: RecordSink;
  private readonly byId = new Map<string, number>();
  private readonly seenLinks = new IdentityMemo<AssociatedRecord, { recordRow: number; labels: number }>();
  private contactRows = new Uint32Array(256);
  private recordRows = new Uint32Array(256);
  private primary = new Uint8Array(256);
  /** Each link's labels as a code into `labelTexts`: a string per link is made only once, at its final size, in `finish`. */
  private labelCodes: Uint32Array | undefined;
  private readonly labelTexts: string[] = [];
  private readonly labelCode = new Map<string, number>();
  private links = 0;
  /** The rows added (a bit each: a number per row was 4 MB at 1M contacts, and grew by copies). */
  private readonly loadedRows = new RowBits();
  private lastRow = 0;
  private inRowOrder = true;
  private labelsKnown = true;

  constructor(newBuilder: () => RecordSink) {
    this.builder = newBuilder();
  }

  /**
   * Room for `links` links at once, when the caller knows how many are coming (a live fetch's lists as
   * read): the link arrays are made at their final size, so none doubles (leaving its outgrown copy for
   * the next full collection) and `finish` hands them over without a copy. More links still fit (they
   * grow as before); fewer are cut at `finish`.
   */
  reserve(links: number): void {
    this.contactRows = reservedTo(this.contactRows, links);
    this.recordRows = reservedTo(this.recordRows, links);
    this.primary = reservedTo(this.primary, links);
  }

  /** `withLabels` false: these records do not say their labels, so no label condition can be judged on this store. */
  add(row: number, records: (AssociatedRecord & { primary?: boolean })[], withLabels: boolean): void {
    this.loadedRows.set(row);
    if (!withLabels) this.labelsKnown = false;
    if (records.length === 0) return;
    if (row < this.lastRow) this.inRowOrder = false;
    this.lastRow = row;
    const need = this.links + records.length;
    this.contactRows = grown(this.contactRows, need);
    this.recordRows = grown(this.recordRows, need);
    this.primary = grown(this.primary, need);
    for (const record of records) {
      const link = this.linkOf(record);
      this.contactRows[this.links] = row;
      this.recordRows[this.links] = link.recordRow;
      this.primary[this.links] = record.primary === true ? 1 : 0;
      if (link.labels !== 0 || this.labelCodes) this.setLabelCode(this.links, link.labels, need);
      this.links++;
    }
  }

  /**
   * The record's row and its labels joined, once per record object (IdentityMemo): a live fetch shares
   * one object per link among the contacts that have it (at 1M contacts, looking each up and joining its
   * labels per contact was most of building the store's companies).
   */
  private linkOf(record: AssociatedRecord & { primary?: boolean }): { recordRow: number; labels: number } {
    return this.seenLinks.get(record, this.newLink);
  }

  /** A record's link made anew (one function for every call: `linkOf` runs once per link). */
  private readonly newLink = (record: AssociatedRecord): { recordRow: number; labels: number } => {
    let recordRow = this.byId.get(record.id);
    if (recordRow === undefined) {
      recordRow = this.byId.size;
      this.byId.set(record.id, recordRow);
      this.builder.add(record);
    }
    return { recordRow, labels: this.codeOfLabels((record.labels ?? []).join(';')) };
  };

  /**
   * Link k's label code. Codes are kept only from the first link whose labels differ from the first
   * link's: where every link says the same (no labels at all, most often), no array of them is made.
   */
  private setLabelCode(k: number, code: number, need: number): void {
    this.labelCodes = this.labelCodes ? grown(this.labelCodes, need) : new Uint32Array(Math.max(256, need));
    this.labelCodes[k] = code;
  }

  private labelsOf(k: number): string {
    return this.labelTexts[this.labelCodes ? this.labelCodes[k] : 0];
  }

  private codeOfLabels(joined: string): number {
    let code = this.labelCode.get(joined);
    if (code === undefined) {
      code = this.labelTexts.push(joined) - 1;
      this.labelCode.set(joined, code);
    }
    return code;
  }

  finish(size: number): AssociationIndex {
    const offsets = new Uint32Array(size + 1);
    for (let k = 0; k < this.links; k++) offsets[this.contactRows[k] + 1]++;
    for (let r = 0; r < size; r++) offsets[r + 1] += offsets[r];
    const { rows, primary, labels } = this.inRowOrder ? this.asAdded() : this.byRow(offsets);
    const index: AssociationIndex = { records: this.builder.finish(), offsets, rows, primary };
    if (this.loadedRows.count < size) index.loaded = this.loadedRows.finish(size);
    return this.labelsKnown ? { ...index, labels } : index;
  }

  private asAdded(): { rows: Uint32Array; primary: Uint8Array; labels: string[] } {
    const labels = new Array<string>(this.links);
    for (let k = 0; k < this.links; k++) labels[k] = this.labelsOf(k);
    return { rows: exactly(this.recordRows, this.links), primary: exactly(this.primary, this.links), labels };
  }

  private byRow(offsets: Uint32Array): { rows: Uint32Array; primary: Uint8Array; labels: string[] } {
    const next = offsets.slice(0, offsets.length - 1);
    const rows = new Uint32Array(this.links);
    const primary = new Uint8Array(this.links);
    const labels = new Array<string>(this.links);
    for (let k = 0; k < this.links; k++) {
      const at = next[this.contactRows[k]]++;
      rows[at] = this.recordRows[k];
      primary[at] = this.primary[k];
      labels[at] = this.labelsOf(k);
    }
    return { rows, primary, labels };
  }
}

/** Does link k carry the label (a USER_DEFINED association type id)? */
export function linkHasLabel(index: AssociationIndex, k: number, label: string): boolean {
  const labels = index.labels?.[k];
  return labels !== undefined && labels !== '' && labels.split(';').includes(label);
}
