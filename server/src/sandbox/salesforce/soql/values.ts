// Runtime comparison of a record's value with a literal, by field type, following SOQL's rules:
// text compares case-insensitively; ids compare on their case-sensitive 15-character form; a null value
// fails every comparison except `= null`, `!=` and NOT IN; on booleans null counts as false; dates and
// datetimes compare against a literal's [start, end) range.

import type { CompareOp, Literal } from './ast';
import { plainText } from './lexer';
import { dateLiteralRange, dayValue, parseDateTime, type Range } from './dates';
import type { SfFieldDef } from '../schema';

export type FieldValue = string | number | boolean | null;

const DAY = 86_400_000;

export function isTextType(type: SfFieldDef['type']): boolean {
  return ['string', 'email', 'picklist', 'multipicklist', 'textarea', 'phone', 'url', 'id', 'reference'].includes(type);
}

/** `=` `!=` `<` `<=` `>` `>=` for one record value. LIKE is handled by `likeMatcher`. */
export function compareValue(field: SfFieldDef, op: Exclude<CompareOp, 'LIKE'>, value: FieldValue, literal: Literal, now: Date): boolean {
  if (field.type === 'boolean') return compareBoolean(op, value === true, literal);
  if (literal.kind === 'null') return op === '=' ? value === null : op === '!=' ? value !== null : false;
  if (value === null) return op === '!=';
  if (field.type === 'date' || field.type === 'datetime') return compareInstant(op, instantOf(field, value), literalRange(literal, now));
  if (field.type === 'multipicklist' && (op === '=' || op === '!=')) return (op === '=') === sameSelection(String(value), literalText(literal));
  const order = orderOf(field, value, literal);
  return applyOrder(op, order);
}

function compareBoolean(op: string, value: boolean, literal: Literal): boolean {
  const wanted = literal.kind === 'boolean' ? literal.value : false;
  if (op === '=') return value === wanted;
  if (op === '!=') return value !== wanted;
  return false;
}

function applyOrder(op: string, order: number): boolean {
  switch (op) {
    case '=': return order === 0;
    case '!=': return order !== 0;
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    default: return order >= 0;
  }
}

/** Instant comparison against a range: `=` means inside, `<` before its start, `>` at or after its end. */
function compareInstant(op: string, t: number, range: Range): boolean {
  switch (op) {
    case '=': return t >= range.start && t < range.end;
    case '!=': return t < range.start || t >= range.end;
    case '<': return t < range.start;
    case '<=': return t < range.end;
    case '>': return t >= range.end;
    default: return t >= range.start;
  }
}

function instantOf(field: SfFieldDef, value: FieldValue): number {
  return field.type === 'date' ? dayValue(String(value)) : parseDateTime(String(value));
}

function literalRange(literal: Literal, now: Date): Range {
  if (literal.kind === 'date') return { start: dayValue(literal.value), end: dayValue(literal.value) + DAY };
  if (literal.kind === 'datetime') return { start: literal.value, end: literal.value + 1 };
  if (literal.kind === 'dateLiteral') return dateLiteralRange(literal.name, literal.n, now);
  return { start: NaN, end: NaN };
}

function orderOf(field: SfFieldDef, value: FieldValue, literal: Literal): number {
  if (typeof value === 'number') return literal.kind === 'number' ? Math.sign(value - literal.value) : NaN;
  const text = String(value);
  const other = literalText(literal);
  if (field.type === 'id' || field.type === 'reference') return compareIds(text, other);
  return text.toLowerCase().localeCompare(other.toLowerCase(), 'en');
}

function compareIds(a: string, b: string): number {
  const left = a.slice(0, 15);
  const right = b.slice(0, 15);
  return left === right ? 0 : left < right ? -1 : 1;
}

function literalText(literal: Literal): string {
  return literal.kind === 'string' ? plainText(literal.value) : '';
}

export function selection(text: string): Set<string> {
  return new Set(text.split(';').map((item) => item.trim().toLowerCase()).filter((item) => item !== ''));
}

function sameSelection(recordText: string, literalTextValue: string): boolean {
  const a = selection(recordText);
  const b = selection(literalTextValue);
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** INCLUDES('A;B', 'C'): (A and B selected) or C selected. */
export function includesAny(value: FieldValue, literals: Literal[]): boolean {
  if (value === null) return false;
  const selected = selection(String(value));
  return literals.some((literal) => [...selection(literalText(literal))].every((item) => selected.has(item)));
}

/** LIKE: `%` any run, `_` one character, escaped `\%` `\_` literal (lexer markers); whole value, case-insensitive. */
export function likeMatcher(pattern: string): (value: FieldValue) => boolean {
  let source = '';
  for (const ch of pattern) {
    source += ch === '%' ? '[\\s\\S]*' : ch === '_' ? '[\\s\\S]' : escapeRegExp(plainText(ch));
  }
  const regex = new RegExp(`^${source}$`, 'i');
  return (value) => value !== null && regex.test(String(value));
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
