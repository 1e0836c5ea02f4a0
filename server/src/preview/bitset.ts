// Row sets as bitsets (bit i of word i >>> 5 = row i), so AND / OR / NOT over a million rows are a
// few tens of thousands of word operations. Bits past `size` are always kept zero.

import { grown } from './typed-grow';

export type Bitset = Uint32Array;

export function wordsFor(size: number): number {
  return (size + 31) >>> 5;
}

export function emptyBitset(size: number): Bitset {
  return new Uint32Array(wordsFor(size));
}

export function fullBitset(size: number): Bitset {
  const b = new Uint32Array(wordsFor(size)).fill(0xffffffff);
  clearTail(b, size);
  return b;
}

/** Zero the bits past `size` in the last word. */
export function clearTail(b: Bitset, size: number): void {
  const rest = size & 31;
  if (rest !== 0 && b.length > 0) b[b.length - 1] &= (1 << rest) - 1;
}

export function setBit(b: Bitset, i: number): void {
  b[i >>> 5] |= 1 << (i & 31);
}

export function hasBit(b: Bitset, i: number): boolean {
  return (b[i >>> 5] & (1 << (i & 31))) !== 0;
}

export function and(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
  return out;
}

export function or(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] | b[i];
  return out;
}

/** a AND NOT b */
export function andNot(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & ~b[i];
  return out;
}

export function not(a: Bitset, size: number): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = ~a[i];
  clearTail(out, size);
  return out;
}

export function andInPlace(target: Bitset, b: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] &= b[i];
}

export function orInPlace(target: Bitset, b: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] |= b[i];
}

/** target |= ~b, keeping the bits past `size` zero. */
export function orNotInPlace(target: Bitset, b: Bitset, size: number): void {
  for (let i = 0; i < target.length; i++) target[i] |= ~b[i];
  clearTail(target, size);
}

export function popcount(b: Bitset): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    let v = b[i];
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** The first `limit` set rows, in order. */
export function firstRows(b: Bitset, limit: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < b.length && out.length < limit; w++) {
    let v = b[w];
    while (v !== 0 && out.length < limit) {
      const bit = 31 - Math.clz32(v & -v);
      out.push((w << 5) + bit);
      v &= v - 1;
    }
  }
  return out;
}

/** Rows whose dictionary code is marked in `matchByCode`, as a bitset. */
export function bitsetFromCodes(codes: Uint32Array, matchByCode: Uint8Array, size: number): Bitset {
  const out = emptyBitset(size);
  const full = size & ~31;
  for (let base = 0; base < full; base += 32) {
    let bits = 0;
    for (let j = 0; j < 32; j++) bits |= matchByCode[codes[base + j]] << j;
    out[base >>> 5] = bits;
  }
  for (let i = full; i < size; i++) if (matchByCode[codes[i]]) setBit(out, i);
  return out;
}

/**
 * Rows set one by one while a store is built, before its size is known: one bit per row (a number per
 * row was 8 bytes, and the array's growth left its old copies in V8's large-object space until the
 * next full collection: tens of MB while a 1M-contact fetch built its store, issue 15).
 */
export class RowBits {
  private words = new Uint32Array(32);
  /** How many times a row was set (a row set twice counts twice). */
  count = 0;

  set(row: number): void {
    const word = row >>> 5;
    this.words = grown(this.words, word + 1);
    this.words[word] |= 1 << (row & 31);
    this.count++;
  }

  /** The rows below `size` as a bitset of that size. */
  finish(size: number): Bitset {
    const b = emptyBitset(size);
    b.set(this.words.subarray(0, Math.min(this.words.length, b.length)));
    clearTail(b, size);
    return b;
  }
}
