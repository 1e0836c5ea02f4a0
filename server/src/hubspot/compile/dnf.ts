// Distribution of an and/or tree (negations already pushed to the leaves) into HubSpot's OR of
// ANDs. The size of the result is computed first, from the tree alone, so a criterion that would
// explode is reported without building the explosion.

import type { AssociationBranch, Filter } from '../filter-branch';

/** A leaf once compiled: a filter of the AND branch, or an association branch under it. */
export type Item = { kind: 'filter'; filter: Filter } | { kind: 'association'; branch: AssociationBranch };

export type Tree = { kind: 'and'; children: Tree[] } | { kind: 'or'; children: Tree[] } | { kind: 'item'; item: Item };

export interface Size {
  /** AND branches of the distributed form. */
  branches: number;
  /** Filters in all of them, counting each association branch's filters. */
  filters: number;
}

/** Past this, sizes are only "too many"; capping keeps the arithmetic finite. */
const CAP = 1e12;

function capped(n: number): number {
  return Math.min(n, CAP);
}

export function filtersIn(item: Item): number {
  return item.kind === 'filter' ? 1 : item.branch.filters.length;
}

export function sizeOf(tree: Tree): Size {
  if (tree.kind === 'item') return { branches: 1, filters: filtersIn(tree.item) };
  const sizes = tree.children.map(sizeOf);
  if (tree.kind === 'or') {
    return sizes.reduce((a, s) => ({ branches: capped(a.branches + s.branches), filters: capped(a.filters + s.filters) }), {
      branches: 0,
      filters: 0,
    });
  }
  // (A1 ∨ … ∨ Am) ∧ (B1 ∨ … ∨ Bn) has m·n branches; every filter of an A is copied n times.
  return sizes.reduce((a, s) => ({
    branches: capped(a.branches * s.branches),
    filters: capped(a.filters * s.branches + s.filters * a.branches),
  }), { branches: 1, filters: 0 });
}

/** The OR of ANDs: each inner array is one AND branch's items, in source order. */
export function distribute(tree: Tree): Item[][] {
  if (tree.kind === 'item') return [[tree.item]];
  const parts = tree.children.map(distribute);
  if (tree.kind === 'or') return parts.flat();
  let product: Item[][] = [[]];
  for (const part of parts) {
    const next: Item[][] = [];
    for (const left of product) for (const right of part) next.push([...left, ...right]);
    product = next;
  }
  return product;
}

export function describeCount(n: number): string {
  return n >= CAP ? 'more than a trillion' : n.toLocaleString('en-US');
}
