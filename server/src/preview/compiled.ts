// The fast evaluator. A plan is compiled into a tree of closures over the store's columns; each
// yields a pair of bitsets (lo = certainly matches, hi = may match; the same array when every row
// could be judged), so AND / OR / NOT are word operations and "not previewable" is carried
// through exactly, never guessed. Leaf results are cached by (data version, resolved clause), so
// after an edit only the changed clause is evaluated again and the rest is recombined.

import type { PlanNode } from './plan-types';
import { associationIndex, type ColumnStore } from './columns';
import { linkHasLabel } from './columns-associations';
import { type Bitset, andInPlace, emptyBitset, firstRows, fullBitset, not, orInPlace, setBit } from './bitset';
import { evaluateFilter } from './compiled-leaves';
import { RangeMemo } from './compiled-ranges';
import type { LeafResult } from './leaf-result';
import { formRows } from './compiled-history';
import { emailEventRows, pageViewRows, subscriptionRows } from './compiled-entries';
import { adsSeenRows, ctaRows, webinarRows } from './compiled-activity';
import type { ClauseCount, NotPreviewable, PreviewResult } from './result-types';
import { planKeyOf, planText } from './plan-key';
import { FunnelMemo, count } from './compiled-funnel';
import { readsHistory } from '../language/operators';
import { memberEmailFilter } from './plan';

export interface TriSet {
  lo: Bitset;
  hi: Bitset;
}

interface CompiledNode {
  plan: PlanNode;
  key: string;
  children: CompiledNode[];
  run(): TriSet;
  result?: TriSet;
}

export interface EvaluateOptions {
  sampleSize?: number;
  /** Checked before each clause is computed; when it returns true the run stops with EvaluationCancelled. */
  shouldStop?: () => boolean;
}

/** Thrown out of evaluate() when `shouldStop` says a newer request has arrived. */
export class EvaluationCancelled extends Error {
  constructor() {
    super('evaluation cancelled by a newer request');
  }
}

export class CompiledEvaluator {
  private readonly cache = new Map<string, TriSet>();
  private readonly funnels = new FunnelMemo();
  private readonly ranges = new RangeMemo();
  private shouldStop: (() => boolean) | undefined;
  constructor(
    readonly store: ColumnStore,
    private readonly maxCacheEntries = 256,
  ) {}

  /** Count, per-clause counts with the funnel, and sample ids for a plan. */
  evaluate(plan: PlanNode, options: EvaluateOptions = {}): PreviewResult {
    const started = performance.now();
    const root = this.compile(plan);
    this.shouldStop = options.shouldStop;
    let result: TriSet;
    let clauses: ClauseCount[];
    const notPreviewable: NotPreviewable[] = [];
    try {
      ({ result, clauses } = this.runWithFunnel(root));
      collectUnavailable(root, notPreviewable);
    } finally {
      this.shouldStop = undefined;
    }
    return {
      total: this.store.size,
      count: count(result.lo),
      maxCount: count(result.hi),
      complete: notPreviewable.length === 0,
      notPreviewable,
      clauses,
      sampleIds: firstRows(result.lo, options.sampleSize ?? 20).map((r) => this.store.ids.at(r)),
      elapsedMs: performance.now() - started,
    };
  }

  /** The rows a plan certainly / possibly matches (for callers that need the sets themselves). */
  rows(plan: PlanNode): TriSet {
    return this.compile(plan).run();
  }

  /**
   * The root's result and the top-level clauses (the root's `and` operands, or the root itself) with
   * the funnel. A top-level `and` of certain clauses IS the funnel's last step, so after an edit only
   * the edited clause and the groups holding it are computed, and the last funnel corrected (FunnelMemo).
   */
  private runWithFunnel(root: CompiledNode): { result: TriSet; clauses: ClauseCount[] } {
    const isAnd = root.plan.kind === 'and' && root.children.length > 0;
    const tops = isAnd ? root.children : [root];
    const parts = tops.map((node) => node.run());
    const funnel = this.funnels.of(`funnel|${root.key}`, parts.map((p) => p.lo));
    let result = parts[0];
    if (isAnd) result = parts.every((p) => p.lo === p.hi) ? (root.result = certain(funnel.last)) : root.run();
    const clauses = tops.map((node, i) => ({ ...clauseCount(node, this.store.size), funnel: funnel.counts[i] }));
    return { result, clauses };
  }

  clearCache(): void {
    this.cache.clear();
    this.funnels.clear();
    this.ranges.clear();
  }

  private compile(plan: PlanNode): CompiledNode {
    const children = childPlans(plan).map((c) => this.compile(c));
    const key = planKeyOf(plan, children.map((c) => c.key));
    const node: CompiledNode = { plan, key, children, run: () => ({ lo: emptyBitset(0), hi: emptyBitset(0) }) };
    const compute = this.closureFor(node);
    // Every node is cached by its structural key: after an edit only the changed clause and its
    // ancestors are computed again.
    node.run = () => {
      node.result = this.cached(node.key, compute);
      return node.result;
    };
    return node;
  }

  /** The cache belongs to this evaluator, whose store never changes, so keys need no data version. */
  private cached(key: string, compute: () => TriSet): TriSet {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    if (this.shouldStop?.()) throw new EvaluationCancelled();
    const value = compute();
    this.cache.set(key, value);
    if (this.cache.size > this.maxCacheEntries) this.cache.delete(this.cache.keys().next().value as string);
    return value;
  }

  private closureFor(node: CompiledNode): () => TriSet {
    const { plan, children } = node;
    const size = this.store.size;
    switch (plan.kind) {
      case 'and':
        return () => combine(children.map((c) => c.run()), andInPlace, () => fullBitset(size));
      case 'or':
        return () => combine(children.map((c) => c.run()), orInPlace, () => emptyBitset(size));
      case 'not':
        return () => negate(children[0].run(), size);
      case 'inWorkspaceList':
        return () => children[0].run();
      case 'association':
        return () => this.association(children[0], plan);
      default:
        return () => this.leaf(plan);
    }
  }

  private leaf(plan: PlanNode): TriSet {
    const size = this.store.size;
    switch (plan.kind) {
      case 'filter': {
        // A number or date bound edited: from the rows of the previous bound where few rows change.
        return asTriSet(this.ranges.rows(plan.filter, this.store, () => evaluateFilter(plan.filter, this.store)), size);
      }
      case 'form':
        return asTriSet(formRows(plan, this.store), size);
      case 'subscription':
        return asTriSet(subscriptionRows(plan, this.store), size);
      case 'emailEvent':
        return asTriSet(emailEventRows(plan, this.store), size);
      case 'pageView':
        return asTriSet(pageViewRows(plan, this.store), size);
      case 'webinar':
        return asTriSet(webinarRows(plan, this.store), size);
      case 'cta':
        return asTriSet(ctaRows(plan, this.store), size);
      case 'adsSeen':
        return asTriSet(adsSeenRows(plan, this.store), size);
      case 'associationCount':
        return countRows(plan, this.store);
      case 'inList': {
        const members = this.store.memberships?.get(plan.listId);
        if (this.store.memberships === undefined) return unknownAll(size);
        return certain(members ? members : emptyBitset(size));
      }
      case 'constant':
        return certain(plan.accept ? fullBitset(size) : emptyBitset(size));
      case 'members':
        return this.members(plan.ids, plan.emails);
      default: // `unavailable` by definition
        return unknownAll(size);
    }
  }

  /** Rows of a static list's members: by record id, and by email as `email is any of (…)` matches it. */
  private members(ids: string[], emails: string[]): TriSet {
    const size = this.store.size;
    const rows = emptyBitset(size);
    for (const id of ids) {
      const row = this.store.ids.rowOf(id);
      if (row >= 0) setBit(rows, row);
    }
    if (emails.length === 0) return certain(rows);
    const byEmail = asTriSet(evaluateFilter(memberEmailFilter(emails), this.store), size);
    const lo = orInPlaceCopy(rows, byEmail.lo);
    // Certain stays certain: one array for both sides (identity is how uncertainty is told apart).
    return byEmail.lo === byEmail.hi ? certain(lo) : { lo, hi: orInPlaceCopy(rows, byEmail.hi) };
  }

  /**
   * Some associated record (the primary company, for `primary`; with the label, for `labeled`) passes:
   * records are evaluated on their own store, then mapped to contacts.
   */
  private association(records: CompiledNode, plan: Extract<PlanNode, { kind: 'association' }>): TriSet {
    const index = associationIndex(this.store, plan.object);
    // Without the labels read, a labeled association is unknown for everyone, never "no label".
    if (!index || (plan.label !== undefined && !index.labels)) return unknownAll(this.store.size);
    const inner = new CompiledEvaluator(index.records, 0).rows(records.plan);
    records.result = inner;
    const { primary, label } = plan;
    const map = (set: Bitset) => {
      const out = emptyBitset(this.store.size);
      for (let r = 0; r < this.store.size; r++) {
        for (let k = index.offsets[r]; k < index.offsets[r + 1]; k++) {
          const c = index.rows[k];
          if ((!primary || index.primary[k]) && (label === undefined || linkHasLabel(index, k, label)) && set[c >>> 5] & (1 << (c & 31))) {
            setBit(out, r);
            break;
          }
        }
      }
      return out;
    };
    const lo = map(inner.lo);
    const result = { lo, hi: inner.hi === inner.lo ? lo : map(inner.hi) };
    return index.loaded ? withUnloaded(result, index.loaded, this.store.size) : result;
  }
}

function orInPlaceCopy(a: Bitset, b: Bitset): Bitset {
  const out = a.slice();
  orInPlace(out, b);
  return out;
}

/** Contacts whose number of associated records (primary links only, for `primary`) is within [min, max]. */
function countRows(plan: Extract<PlanNode, { kind: 'associationCount' }>, store: ColumnStore): TriSet {
  const index = associationIndex(store, plan.object);
  if (!index) return unknownAll(store.size);
  const out = emptyBitset(store.size);
  for (let r = 0; r < store.size; r++) {
    let n = 0;
    for (let k = index.offsets[r]; k < index.offsets[r + 1]; k++) if (!plan.primary || index.primary[k]) n++;
    if (n >= plan.min && (plan.max === undefined || n <= plan.max)) setBit(out, r);
  }
  return index.loaded ? withUnloaded(certain(out), index.loaded, store.size) : certain(out);
}

/** Rows whose record did not carry the associations may match, but are not known to. */
function withUnloaded(t: TriSet, loaded: Bitset, size: number): TriSet {
  const missing = not(loaded, size);
  const lo = t.lo.slice();
  andInPlace(lo, loaded);
  const hi = t.hi.slice();
  orInPlace(hi, missing);
  return { lo, hi };
}

function certain(b: Bitset): TriSet {
  return { lo: b, hi: b };
}

function asTriSet(r: LeafResult, size: number): TriSet {
  if (r instanceof Uint32Array) return certain(r);
  return 'lo' in r ? r : unknownAll(size);
}

function unknownAll(size: number): TriSet {
  return { lo: emptyBitset(size), hi: fullBitset(size) };
}

/** AND / OR of the parts into fresh arrays (one allocation per side, then in-place word operations). */
function combine(parts: TriSet[], inPlace: (target: Bitset, b: Bitset) => void, identity: () => Bitset): TriSet {
  if (parts.length === 0) return certain(identity());
  const sure = parts.every((p) => p.lo === p.hi);
  const lo = parts[0].lo.slice();
  for (let i = 1; i < parts.length; i++) inPlace(lo, parts[i].lo);
  if (sure) return certain(lo);
  const hi = parts[0].hi.slice();
  for (let i = 1; i < parts.length; i++) inPlace(hi, parts[i].hi);
  return { lo, hi };
}

function negate(t: TriSet, size: number): TriSet {
  const lo = not(t.hi, size);
  return { lo, hi: t.hi === t.lo ? lo : not(t.lo, size) };
}

function childPlans(plan: PlanNode): PlanNode[] {
  switch (plan.kind) {
    case 'and':
    case 'or':
      return plan.children;
    case 'not':
      return [plan.child];
    case 'inWorkspaceList':
      return [plan.plan];
    case 'association':
      return [plan.records];
    default:
      return [];
  }
}

/** Nodes whose inner clauses are not reported on their own (another list's criteria, a company branch). */
function opaque(node: CompiledNode): boolean {
  return node.plan.kind === 'inWorkspaceList' || node.plan.kind === 'association';
}

/** Conditions that could not be judged for some rows. Inside a company branch results are the companies' (never recomputed here). */
function collectUnavailable(node: CompiledNode, out: NotPreviewable[], inCompanies = false): void {
  const p = node.plan;
  if (p.kind === 'unavailable') out.push({ span: p.span, text: p.text, reason: p.reason });
  else if (node.children.length === 0) {
    const r = inCompanies ? node.result : resultOf(node);
    if (r && r.lo !== r.hi) out.push({ span: p.span, text: planText(p), reason: missingData(p) });
  }
  for (const c of node.children) collectUnavailable(c, out, inCompanies || p.kind === 'association');
}

function missingData(p: PlanNode): string {
  if (p.kind === 'form' && p.page) return `the page of some form submissions is not in this data (${p.page.unknownWhy}), or their submissions are not loaded`;
  if (p.kind === 'form') return 'form submissions are not loaded';
  if (p.kind === 'subscription') return 'subscription statuses are not in this data for some contacts (HubSpot reads email statuses by address: a contact without one has none; or JSON records without "subscriptions")';
  if (p.kind === 'emailEvent') return 'marketing email events are not in this data for some contacts (HubSpot gives events by recipient address: a contact without one has none; or JSON records without "emailEvents")';
  if (p.kind === 'pageView') return 'page views are not in this data for some contacts (HubSpot answered their page views with an error: see the notes; or JSON records without "pageViews")';
  if (p.kind === 'webinar') return 'webinars are not in this data for some contacts (JSON records without "webinars")';
  if (p.kind === 'cta') return 'CTA events are not in this data for some contacts (JSON records without "ctaEvents")';
  if (p.kind === 'adsSeen') return 'ads seen are not in this data for some contacts (JSON records without "adViews")';
  if (p.kind === 'filter' && readsHistory(p.filter)) return `property history for "${p.filter.property}" is not loaded`;
  return 'the data this condition needs is not loaded';
}



/** A node's result; the children of a group that came from the cache are looked up (or computed) here. */
function resultOf(node: CompiledNode): TriSet {
  return node.result ?? node.run();
}

function clauseCount(node: CompiledNode, size: number): ClauseCount {
  const r = resultOf(node);
  return {
    span: node.plan.span,
    text: planText(node.plan),
    count: count(r.lo),
    maxCount: count(r.hi),
    notPreviewable: node.plan.kind === 'unavailable' ? node.plan.reason : undefined,
    children: opaque(node) ? [] : node.children.map((c) => clauseCount(c, size)),
  };
}

