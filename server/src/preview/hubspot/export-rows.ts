// The rows of HubSpot's export file into a StoreBuilder's columns, the same columns the contact pages
// fill (fetch-contacts.ts): one row at a time, never the whole file as objects. Read strictly, since the
// pages are always there to fall back on: the header must name exactly the properties asked for (a
// column nobody asked for, or one missing, is an error, never a column read as empty), every record
// must be whole CSV of the header's width, every id a record id, every cell the property's internal
// value (export-values.ts). Each error names the part, the line and the column.

import type { PropertyDef } from '../../language/schema-types';
import { StoreBuilder } from '../columns-build';
import { CsvRecordReader, type CsvItem } from '../sources/csv-records';
import { parseInstant } from '../values';
import { compareIds } from '../id-builder';
import { ExportFileError, type PartSink } from './export-file';
import { exportCellProblem, timestampProblem } from './export-values';

/** The record id column and the modification time every export asks for, besides the lists' properties. */
export const ID_COLUMN = 'hs_object_id';
export const MODIFIED_COLUMN = 'lastmodifieddate';

/** What the parts of one export add up to. */
export class ExportRows {
  readonly builder: StoreBuilder;
  rows = 0;
  /** Ids came in strictly rising order (so none came twice); else the store is sorted and checked after. */
  sorted = true;
  newestModified: number | undefined;
  private lastId: string | undefined;

  /** `asked`: the export's objectProperties; `defs`: the properties the store keeps (a subset); `maxRows`: the record count HubSpot gave. */
  constructor(readonly asked: readonly string[], readonly defs: readonly PropertyDef[], readonly maxRows: number) {
    this.builder = new StoreBuilder([...defs]);
    // HubSpot's count sizes the columns once, as for the pages (no doubling copies).
    this.builder.reserve(maxRows);
  }

  sinkFor(part: string): PartSink {
    return new PartReader(this, part);
  }

  /** One row, already checked. */
  add(id: string, properties: Record<string, string | null>, modified: string | null): void {
    if (this.lastId !== undefined && compareIds(this.lastId, id) >= 0) this.sorted = false;
    this.lastId = id;
    this.builder.add({ id, properties });
    this.rows++;
    const at = modified ? parseInstant(modified) : NaN;
    if (!Number.isNaN(at) && (this.newestModified === undefined || at > this.newestModified)) this.newestModified = at;
  }
}

interface Layout {
  id: number;
  modified: number;
  /** Column of each kept property, in `defs` order. */
  columns: number[];
  /** Every asked property's column, with its definition when the schema has one (for the value checks). */
  checked: Array<{ column: number; def: PropertyDef }>;
}

class PartReader implements PartSink {
  private readonly reader: CsvRecordReader;
  private readonly items: CsvItem[] = [];
  private layout: Layout | undefined;

  constructor(private readonly rows: ExportRows, private readonly part: string) {
    this.reader = new CsvRecordReader((item) => this.items.push(item));
  }

  push(text: string): void {
    this.reader.push(text);
    this.take();
  }

  end(): void {
    this.reader.end();
    this.take();
    if (!this.layout) throw this.error('is empty: it has no header line');
  }

  private take(): void {
    for (const item of this.items) this.takeItem(item);
    this.items.length = 0;
  }

  private takeItem(item: CsvItem): void {
    if (item.kind === 'bad') throw this.error(`line ${item.line} ${item.problem}`);
    if (!this.layout) {
      this.layout = this.header(item.fields, item.line);
      return;
    }
    if (this.rows.rows >= this.rows.maxRows) throw this.error(`has more rows than the ${this.rows.maxRows.toLocaleString('en-US')} records HubSpot said the export holds (line ${item.line})`);
    this.row(item.fields, item.line, this.layout);
  }

  private header(fields: string[], line: number): Layout {
    const asked = this.rows.asked;
    const seen = new Set<string>();
    for (const name of fields) {
      if (!asked.includes(name)) throw this.error(`line ${line}: column "${name}" is not a property the export asked for (headers are asked as internal names)`);
      if (seen.has(name)) throw this.error(`line ${line}: column "${name}" comes twice`);
      seen.add(name);
    }
    const missing = asked.filter((name) => !seen.has(name));
    if (missing.length > 0) throw this.error(`line ${line}: the header lacks ${missing.map((m) => `"${m}"`).join(', ')}`);
    const at = (name: string) => fields.indexOf(name);
    const defs = new Map(this.rows.defs.map((d) => [d.name, d]));
    return {
      id: at(ID_COLUMN),
      modified: at(MODIFIED_COLUMN),
      columns: this.rows.defs.map((d) => at(d.name)),
      checked: fields.flatMap((name, column) => (defs.has(name) ? [{ column, def: defs.get(name)! }] : [])),
    };
  }

  private row(fields: string[], line: number, layout: Layout): void {
    const id = fields[layout.id];
    if (!/^[1-9]\d*$/.test(id)) throw this.error(`line ${line}, column ${ID_COLUMN}: "${id}" is not a record id`);
    for (const { column, def } of layout.checked) {
      const problem = exportCellProblem(def, fields[column]);
      if (problem) throw this.error(`line ${line}, column ${def.name}: ${problem}`);
    }
    const modified = fields[layout.modified];
    const late = timestampProblem(modified);
    if (late) throw this.error(`line ${line}, column ${MODIFIED_COLUMN}: ${late}`);
    const properties: Record<string, string | null> = {};
    this.rows.defs.forEach((def, i) => {
      const cell = fields[layout.columns[i]];
      properties[def.name] = cell === '' ? null : cell;
    });
    this.rows.add(id, properties, modified || null);
  }

  private error(what: string): ExportFileError {
    return new ExportFileError(`HubSpot's export file ${this.part} ${what}`);
  }
}
