// The shapes a string dictionary is made of (string-dict.ts builds and searches them, string-order.ts
// sorts a part's entries), in a module of their own so that neither of the two imports the other back.

/**
 * Consecutive entries of one width: a JS string is one byte per character only while every
 * character is U+00FF or below, so one `ś` would double a whole dictionary. Entries are grouped in
 * parts by width (builders put the one-byte entries first: see `narrowFirst`), each its own text.
 * Part entry i (local) is dictionary code `first + i`: text[starts[i], starts[i+1] - 1).
 */
export interface DictPart {
  readonly text: string;
  /** count + 1 entries; the last is text.length. */
  readonly starts: Uint32Array;
  readonly first: number;
  /** Sorted orders of a large lower-cased part (string-order.ts), for searches by binary search. */
  orders?: PartOrders;
}

export interface PartOrders {
  /** Local entry indexes sorted by entry text (UTF-16 code units). */
  byPrefix: Uint32Array;
  /** Local entry indexes sorted by reversed entry text. */
  bySuffix: Uint32Array;
}

/** The string operators a dictionary answers entry by entry. */
export type StringTest = 'IS_EQUAL_TO' | 'CONTAINS' | 'STARTS_WITH' | 'ENDS_WITH' | 'CONTAINS_EXACTLY';

/** Some character past U+00FF: a string holding one is two bytes a character (a part of it is wide). */
export const WIDE = /[\u0100-\uffff]/;
