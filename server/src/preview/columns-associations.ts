// Associated records (companies, deals, tickets) for the store: each distinct record once, in its own
// store of that object's properties, and per contact the links to it in compressed-row form, with
// whether the link is the primary one and the labels (USER_DEFINED association type ids) it carries.

import type { AssociationIndex, ColumnStore } from './columns';
import type { AssociatedRecord } from './types';
import { rowsBitset } from './bitset';

interface RecordSink {
  add(record: AssociatedRecord): void;
  finish(): ColumnStore;
}

export class AssociationBuilder {
  private readonly builder: RecordSink;
  private readonly byId = new Map<string, number>();
  private readonly links: number[][] = [];
  private readonly primary: boolean[][] = [];
  private readonly labels: string[][] = [];
  private readonly loadedRows: number[] = [];
  private labelsKnown = true;

  constructor(newBuilder: () => RecordSink) {
    this.builder = newBuilder();
  }

  /** `withLabels` false: these records do not say their labels, so no label condition can be judged on this store. */
  add(row: number, records: (AssociatedRecord & { primary?: boolean })[], withLabels: boolean): void {
    this.loadedRows.push(row);
    if (!withLabels) this.labelsKnown = false;
    const links = (this.links[row] ??= []);
    const primary = (this.primary[row] ??= []);
    const labels = (this.labels[row] ??= []);
    for (const record of records) {
      let recordRow = this.byId.get(record.id);
      if (recordRow === undefined) {
        recordRow = this.byId.size;
        this.byId.set(record.id, recordRow);
        this.builder.add(record);
      }
      links.push(recordRow);
      primary.push(record.primary === true);
      labels.push((record.labels ?? []).join(';'));
    }
  }

  finish(size: number): AssociationIndex {
    const offsets = new Uint32Array(size + 1);
    const rows: number[] = [];
    const primary: number[] = [];
    const labels: string[] = [];
    for (let r = 0; r < size; r++) {
      offsets[r] = rows.length;
      rows.push(...(this.links[r] ?? []));
      for (const isPrimary of this.primary[r] ?? []) primary.push(isPrimary ? 1 : 0);
      labels.push(...(this.labels[r] ?? []));
    }
    offsets[size] = rows.length;
    const index: AssociationIndex = { records: this.builder.finish(), offsets, rows: Uint32Array.from(rows), primary: Uint8Array.from(primary) };
    if (this.loadedRows.length < size) index.loaded = rowsBitset(this.loadedRows, size);
    return this.labelsKnown ? { ...index, labels } : index;
  }
}

/** Does link k carry the label (a USER_DEFINED association type id)? */
export function linkHasLabel(index: AssociationIndex, k: number, label: string): boolean {
  const labels = index.labels?.[k];
  return labels !== undefined && labels !== '' && labels.split(';').includes(label);
}
