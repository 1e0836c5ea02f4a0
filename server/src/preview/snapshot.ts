// A ColumnStore as one binary file (.hslist/cache/…): a small JSON header, then every typed array
// as raw bytes (8-byte aligned), every string dictionary as its joined text (latin1, UTF-8, or UTF-16
// for a lone surrogate) plus its starts array and its lower-cased form, and small string
// lists as one UTF-8 block split on NUL (JSON when a string itself contains NUL). Loading reads each
// array straight into its own typed array and each dictionary into ONE string, so no file-sized
// buffer stays in memory and no per-entry strings are made.
//
// Layout: "HSLSNAP8" | uint32 header length | header JSON | padding to 8 | chunks. Version 7 added the
// associated deals and tickets and each association's labels and loaded rows; version 8 each form
// submission's page (id and address): an older file is refused (and the live source fetches anew), never
// read as a store without them.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { writeFileAtomically } from '../files/temp-files';
import type { AssociationIndex, Column, ColumnStore, FormStore, HistoryColumn, HistoryStore } from './columns';
import { idColumn } from './columns';
import { type StringDict, lowerDict } from './string-dict';
import type { DictPart } from './string-part';

/** The file's first bytes, which say its format: a file of another format is read again from the source. */
export const SNAPSHOT_MAGIC = 'HSLSNAP8';
const MAGIC = SNAPSHOT_MAGIC;
/** Arrays of at least this many elements are read with 1/ROOM_SHARE more room in their buffer. */
const ROOM_MIN_LENGTH = 1 << 16;
const ROOM_SHARE = 16;
const OLDER = /^HSLSNAP\d$/;
type Typed = Uint32Array | Float64Array | Uint8Array;
const ARRAY_TYPES = { u32: Uint32Array, f64: Float64Array, u8: Uint8Array } as const;
type ArrayTag = keyof typeof ARRAY_TYPES;

interface ChunkRef {
  at: number;
  bytes: number;
  tag: ArrayTag | 'strings' | 'json' | 'latin1' | 'utf8' | 'utf16le';
}

type ColumnHeader = Record<string, unknown> & { kind: Column['kind']; name: string; type: string };

interface StoreHeader {
  version: string;
  size: number;
  ids: { numeric: number } | { strings: number };
  columns: ColumnHeader[];
  memberships: [string, number][] | null;
  associations: AssociationHeader | null;
  otherAssociations: { deals?: AssociationHeader; tickets?: AssociationHeader } | null;
  history: { loaded: number; columns: [string, HistoryHeader][] } | null;
  forms: { loaded: number; offsets: number; forms: number; formIds: number; timestamps: number; pages: number; pageIds: number; urls: number; pageUrls: number } | null;
}

interface AssociationHeader {
  companies: StoreHeader;
  offsets: number;
  rows: number;
  primary: number;
  /** Per link, its labels joined by `;`: the count, and the chunk when there are any. */
  labels?: { count: number; chunk: number | null };
  loaded?: number;
}

interface PartHeader {
  text: number;
  starts: number;
  first: number;
}

interface DictHeader {
  size: number;
  parts: PartHeader[];
  plain: boolean;
  /** The lower-cased parts ('same' for a part already in lower case); 'same' when all are. */
  lower: 'same' | (PartHeader | 'same')[];
  /** Per lower-cased part, its sorted orders (string-order.ts) when it has them. */
  orders: ({ byPrefix: number; bySuffix: number } | null)[];
}

interface HistoryHeader {
  offsets: number;
  codes: number;
  values: DictHeader;
  timestamps: number;
}

class ChunkWriter {
  readonly chunks: Buffer[] = [];
  readonly refs: ChunkRef[] = [];
  private at = 0;

  add(data: Buffer, tag: ChunkRef['tag']): number {
    const pad = (8 - (this.at % 8)) % 8;
    if (pad) this.chunks.push(Buffer.alloc(pad));
    this.at += pad;
    this.refs.push({ at: this.at, bytes: data.length, tag });
    this.chunks.push(data);
    this.at += data.length;
    return this.refs.length - 1;
  }

  array(a: Typed): number {
    const tag: ArrayTag = a instanceof Float64Array ? 'f64' : a instanceof Uint8Array ? 'u8' : 'u32';
    return this.add(Buffer.from(a.buffer, a.byteOffset, a.byteLength), tag);
  }

  /**
   * A dictionary's text: latin1 when every character fits (one byte each, decoded by a copy), else
   * UTF-8 (half the bytes of UTF-16 to read and hold while decoding), else — a lone surrogate, which
   * UTF-8 cannot carry — UTF-16.
   */
  text(text: string): number {
    if (!/[\u0100-\uffff]/.test(text)) return this.add(Buffer.from(text, 'latin1'), 'latin1');
    if ((text as unknown as { isWellFormed(): boolean }).isWellFormed()) return this.add(Buffer.from(text, 'utf8'), 'utf8');
    return this.add(Buffer.from(text, 'utf16le'), 'utf16le');
  }

  /** The lower-cased form is stored too, so the first evaluation after a load does not lower-case it again. */
  dict(d: StringDict): DictHeader {
    const part = (p: DictPart): PartHeader => ({ text: this.text(p.text), starts: this.array(p.starts), first: p.first });
    const lower = lowerDict(d);
    const orders = lower.map((p) => (p.orders ? { byPrefix: this.array(p.orders.byPrefix), bySuffix: this.array(p.orders.bySuffix) } : null));
    const header = { size: d.size, parts: d.parts.map(part), plain: d.plain, orders };
    if (lower.every((p, i) => p === d.parts[i])) return { ...header, lower: 'same' };
    return { ...header, lower: lower.map((p, i) => (p === d.parts[i] ? 'same' : part(p))) };
  }

  strings(list: string[]): number {
    const plain = !list.some((s) => s.includes('\u0000'));
    return plain ? this.add(Buffer.from(list.join('\u0000'), 'utf8'), 'strings') : this.add(Buffer.from(JSON.stringify(list), 'utf8'), 'json');
  }
}

function columnHeader(c: Column, w: ChunkWriter): ColumnHeader {
  const base = { kind: c.kind, name: c.name, type: c.type, known: w.array(c.known) };
  switch (c.kind) {
    case 'string':
      return { ...base, codes: w.array(c.codes), dict: w.dict(c.dict) };
    case 'number':
    case 'date':
      return { ...base, values: w.array(c.values) };
    case 'bool':
      return { ...base, trues: w.array(c.trues) };
    case 'enumeration':
      return { ...base, options: c.options, bits: c.bits.map((b) => w.array(b)), counts: w.array(c.counts) };
  }
}

function storeHeader(s: ColumnStore, w: ChunkWriter): StoreHeader {
  return {
    version: s.version,
    size: s.size,
    ids: s.ids.numeric ? { numeric: w.array(s.ids.numeric) } : { strings: w.strings(s.ids.strings ?? []) },
    columns: [...s.columns.values()].map((c) => columnHeader(c, w)),
    memberships: s.memberships ? [...s.memberships].map(([id, b]) => [id, w.array(b)]) : null,
    associations: s.associations ? associationHeader(s.associations, w) : null,
    otherAssociations: s.otherAssociations
      ? Object.fromEntries(Object.entries(s.otherAssociations).filter(([, index]) => index !== undefined).map(([object, index]) => [object, associationHeader(index, w)]))
      : null,
    history: s.history ? { loaded: w.array(s.history.loaded), columns: [...s.history.columns].map(([name, h]) => [name, historyHeader(h, w)]) } : null,
    forms: s.forms ? formsHeader(s.forms, w) : null,
  };
}

/** `companies` names the records' store whatever the object (the field kept its first name). */
function associationHeader(a: AssociationIndex, w: ChunkWriter): AssociationHeader {
  return {
    companies: storeHeader(a.records, w), offsets: w.array(a.offsets), rows: w.array(a.rows), primary: w.array(a.primary),
    ...(a.labels ? { labels: { count: a.labels.length, chunk: a.labels.length > 0 ? w.strings(a.labels) : null } } : {}),
    ...(a.loaded ? { loaded: w.array(a.loaded) } : {}),
  };
}

function historyHeader(h: HistoryColumn, w: ChunkWriter): HistoryHeader {
  return { offsets: w.array(h.offsets), codes: w.array(h.codes), values: w.dict(h.values), timestamps: w.array(h.timestamps) };
}

function formsHeader(f: FormStore, w: ChunkWriter): NonNullable<StoreHeader['forms']> {
  return {
    loaded: w.array(f.loaded), offsets: w.array(f.offsets), forms: w.array(f.forms), formIds: w.strings(f.formIds), timestamps: w.array(f.timestamps),
    pages: w.array(f.pages), pageIds: w.strings(f.pageIds), urls: w.array(f.urls), pageUrls: w.strings(f.pageUrls),
  };
}

/** Write the store to `path` (atomically: a temporary file, then rename). */
export function writeSnapshot(store: ColumnStore, path: string): void {
  const w = new ChunkWriter();
  const header = Buffer.from(JSON.stringify({ store: storeHeader(store, w), chunks: w.refs }), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 8);
  const headPad = Buffer.alloc((8 - ((12 + header.length) % 8)) % 8);
  writeFileAtomically(path, [prefix, header, headPad, ...w.chunks]);
}

/** Read a snapshot, or say why the file is not one. */
export function readSnapshot(path: string): ColumnStore | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { error: `cannot read ${path}: ${(e as Error).message}` };
  }
  try {
    const prefix = readExactly(fd, 0, 12);
    const magic = prefix.toString('latin1', 0, 8);
    if (magic !== MAGIC) return { error: OLDER.test(magic) ? `${path} was written by another version of hslist; load the contacts file again` : `${path} is not an hslist snapshot` };
    const headerLength = prefix.readUInt32LE(8);
    if (12 + headerLength > fstatSync(fd).size) return { error: `${path} is truncated` };
    const { store, chunks } = JSON.parse(readExactly(fd, 12, headerLength).toString('utf8')) as { store: StoreHeader; chunks: ChunkRef[] };
    const base = 12 + headerLength + ((8 - ((12 + headerLength) % 8)) % 8);
    return restoreStore(store, new ChunkReader(fd, base, chunks));
  } catch (e) {
    return { error: `${path} is not a readable hslist snapshot: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

function readExactly(fd: number, position: number, bytes: number, into?: Uint8Array): Buffer {
  const target = into ?? new Uint8Array(bytes);
  let done = 0;
  while (done < bytes) {
    const n = readSync(fd, target, done, bytes - done, position + done);
    if (n === 0) throw new Error('unexpected end of file');
    done += n;
  }
  return Buffer.from(target.buffer, target.byteOffset, bytes);
}

class ChunkReader {
  constructor(
    private readonly fd: number,
    private readonly base: number,
    private readonly refs: ChunkRef[],
  ) {}

  /**
   * A large array gets room to grow behind it (ROOM_SHARE more elements) in its buffer: an incremental
   * refresh appends new contacts there without copying the column (columns-patch.ts). The room is
   * never written, so its pages are never touched and cost no memory.
   */
  array<T extends Typed>(i: number): T {
    const ref = this.refs[i];
    const Ctor = ARRAY_TYPES[ref.tag as ArrayTag];
    const length = ref.bytes / Ctor.BYTES_PER_ELEMENT;
    const room = length >= ROOM_MIN_LENGTH ? Math.ceil(length / ROOM_SHARE) : 0;
    const out = new Ctor(new ArrayBuffer((length + room) * Ctor.BYTES_PER_ELEMENT), 0, length);
    readExactly(this.fd, this.base + ref.at, ref.bytes, new Uint8Array(out.buffer, 0, ref.bytes));
    return out as T;
  }

  text(i: number): string {
    const ref = this.refs[i];
    const encoding = ref.tag === 'utf16le' || ref.tag === 'utf8' ? ref.tag : 'latin1';
    return readExactly(this.fd, this.base + ref.at, ref.bytes).toString(encoding);
  }

  dict(h: DictHeader): StringDict {
    const part = (p: PartHeader): DictPart => {
      const restored = { text: this.text(p.text), starts: this.array<Uint32Array>(p.starts), first: p.first };
      if (restored.starts[restored.starts.length - 1] !== restored.text.length) throw new Error('a dictionary does not match its offsets');
      return restored;
    };
    const parts = h.parts.map(part);
    const lower = h.lower === 'same' ? parts : h.lower.map((p, i) => (p === 'same' ? parts[i] : part(p)));
    h.orders.forEach((o, i) => {
      if (o) lower[i].orders = { byPrefix: this.array<Uint32Array>(o.byPrefix), bySuffix: this.array<Uint32Array>(o.bySuffix) };
    });
    return { size: h.size, parts, plain: h.plain, lower };
  }

  strings(i: number): string[] {
    const ref = this.refs[i];
    const text = readExactly(this.fd, this.base + ref.at, ref.bytes).toString('utf8');
    return ref.tag === 'json' ? (JSON.parse(text) as string[]) : text.split('\u0000');
  }
}

function restoreColumn(h: ColumnHeader, r: ChunkReader): Column {
  const base = { name: h.name, type: h.type, known: r.array<Uint32Array>(h.known as number) };
  switch (h.kind) {
    case 'string':
      return { ...base, kind: 'string', codes: r.array(h.codes as number), dict: r.dict(h.dict as DictHeader) };
    case 'number':
    case 'date':
      return { ...base, kind: h.kind, values: r.array(h.values as number) };
    case 'bool':
      return { ...base, kind: 'bool', trues: r.array(h.trues as number) };
    case 'enumeration':
      return { ...base, kind: 'enumeration', options: h.options as string[], bits: (h.bits as number[]).map((b) => r.array(b)), counts: r.array(h.counts as number) };
  }
}

function restoreStore(h: StoreHeader, r: ChunkReader): ColumnStore {
  return {
    version: h.version,
    size: h.size,
    ids: idColumn('numeric' in h.ids ? r.array<Float64Array>(h.ids.numeric) : h.size === 0 ? [] : r.strings(h.ids.strings)),
    columns: new Map(h.columns.map((c) => [c.name, restoreColumn(c, r)])),
    memberships: h.memberships ? new Map(h.memberships.map(([id, i]) => [id, r.array<Uint32Array>(i)])) : undefined,
    associations: h.associations ? restoreAssociation(h.associations, r) : undefined,
    otherAssociations: h.otherAssociations ? restoreOthers(h.otherAssociations, r) : undefined,
    history: h.history ? restoreHistory(h.history, r) : undefined,
    forms: h.forms ? restoreForms(h.forms, r) : undefined,
  };
}

function restoreAssociation(h: AssociationHeader, r: ChunkReader): AssociationIndex {
  const index: AssociationIndex = { records: restoreStore(h.companies, r), offsets: r.array(h.offsets), rows: r.array(h.rows), primary: r.array(h.primary) };
  if (h.labels) index.labels = h.labels.chunk === null ? [] : r.strings(h.labels.chunk);
  if (index.labels && index.labels.length !== h.labels!.count) throw new Error('association labels do not match their count');
  if (h.loaded !== undefined) index.loaded = r.array<Uint32Array>(h.loaded);
  return index;
}

function restoreOthers(h: NonNullable<StoreHeader['otherAssociations']>, r: ChunkReader): ColumnStore['otherAssociations'] {
  const out: ColumnStore['otherAssociations'] = {};
  if (h.deals) out.deals = restoreAssociation(h.deals, r);
  if (h.tickets) out.tickets = restoreAssociation(h.tickets, r);
  return out;
}

function restoreHistory(h: NonNullable<StoreHeader['history']>, r: ChunkReader): HistoryStore {
  const column = (c: HistoryHeader): HistoryColumn => ({ offsets: r.array(c.offsets), codes: r.array(c.codes), values: r.dict(c.values), timestamps: r.array(c.timestamps) });
  return { loaded: r.array(h.loaded), columns: new Map(h.columns.map(([name, c]) => [name, column(c)])) };
}

function restoreForms(f: NonNullable<StoreHeader['forms']>, r: ChunkReader): FormStore {
  return {
    loaded: r.array(f.loaded), offsets: r.array(f.offsets), forms: r.array(f.forms), formIds: r.strings(f.formIds), timestamps: r.array(f.timestamps),
    pages: r.array(f.pages), pageIds: r.strings(f.pageIds), urls: r.array(f.urls), pageUrls: r.strings(f.pageUrls),
  };
}
