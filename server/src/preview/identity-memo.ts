// A memo by object identity for work done per object that sources usually share: a live fetch gives the
// contacts with the same links one list and one record object per link (account-associations.ts), so
// what is computed from one (its row in the store, its encoding in the cache) is computed once. A source
// whose objects are one each (a file's records) would only fill the memo: past `trial` objects with
// hits for fewer than a quarter of them, it is dropped and each object is computed anew.

export class IdentityMemo<K extends object, V> {
  private memo: Map<K, V> | undefined = new Map();
  private hits = 0;

  constructor(private readonly trial = 1 << 16) {}

  get(key: K, compute: (key: K) => V): V {
    const memo = this.memo;
    if (memo?.has(key)) {
      this.hits++;
      return memo.get(key)!;
    }
    const value = compute(key);
    if (memo) {
      memo.set(key, value);
      if (memo.size > this.trial && this.hits * 4 < memo.size) this.memo = undefined;
    }
    return value;
  }
}
