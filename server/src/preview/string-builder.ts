// Builds a string column's dictionary (string-dict.ts) while rows are added: distinct values in
// first-seen order, one-byte ones first (`narrowFirst`), joined by `dictFromEntries` at the end.

import { type StringDict, dictEntries, dictFromEntries, findEntry, narrowFirst } from './string-dict';

/** What a string column's writer needs of a dictionary builder. */
export interface DictBuilder {
  /** Distinct entries so far, '' (code 0) included. */
  readonly size: number;
  /** The code of `value`, added when new: provisional until `finish`. */
  codeFor(value: string): number;
  /** The dictionary; the provisional `codes` become its codes, in place. Once: the builder lets go of its entries. */
  finish(codes: Uint32Array): StringDict;
}

/** Some character past U+00FF: the value is stored (and joined) two bytes a character. */
const WIDE = /[\u0100-\uffff]/;

/**
 * One JS string per distinct value and a Map from value to code. A builder that starts from a
 * finished store's dictionary (`seed`: a cached store copied row by row keeps its codes) holds in its
 * Map only the values added since; the seed's own are found by binary search in its sorted orders
 * (findEntry) instead of a map of a million entries.
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
