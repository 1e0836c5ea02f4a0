// A small seeded PRNG (mulberry32) and helpers. Deterministic for a seed, so a portal generated twice
// from the same seed is byte-identical. Each record gets its own stream (`forKey`), so record N can be
// generated without generating records 0..N-1 first, and order of generation never changes values.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** k distinct items, in the order of `items`. */
  sample<T>(items: readonly T[], k: number): T[];
}

/** 32-bit FNV-1a of a string, used to derive per-record seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32; a class (not closures) because a 1M-contact portal creates one per record. */
class Mulberry32 implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    return pickWeighted(items, this.next());
  }

  sample<T>(items: readonly T[], k: number): T[] {
    return selectionSample(items, k, () => this.next());
  }
}

export function createRandom(seed: number): Random {
  return new Mulberry32(seed);
}

/** A stream that depends only on (seed, key): the same record always gets the same values. */
export function forKey(seed: number, key: string): Random {
  return createRandom(hashString(`${seed}:${key}`));
}

function pickWeighted<T>(items: readonly (readonly [T, number])[], roll: number): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let threshold = roll * total;
  for (const [item, weight] of items) {
    threshold -= weight;
    if (threshold < 0) return item;
  }
  return items[items.length - 1][0];
}

/** Knuth's selection sampling: each subset of size k is equally likely, order kept. */
function selectionSample<T>(items: readonly T[], k: number, next: () => number): T[] {
  const chosen: T[] = [];
  for (let i = 0; i < items.length && chosen.length < k; i++) {
    const needed = k - chosen.length;
    const left = items.length - i;
    if (next() * left < needed) chosen.push(items[i]);
  }
  return chosen;
}
