// `unknown-excluded` (warning): a negative phrase (`is not`, `is none of`, `does not contain`, …)
// without `including unknown`. HubSpot's filters never match a contact with no value unless told
// to, so `hs_email_optout is not true` silently leaves out every contact whose opt-out is empty:
// rarely what a new admin means. Two quick fixes say which is meant: `including unknown`, or
// `and <property> is known` (which compiles to the same filters: the compiler drops it as implied).
// Not reported under `not` (the compiler flips the flag there) nor when the same `and` group
// already says `<property> is known` / `is not blank`.

import { type Expr, type PropertyCondition, diagnostic, type Diagnostic, type Fix } from '@hslist/grammar';
import { operationFor } from '../operators';
import type { ObjectTypeName, PropertyDef } from '../schema-types';
import { formatPropertyName, type FileCheckContext } from './context';
import { propertiesOf } from '../schema';

/** HubSpot operators that select the contacts whose value is *not* something. */
const NEGATIVE_OPERATORS = new Set([
  'IS_NOT_EQUAL_TO', 'DOES_NOT_CONTAIN', 'DOES_NOT_CONTAIN_EXACTLY', 'IS_NONE_OF', 'IS_NOT_EXACTLY', 'DOES_NOT_CONTAIN_ALL', 'IS_NOT_BETWEEN',
]);

interface Walk {
  ctx: FileCheckContext;
  objectType: ObjectTypeName;
  negated: boolean;
  /** Properties whose no-value case the enclosing group already says: `and P is known`, `or P is unknown`. */
  known: Set<string>;
  out: Diagnostic[];
}

/** A negative phrase without `including unknown`: it leaves out the contacts with no value. */
export function isNegative(c: PropertyCondition, def: PropertyDef | undefined): boolean {
  if (!def || c.includeUnknown) return false;
  const row = operationFor(c.operator, c.operands.kind, def);
  return row !== undefined && row.propertyParser === undefined && NEGATIVE_OPERATORS.has(row.operator);
}

/** The property of `P <one of the phrases>`, without `not` around it. */
function propertyOf(e: Expr, phrases: string[]): string | undefined {
  const inner = e.kind === 'paren' ? e.inner : e;
  return inner.kind === 'property' && phrases.includes(inner.operator) ? inner.property.text : undefined;
}

const KNOWN = ['is known', 'is not blank'];
/** `P is unknown or P is not X` keeps the contacts with no value already. */
const UNKNOWN = ['is unknown', 'is blank'];

function named(operands: Expr[], phrases: string[]): string[] {
  return operands.map((o) => propertyOf(o, phrases)).filter((p): p is string => p !== undefined);
}

function walk(e: Expr, w: Walk): void {
  switch (e.kind) {
    case 'and': {
      const known = new Set([...w.known, ...named(e.operands, KNOWN)]);
      e.operands.forEach((o) => walk(o, { ...w, known }));
      return;
    }
    case 'or': {
      // Neither a group's `is known` nor an `or`'s `is unknown` reaches into the other.
      const handled = new Set(named(e.operands, UNKNOWN));
      e.operands.forEach((o) => walk(o, { ...w, known: handled }));
      return;
    }
    case 'not':
      return walk(e.operand, { ...w, negated: !w.negated, known: new Set() });
    case 'paren':
      return walk(e.inner, w);
    case 'association':
      if (e.where) walk(e.where, { ...w, objectType: 'companies', negated: false, known: new Set() });
      return;
    case 'property':
      return report(e, w);
    default:
      return;
  }
}

function report(c: PropertyCondition, w: Walk): void {
  const def = propertiesOf(w.ctx.schema, w.objectType).get(c.property.text);
  if (w.negated || w.known.has(c.property.text) || !isNegative(c, def)) return;
  const name = formatPropertyName(c.property.text);
  const message =
    `\`${name} ${c.operator} …\` does not match contacts with no value for ${name}: HubSpot's filters leave them out unless told. ` +
    `Add \`including unknown\` to keep them, or \`and ${name} is known\` to say they are meant to be left out.`;
  const d = diagnostic('unknown-excluded', message, c, 'warning', fixes(c, name));
  // The editor's preview counts contacts with no value; it knows contacts, not companies.
  if (w.objectType === 'contacts') d.subject = c.property.text;
  w.out.push(d);
}

function fixes(c: PropertyCondition, name: string): Fix[] {
  return [
    { title: 'Add `including unknown` (contacts with no value match too)', edits: [{ start: c.end, end: c.end, newText: ' including unknown' }] },
    {
      title: `Add \`and ${name} is known\` (contacts with no value are left out, as now)`,
      edits: [{ start: c.start, end: c.start, newText: '(' }, { start: c.end, end: c.end, newText: ` and ${name} is known)` }],
    },
  ];
}

export function checkNoValueTrap(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const list of [...ctx.file.lists, ...(ctx.file.conditions ?? [])]) {
    if (list.where) walk(list.where, { ctx, objectType: 'contacts', negated: false, known: new Set(), out });
  }
  return out;
}
