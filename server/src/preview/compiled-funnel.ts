// The funnel of a list's top-level clauses (how many contacts pass each clause and all before it) in
// one pass over their words, and popcounts remembered per bitset (cached bitsets never change).

import { type Bitset, popcount } from './bitset';

const countsOf = new WeakMap<Bitset, number>();

/** popcount, remembered per (immutable, cached) bitset. */
export function count(b: Bitset): number {
  let n = countsOf.get(b);
  if (n === undefined) countsOf.set(b, (n = popcount(b)));
  return n;
}

/** Records the popcount of a bitset made by flipping bits of one whose count is known (range edits). */
export function rememberCount(b: Bitset, n: number): void {
  countsOf.set(b, n);
}

/** The popcount if already known (never computes it). */
export function knownCount(b: Bitset): number | undefined {
  return countsOf.get(b);
}

export interface Funnel {
  /** The AND of all top-level clauses. */
  last: Bitset;
  /** counts[j]: rows passing clauses 0..j. */
  counts: number[];
}

/** Funnels remembered per evaluator (one bitset each). */
const FUNNELS_KEPT = 32;

/**
 * The funnels of an evaluator: remembered per list (LRU, by the list's key), and the one computed
 * last with the clause rows it came from, so that after a one-clause edit it is corrected where that
 * clause's rows changed (funnelAfterEdit). Unchanged clauses come from the clause cache as the same
 * arrays, so identity tells which clause changed; anything else (another list, two clauses changed)
 * is a full pass.
 */
export class FunnelMemo {
  private readonly byList = new Map<string, Funnel>();
  private last: { parts: Bitset[]; funnel: Funnel } | undefined;

  of(key: string, parts: Bitset[]): Funnel {
    let funnel = this.byList.get(key);
    if (funnel) this.byList.delete(key);
    else funnel = this.fromLast(parts) ?? funnelPass(parts);
    this.byList.set(key, funnel);
    if (this.byList.size > FUNNELS_KEPT) this.byList.delete(this.byList.keys().next().value as string);
    this.last = { parts, funnel };
    return funnel;
  }

  private fromLast(parts: Bitset[]): Funnel | undefined {
    const last = this.last;
    if (!last || last.parts.length !== parts.length || parts.length < 2) return undefined;
    const changed = parts.flatMap((p, i) => (p === last.parts[i] ? [] : [i]));
    return changed.length === 1 ? funnelAfterEdit(last.funnel, last.parts, parts, changed[0]) : undefined;
  }

  clear(): void {
    this.byList.clear();
    this.last = undefined;
  }
}

/**
 * The funnel in one pass over the words: every step's count and the last step's rows, without an
 * array per step. A word stops as soon as its running AND is empty (most do once the funnel narrows).
 */
export function funnelPass(parts: Bitset[]): Funnel {
  const k = parts.length;
  if (k === 1) return { last: parts[0], counts: [count(parts[0])] };
  const counts = new Float64Array(k);
  const last = new Uint32Array(parts[0].length);
  for (let w = 0; w < last.length; w++) {
    let v = -1;
    for (let j = 0; j < k && v !== 0; j++) {
      v &= parts[j][w];
      counts[j] += bitsIn(v);
    }
    last[w] = v;
  }
  countsOf.set(last, counts[k - 1]);
  return { last, counts: Array.from(counts) };
}

/**
 * The funnel after one clause changed (clause `c`: `before[c]` became `parts[c]`; every other part
 * the same), from the funnel of `before`. Only the words where clause c's rows changed are walked,
 * each only as far as its changed rows survive: while a user edits one clause, the cost follows
 * the rows the edit changed instead of the whole funnel (a full pass is ~1.5 ms at 1M contacts).
 */
export function funnelAfterEdit(previous: Funnel, before: readonly Bitset[], parts: readonly Bitset[], c: number): Funnel {
  const k = parts.length;
  const counts = Float64Array.from(previous.counts);
  const last = previous.last.slice();
  const was = before[c];
  const now = parts[c];
  for (let w = 0; w < last.length; w++) {
    let reached = was[w] ^ now[w];
    for (let j = 0; j < c && reached !== 0; j++) reached &= parts[j][w];
    if (reached === 0) continue;
    // Changed rows that passed the clauses before c: those that now pass c, and those that did.
    let gained = reached & now[w];
    let lost = reached & was[w];
    for (let j = c; j < k && (gained | lost) !== 0; j++) {
      gained &= parts[j][w];
      lost &= before[j][w];
      counts[j] += bitsIn(gained) - bitsIn(lost);
    }
    // Still set after the last clause: rows that entered or left the list's result.
    last[w] = (last[w] & ~lost) | gained;
  }
  countsOf.set(last, counts[k - 1]);
  return { last, counts: Array.from(counts) };
}

/** Set bits of a 32-bit word (int32 arithmetic throughout, so the loop stays in small integers). */
function bitsIn(x: number): number {
  let v = (x - ((x >> 1) & 0x55555555)) | 0;
  v = ((v & 0x33333333) + ((v >> 2) & 0x33333333)) | 0;
  return Math.imul((v + (v >> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
