// Reads that name every contact of a portal (each contact's associated records) keep one entry per
// contact. Keyed by id in a Map, a million contacts were a million id strings plus a 30 MB table at a
// live fetch's peak (issue 15). Here the ids are a list the caller already holds (a store's id column:
// numbers, binary-searched), and each contact's entry sits at its index in a plain array.

/** Contact ids in a fixed order, each once, and where an id is (-1: not there). */
export interface ContactIdList {
  readonly length: number;
  at(index: number): string;
  indexOf(id: string): number;
}

/** What a reader of each contact's list needs: a Map serves, and so does ListsByContact. */
export interface ListsById<V> {
  /** Every contact of the read has an entry (an empty list when it has none). */
  readonly size: number;
  get(id: string): V[] | undefined;
  has(id: string): boolean;
  entries(): Iterable<[string, V[]]>;
  values(): Iterable<V[]>;
  /** How many values the lists hold in all, when known without making them (lists made on asking). */
  readonly valueCount?: number;
  /** Each contact with a list that is not empty, in order, without an entry made for each contact (see `forEachListed`). */
  forEachListed?(visit: (id: string, list: V[]) => void): void;
}

/**
 * Each contact of `lists` whose list is not empty, with its id: through the lists' own `forEachListed`
 * when they have one (ListsByContact makes an id string only for such a contact, and no pair), else
 * through their entries (a Map's).
 */
export function forEachListed<V>(lists: ListsById<V>, visit: (id: string, list: V[]) => void): void {
  if (lists.forEachListed) return lists.forEachListed(visit);
  for (const [id, list] of lists.entries()) if (list.length > 0) visit(id, list);
}

/**
 * `ids` as a ContactIdList. An array is searched through a map made on the first `indexOf`, and an id it
 * names twice is kept once (a list's ids are distinct, as a store's are: each contact has one entry).
 */
export function contactIdList(ids: readonly string[] | ContactIdList): ContactIdList {
  if (!Array.isArray(ids)) return ids as ContactIdList;
  const given = ids as readonly string[];
  const distinct = new Set(given);
  const list = distinct.size === given.length ? given : [...distinct];
  let index: Map<string, number> | undefined;
  return {
    length: list.length,
    at: (i) => list[i],
    indexOf: (id) => {
      if (!index) {
        index = new Map();
        for (let i = list.length - 1; i >= 0; i--) index.set(list[i], i);
      }
      return index.get(id) ?? -1;
    },
  };
}

/** Each contact's list at its index of `ids`; an index without one holds `none` (shared, never changed). */
export class ListsByContact<V> implements ListsById<V> {
  constructor(
    readonly ids: ContactIdList,
    private readonly lists: readonly (readonly V[] | undefined)[],
    private readonly none: readonly V[],
  ) {}

  get size(): number {
    return this.ids.length;
  }

  get(id: string): V[] | undefined {
    const i = this.ids.indexOf(id);
    return i < 0 ? undefined : this.at(i);
  }

  has(id: string): boolean {
    return this.ids.indexOf(id) >= 0;
  }

  /** The list of the contact at `index`. */
  at(index: number): V[] {
    return (this.lists[index] ?? this.none) as V[];
  }

  *values(): Generator<V[]> {
    for (let i = 0; i < this.ids.length; i++) yield this.at(i);
  }

  *entries(): Generator<[string, V[]]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids.at(i), this.at(i)];
  }

  forEachListed(visit: (id: string, list: V[]) => void): void {
    for (let i = 0; i < this.ids.length; i++) {
      const list = this.at(i);
      if (list.length > 0) visit(this.ids.at(i), list);
    }
  }
}
