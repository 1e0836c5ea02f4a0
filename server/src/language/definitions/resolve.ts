// Writing the workspace's definitions in where they are used, before a list is compiled or previewed:
// `condition name` becomes the named condition's criteria (in parentheses), `is any of name` gets the
// value set's values; `marketing email any opened` becomes the contact property condition it stands for
// (any-email.ts). What is written in takes the span of the use, so whatever the compiler or the
// preview says about it points at the use in the list (`not condition internal` that HubSpot cannot
// negate is reported on that `not`), never into another file. A use with no definition, or one on a
// cycle, is left as it is: the checks report it, and the compiler refuses it rather than guess.
// The syntax trees are never changed: a list that uses nothing comes back as the same object.

import type { Expr, ListNode, PropertyCondition, Span } from '@hslist/grammar';
import { writeAnyEmailsIn } from '../any-email';
import { mapConditions } from '../walk';
import { findCondition, findValueSet, NO_DEFINITIONS, type Definitions } from './table';

interface Env {
  definitions: Definitions;
  /** Lowercased names of the conditions being written in, to stop at a cycle. */
  visiting: ReadonlySet<string>;
}

/** Lists already resolved against a set of definitions (the same definitions object gives the same result). */
const resolvedLists = new WeakMap<ListNode, { definitions: Definitions; list: ListNode }>();

/** `list` with every use of a definition written in. */
export function resolveList(list: ListNode, definitions: Definitions = NO_DEFINITIONS): ListNode {
  if (!list.where) return list;
  const cached = resolvedLists.get(list);
  if (cached?.definitions === definitions) return cached.list;
  // `marketing email any opened` (in the list or in a condition written in) becomes its property condition (any-email.ts).
  const where = writeAnyEmailsIn(resolveExpr(list.where, { definitions, visiting: new Set() }));
  const resolved = where === list.where ? list : { ...list, where };
  resolvedLists.set(list, { definitions, list: resolved });
  return resolved;
}

/** Every list of `lists` resolved (a convenience for the places that hand all lists to the compiler or the preview). */
export function resolveLists(lists: readonly ListNode[], definitions: Definitions | undefined): ListNode[] {
  return lists.map((list) => resolveList(list, definitions));
}

/** The criteria of a named condition with its own uses written in (for hover and the checks). */
export function resolveExpr(expr: Expr, env: Env): Expr {
  return mapConditions(expr, (c) => (c.kind === 'property' ? resolveValueSet(c, env.definitions) : c.kind === 'conditionRef' ? resolveCondition(c, env) : c), true);
}

function resolveValueSet(condition: PropertyCondition, definitions: Definitions): PropertyCondition {
  const operands = condition.operands;
  if (operands.kind !== 'list' || !operands.valueSet || operands.values.length > 0) return condition;
  const set = findValueSet(definitions, operands.valueSet.text);
  if (!set) return condition;
  const at = { start: operands.start, end: operands.end };
  return { ...condition, operands: { ...operands, values: set.node.values.map((v) => ({ ...v, ...at })) } };
}

function resolveCondition(ref: Extract<Expr, { kind: 'conditionRef' }>, env: Env): Expr {
  const key = ref.name.text.toLowerCase();
  const named = findCondition(env.definitions, ref.name.text);
  if (!named?.node.where || env.visiting.has(key)) return ref;
  // A use further in that cannot be written in (undefined, or on a cycle) stays, at this use's span.
  const inner = resolveExpr(named.node.where, { definitions: env.definitions, visiting: new Set([...env.visiting, key]) });
  return { kind: 'paren', inner: respan(inner, { start: ref.start, end: ref.end }), start: ref.start, end: ref.end };
}

/**
 * A copy of `node` in which every span is `at`. Generic over the tree's shape (any object with a
 * numeric `start` and `end` is a span), so node kinds added later are covered as well.
 */
export function respan<T>(node: T, at: Span): T {
  if (Array.isArray(node)) return node.map((item: unknown) => respan(item, at)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = respan(value, at);
  if (typeof copy.start === 'number' && typeof copy.end === 'number') {
    copy.start = at.start;
    copy.end = at.end;
  }
  return copy as T;
}

/** The first definition of every list of an analysis, with definitions written in: what the preview and publishing get. */
export function workspaceLists(analysis: { lists: ReadonlyMap<string, readonly { node: ListNode }[]>; definitions?: Definitions }): ListNode[] {
  return [...analysis.lists.values()].map((defs) => resolveList(defs[0].node, analysis.definitions));
}
