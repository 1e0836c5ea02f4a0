// Small builders for syntax trees, so evaluator tests read like the language while the parser is
// developed elsewhere: cond('country', 'is', one(str('Poland'))) is `country is "Poland"`.

import type { CalendarUnit, Expr, ListNode, Operand, SurfaceOperator, Value } from '../../../grammar/src/ast';
import type { PropertyDef, Schema } from '../../../server/src/language/schema-types';

const at = { start: 0, end: 0 };

export const str = (value: string): Value => ({ ...at, kind: 'string', value });
export const word = (value: string): Value => ({ ...at, kind: 'word', value });
export const num = (value: number): Value => ({ ...at, kind: 'number', value, raw: String(value) });
export const bool = (value: boolean): Value => ({ ...at, kind: 'boolean', value });
export const date = (raw: string): Value => {
  const [year, month, day] = raw.split('-').map(Number);
  return { ...at, kind: 'date', raw, year, month, day };
};
export const datetime = (raw: string): Value => ({ ...at, kind: 'datetime', raw });

export const none = (): Operand => ({ ...at, kind: 'none' });
export const one = (value: Value): Operand => ({ ...at, kind: 'single', value });
export const many = (...values: Value[]): Operand => ({ ...at, kind: 'list', values, anyOf: false });
export const between = (low: Value, high: Value): Operand => ({ ...at, kind: 'range', low, high });
export const days = (n: number): Operand => ({ ...at, kind: 'days', count: num(n) });
export const calendar = (unit: CalendarUnit, n?: number): Operand => ({ ...at, kind: 'calendar', unit, count: n === undefined ? undefined : num(n) });
export const property = (name: string): Operand => ({ ...at, kind: 'property', property: { ...at, text: name } });

export function cond(name: string, operator: SurfaceOperator, operands: Operand = none(), includeUnknown = false): Expr {
  return { ...at, kind: 'property', property: { ...at, text: name }, operator, operatorSpan: at, operands, includeUnknown: includeUnknown ? at : undefined };
}
export const and = (...operands: Expr[]): Expr => ({ ...at, kind: 'and', operands });
export const or = (...operands: Expr[]): Expr => ({ ...at, kind: 'or', operands });
export const not = (operand: Expr): Expr => ({ ...at, kind: 'not', operand });
export const inList = (target: string): Expr =>
  target.startsWith('#') ? { ...at, kind: 'inList', target: { ...at, text: target.slice(1), by: 'id' } } : { ...at, kind: 'inList', target: { ...at, text: target, by: 'name' } };
export const company = (where: Expr): Expr => ({ ...at, kind: 'association', objectType: { ...at, text: 'company' }, where });
export const submitted = (formId?: string, lastDays?: number): Expr => ({
  ...at, kind: 'formSubmission', formId: formId ? { ...at, text: formId } : undefined, withinLastDays: lastDays === undefined ? undefined : num(lastDays),
});
export const everyone = (): Expr => ({ ...at, kind: 'constant', accept: true });

export function list(name: string, where: Expr | undefined, timezone?: string): ListNode {
  const settings = timezone ? [{ ...at, kind: 'setting' as const, key: { ...at, text: 'timezone' }, value: { ...at, kind: 'string' as const, value: timezone } }] : [];
  return { ...at, kind: 'list', name: { ...at, text: name }, settings, where, whereKeyword: undefined };
}

function prop(name: string, type: string, options: string[] = []): PropertyDef {
  return { name, label: name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), type, fieldType: type === 'enumeration' ? 'checkbox' : 'text', options: options.map((value) => ({ label: value.toUpperCase(), value })) };
}

/** A small portal schema for the tests. */
export function testSchema(): Schema {
  const contacts = [
    prop('email', 'string'), prop('country', 'string'), prop('jobtitle', 'string'),
    prop('lifecyclestage', 'enumeration', ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer']),
    prop('hs_tags', 'enumeration', ['a', 'b', 'c']),
    prop('num_employees', 'number'), prop('annualrevenue', 'number'),
    prop('createdate', 'datetime'), prop('closedate', 'date'), prop('notes_last_contacted', 'datetime'),
    prop('is_vip', 'bool'),
  ];
  const companies = [prop('industry', 'enumeration', ['SOFTWARE', 'RETAIL']), prop('name', 'string')];
  return {
    source: 'test',
    objects: { contacts: new Map(contacts.map((p) => [p.name, p])), companies: new Map(companies.map((p) => [p.name, p])) },
  };
}
