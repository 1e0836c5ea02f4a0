// What evaluating one leaf of a plan over a column store gives: shared by the property filters
// (compiled-leaves.ts), the history and form filters (compiled-history.ts) and the tree (compiled.ts).

import type { Bitset } from './bitset';

/**
 * A bitset of matching rows; or lo (certainly matches) / hi (may match) when some rows lack the data
 * (history, form submissions); or the reason the filter cannot be judged from this store at all.
 */
export type LeafResult = Bitset | { lo: Bitset; hi: Bitset } | { reason: string };
