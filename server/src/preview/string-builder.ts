// Builds a string column's dictionary (string-dict.ts) while rows are added. A live fetch of a million
// contacts sees about a million distinct emails: kept as one JS string each plus a Map from value to
// code, they cost about three times the dictionary's text and set the fetch's peak memory. The compact
// builder keeps each distinct value as encoded text in large blocks instead, found again through an
// open-addressing table of typed arrays; a full block becomes a string, and the dictionary's parts are
// cut from those strings at the end. The codes and entries it gives are exactly those of `narrowFirst`
// + `dictFromEntries` over the values in first-seen order, and so are the parts of a dictionary smaller
// than half a block; a larger one's parts also end where its blocks start.

import { endianness } from 'node:os';
import { MAX_PART_CHARS, SEP, type StringDict, dictEntries, dictFromEntries, findEntry, narrowFirst } from './string-dict';
import { type DictPart, WIDE } from './string-part';
import { grown } from './typed-grow';

/** What a string column's writer needs of a dictionary builder. */
export interface DictBuilder {
  /** Distinct entries so far, '' (code 0) included. */
  readonly size: number;
  /** The code of `value`, added when new: provisional until `finish`. */
  codeFor(value: string): number;
  /** The dictionary; the provisional `codes` become its codes, in place. Once: the builder lets go of its entries. */
  finish(codes: Uint32Array): StringDict;
  /** Bytes of typed arrays `finish` lets go of (its lookup tables): garbage V8 does not count as growth (heap-relief.ts). */
  readonly tableBytes: number;
}

/**
 * A 32-bit hash of `value`'s UTF-16 code units: the multiply-by-31 string hash (so a test can make
 * values of equal hash: "Aa" and "BB"), then murmur3's finalizer, because the table takes the low bits.
 */
export function hashOf(value: string): number {
  return hashOfText(value, 0, value.length);
}

/** `hashOf` of `text.slice(from, to)`, without the slice. */
function hashOfText(text: string, from: number, to: number): number {
  let h = 0;
  for (let k = from; k < to; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  return finalized(h);
}

/** `hashOf` of the code units `[from, to)` of a block being filled. */
function hashOfUnits(units: Units, from: number, to: number): number {
  let h = 0;
  for (let k = from; k < to; k++) h = (Math.imul(h, 31) + units[k]) | 0;
  return finalized(h);
}

/** murmur3's finalizer: every bit of the string hash moves the low bits a table takes, and the top ones a tag takes. */
function finalized(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A slot's tag: the hash's top eight bits (its slot comes from the low ones). */
function tagOf(hash: number): number {
  return hash >>> 24;
}

/** Tags a wide entry's provisional code: wide entry w is `WIDE_CODE + w` until `finish` puts it after the one-byte entries. */
const WIDE_CODE = 0x80000000;

/** The table grows (doubles) past this load: linear probes stay short. */
const MAX_LOAD = 0.7;

const LITTLE_ENDIAN = endianness() === 'LE';

type Units = Uint8Array | Uint16Array;

interface TableOptions {
  /**
   * Code units of a full-size block, until a quarter of the text so far is more: then a block is that
   * quarter (an entry longer than either gets a block of its own size).
   */
  blockUnits: number;
  /** The table's first capacity (a power of two). */
  initialSlots: number;
}

export interface CompactOptions extends Partial<TableOptions> {
  /** Longest text of a part (dictFromEntries' parameter of the same name). */
  maxPartChars?: number;
  /** A part half this long ends where a block starts (EntryTable.finishParts). */
  splitPartAt?: number;
}

const DEFAULTS: TableOptions = { blockUnits: 1 << 20, initialSlots: 16 };

/**
 * A block past `blockUnits` is the text so far over this: the blocks (and so the parts a lookup visits
 * one by one) grow in number with the log of the text, not with the text. Fixed blocks of 1M made a
 * million emails 27 parts and ten million 270, and a refresh's lookups slowed with them (issue 15).
 */
const GROWTH_DIVISOR = 4;

/** Where a part ends at a block's start: parts of a large dictionary are its blocks, not copied (EntryTable.finishParts). */
const SPLIT_PART_AT = 1 << 20;

/** A column's first block: most columns hold few distinct values, so blocks start small and double. */
const FIRST_BLOCK_UNITS = 1 << 10;

/**
 * The distinct entries of one width, in first-seen order: their code units in blocks (an entry never
 * spans two; each is followed by SEP), and a table from hash to entry. Positions are those of the
 * width's joined text SEP e0 SEP e1 … SEP, which `finish` cuts into parts. A block holds a SEP before
 * its first entry too, so that it reads as that stretch of the joined text; once full it is sealed:
 * decoded into a string, which is what the dictionary's parts are cut from, and its buffer let go of.
 * The text is never held whole a second time (a joined copy of a million emails' blocks and the parts
 * decoded from it were most of a live fetch's peak while the export's columns were finished, issue 15).
 */
class EntryTable {
  count = 0;
  /** Some entry contains SEP. */
  holdsSep = false;
  /** Where each entry starts in the joined text; `starts[count]` is where the next one would. */
  private starts: Uint32Array = new Uint32Array(64).fill(1, 0, 1);
  /** The sealed blocks' text, each SEP e … SEP. */
  private sealed: string[] = [];
  /** Where each block's first entry is in the joined text (sealed blocks, then the one being filled). */
  private blockStarts: number[] = [];
  private block: Units;
  private blockFill = 0;
  private nextBlockUnits: number;
  /** Entry + 1 per slot, 0 when free. */
  private slots: Int32Array;
  /**
   * Eight bits of each taken slot's hash (its top ones: the slot comes from the low ones), compared
   * before the text, so that most slots holding another entry are passed over without reading it. A
   * full hash a slot was 4 bytes more: 1 MB per 100,000 distinct values, held while the export is read.
   */
  private tags: Uint8Array;

  constructor(
    private readonly newUnits: (length: number) => Units,
    private readonly options: TableOptions,
  ) {
    this.block = newUnits(0);
    this.nextBlockUnits = Math.min(FIRST_BLOCK_UNITS, options.blockUnits);
    this.slots = new Int32Array(options.initialSlots);
    this.tags = new Uint8Array(options.initialSlots);
  }

  /** Its typed arrays' bytes (the sealed blocks' text goes into the dictionary). */
  get tableBytes(): number {
    return this.starts.byteLength + this.slots.byteLength + this.tags.byteLength + this.block.byteLength;
  }

  /** The entry equal to `value` (whose hash is `hash`), added when new. */
  entryFor(value: string, hash: number): number {
    const mask = this.slots.length - 1;
    const tag = tagOf(hash);
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return this.added(value, hash, i);
      if (this.tags[i] === tag && this.holds(slot - 1, value)) return slot - 1;
    }
  }

  private added(value: string, hash: number, slot: number): number {
    const entry = this.count++;
    this.store(value, entry);
    this.slots[slot] = entry + 1;
    this.tags[slot] = tagOf(hash);
    if (this.count > this.slots.length * MAX_LOAD) this.rehash(this.slots.length * 2);
    return entry;
  }

  /** Entry `entry`'s text equals `value`. */
  private holds(entry: number, value: string): boolean {
    const start = this.starts[entry];
    if (this.starts[entry + 1] - start - 1 !== value.length) return false;
    const b = this.blockAt(start);
    // Position 0 of a block is the SEP before its first entry.
    const offset = start - this.blockStarts[b] + 1;
    if (b < this.sealed.length) {
      const text = this.sealed[b];
      for (let k = 0; k < value.length; k++) if (text.charCodeAt(offset + k) !== value.charCodeAt(k)) return false;
      return true;
    }
    const units = this.block;
    for (let k = 0; k < value.length; k++) if (units[offset + k] !== value.charCodeAt(k)) return false;
    return true;
  }

  /** The block holding joined-text position `pos` (the last one starting at or before it). */
  private blockAt(pos: number): number {
    let lo = 0;
    let hi = this.blockStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blockStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private store(value: string, entry: number): void {
    const units = value.length + 1;
    const start = this.starts[entry];
    if (this.blockFill + units > this.block.length) this.startBlock(units, start);
    const block = this.block;
    const at = this.blockFill;
    for (let k = 0; k < value.length; k++) block[at + k] = value.charCodeAt(k);
    block[at + value.length] = 0;
    this.blockFill += units;
    this.starts = grown(this.starts, entry + 2);
    this.starts[entry + 1] = start + units;
    if (value.includes(SEP)) this.holdsSep = true;
  }

  /** A new block with room for `units` after its leading SEP, its first entry at `start` in the joined text; the full one is sealed (its unused rest is not copied). */
  private startBlock(units: number, start: number): void {
    this.seal();
    const length = Math.max(units + 1, this.nextBlockUnits, Math.floor(start / GROWTH_DIVISOR));
    this.nextBlockUnits = Math.min(this.nextBlockUnits * 2, this.options.blockUnits);
    this.block = this.newUnits(length);
    this.blockFill = 1;
    this.blockStarts.push(start);
  }

  /** The block being filled, if it holds entries, as a string; its buffer is let go of. */
  private seal(): void {
    if (this.blockStarts.length === this.sealed.length) return;
    this.sealed.push(decoded(this.block, 0, this.blockFill));
    this.block = this.newUnits(0);
    this.blockFill = 0;
  }

  /**
   * A table of `capacity` slots holding every entry, placed by its hash read again from the text where it
   * is kept (the table keeps only tags), entry after entry, so the text is read in order.
   */
  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity);
    const tags = new Uint8Array(capacity);
    const mask = capacity - 1;
    let b = 0;
    for (let entry = 0; entry < this.count; entry++) {
      const start = this.starts[entry];
      while (b + 1 < this.blockStarts.length && this.blockStarts[b + 1] <= start) b++;
      // Position 0 of a block is the SEP before its first entry.
      const from = start - this.blockStarts[b] + 1;
      const to = from + this.starts[entry + 1] - start - 1;
      const hash = b < this.sealed.length ? hashOfText(this.sealed[b], from, to) : hashOfUnits(this.block, from, to);
      let i = hash & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = entry + 1;
      tags[i] = tagOf(hash);
    }
    this.slots = slots;
    this.tags = tags;
  }

  /**
   * The entries as dictionary parts (entry i is code `first + i`), cut as dictFromEntries cuts them (a
   * part takes the next entry while its text stays within `maxPartChars`), and also where a block
   * starts once the part holds half of `splitAt` characters: a part within one block is a slice of its
   * string, so the text is not copied again; only the first small blocks are joined into one part.
   */
  finishParts(first: number, maxPartChars: number, splitAt: number): DictPart[] {
    this.slots = new Int32Array(0);
    this.tags = new Uint8Array(0);
    this.seal();
    const { starts, sealed, blockStarts } = this;
    this.starts = new Uint32Array(0);
    this.sealed = [];
    this.blockStarts = [];
    const parts: DictPart[] = [];
    let k = 0;
    for (let a = 0; a < this.count; ) {
      while (k + 1 < blockStarts.length && blockStarts[k + 1] <= starts[a]) k++;
      const base = starts[a] - 1;
      let b = a + 1;
      let last = k;
      while (b < this.count && starts[b + 1] - base <= maxPartChars) {
        const entersBlock = last + 1 < blockStarts.length && starts[b] === blockStarts[last + 1];
        // Half: a full block's text is a little short of its size, so a whole one never joins the next.
        if (entersBlock && 2 * (starts[b] - base) >= splitAt) break;
        if (entersBlock) last++;
        b++;
      }
      parts.push({ text: textAcross(sealed, blockStarts, k, last, base, starts[b]), starts: relativeStarts(starts, a, b, base), first: first + a });
      a = b;
    }
    return parts;
  }
}

/** Joined-text positions `[from, to)`, which lie in blocks `first…last`: a slice of one block's string, or the blocks' slices joined (each block after the first without its leading SEP, the last one's trailing SEP). */
function textAcross(sealed: readonly string[], blockStarts: readonly number[], first: number, last: number, from: number, to: number): string {
  // Block j's string begins at joined position blockStarts[j] - 1 (its leading SEP).
  const at = (j: number, pos: number) => pos - (blockStarts[j] - 1);
  if (first === last) return sealed[first].slice(at(first, from), at(first, to));
  const pieces = [sealed[first].slice(at(first, from))];
  for (let j = first + 1; j < last; j++) pieces.push(sealed[j].slice(1));
  pieces.push(sealed[last].slice(1, at(last, to)));
  return pieces.join('');
}

/** Units `[from, to)` as a string: one byte a character for one-byte units (V8 keeps latin1 text so). */
function decoded(units: Units, from: number, to: number): string {
  const bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  if (units instanceof Uint8Array) return bytes.toString('latin1', from, to);
  const slice = bytes.subarray(from * 2, to * 2);
  // Typed arrays are in the machine's byte order; 'utf16le' reads little-endian.
  return LITTLE_ENDIAN ? slice.toString('utf16le') : Buffer.from(slice).swap16().toString('utf16le');
}

/** Entries a…b's starts, counted from the part's first character `base`. */
function relativeStarts(starts: Uint32Array, a: number, b: number, base: number): Uint32Array {
  const out = new Uint32Array(b - a + 1);
  for (let k = 0; k <= b - a; k++) out[k] = starts[a + k] - base;
  return out;
}

/**
 * Distinct values as latin1 bytes (values with no character past U+00FF) or UTF-16 code units, in
 * blocks: for a million emails a little over half the memory of a string and a Map entry each
 * (bench/string-builder.ts), and a few dozen objects for the garbage collector to mark instead of
 * two million. Provisional codes: a one-byte entry's code is final (first-seen order, '' is 0); a
 * wide one's is tagged and becomes (one-byte entries) + (its first-seen order among the wide) at
 * `finish`, as `narrowFirst` orders them.
 */
export class CompactDictBuilder implements DictBuilder {
  private readonly narrow: EntryTable;
  private wide: EntryTable | undefined;
  private readonly table: TableOptions;
  private readonly maxPartChars: number;
  private readonly splitPartAt: number;

  constructor(options: CompactOptions = {}) {
    this.table = { blockUnits: options.blockUnits ?? DEFAULTS.blockUnits, initialSlots: options.initialSlots ?? DEFAULTS.initialSlots };
    this.maxPartChars = options.maxPartChars ?? MAX_PART_CHARS;
    this.splitPartAt = options.splitPartAt ?? SPLIT_PART_AT;
    this.narrow = new EntryTable((n) => new Uint8Array(n), this.table);
    this.narrow.entryFor('', hashOf(''));
  }

  get size(): number {
    return this.narrow.count + (this.wide?.count ?? 0);
  }

  get tableBytes(): number {
    return this.narrow.tableBytes + (this.wide?.tableBytes ?? 0);
  }

  codeFor(value: string): number {
    const hash = hashOf(value);
    if (!WIDE.test(value)) return this.narrow.entryFor(value, hash);
    this.wide ??= new EntryTable((n) => new Uint16Array(n), this.table);
    return WIDE_CODE + this.wide.entryFor(value, hash);
  }

  private finished = false;

  finish(codes: Uint32Array): StringDict {
    // The entries' text went into the parts: a second dictionary would be made of nothing.
    if (this.finished) throw new Error('a dictionary builder is finished once');
    this.finished = true;
    const narrowCount = this.narrow.count;
    const size = this.size;
    const plain = !this.narrow.holdsSep && !this.wide?.holdsSep;
    if (this.wide) {
      for (let r = 0; r < codes.length; r++) if (codes[r] >= WIDE_CODE) codes[r] = narrowCount + (codes[r] - WIDE_CODE);
    }
    const parts = this.narrow.finishParts(0, this.maxPartChars, this.splitPartAt);
    if (this.wide) parts.push(...this.wide.finishParts(narrowCount, this.maxPartChars, this.splitPartAt));
    this.wide = undefined;
    return { size, parts, plain };
  }
}

/**
 * One JS string per distinct value and a Map from value to code: the builder for a column that starts
 * from a finished store's dictionary (`seed`: a cached store copied row by row keeps its codes). The
 * Map holds only the values added since; the seed's own are found by binary search in its sorted
 * orders (findEntry) instead of a map of a million entries. Without a seed: the builder before the
 * compact one, which tests and the benchmark compare against.
 */
export class MapDictBuilder implements DictBuilder {
  private entries: string[];
  private codeOf = new Map<string, number>();

  constructor(private seed?: StringDict) {
    this.entries = seed ? dictEntries(seed) : [''];
  }

  get size(): number {
    return this.entries.length;
  }

  /** Its entries and map are heap objects, whose size is not known here: not counted. */
  readonly tableBytes = 0;

  codeFor(value: string): number {
    let code = this.codeOf.get(value);
    if (code !== undefined) return code;
    if (this.seed) {
      const found = findEntry(this.seed, value);
      if (found >= 0) return found;
    }
    code = this.entries.length;
    const own = ownString(value);
    this.entries.push(own);
    this.codeOf.set(own, code);
    return code;
  }

  finish(codes: Uint32Array): StringDict {
    const { entries, seed } = this;
    this.entries = [];
    this.codeOf = new Map();
    this.seed = undefined;
    // No value is new: the seed's dictionary (joined, lower-cased, sorted already) serves as it is.
    if (seed && entries.length === seed.size) return seed;
    const reordered = narrowFirst(entries);
    if (reordered) for (let r = 0; r < codes.length; r++) codes[r] = reordered.newCode[codes[r]];
    return dictFromEntries(reordered?.ordered ?? entries);
  }
}

/**
 * A copy of a value that holds on to nothing else, one byte a character when every character fits.
 * A value split from a line of text is, in V8, a slice of the whole decoded chunk (kept alive with it),
 * and a chunk holding one character past U+00FF makes every slice of it two bytes a character: a
 * dictionary keeps each distinct value until the store is finished, so a file source would otherwise
 * hold all of its text, twice as wide. (JSON.parse's strings are fresh already; copying them costs
 * only their first sight.)
 */
function ownString(raw: string): string {
  return WIDE.test(raw) ? Buffer.from(raw, 'utf16le').toString('utf16le') : Buffer.from(raw, 'latin1').toString('latin1');
}
