// Canonical text of criteria. `inline` prints an expression on one line with only the parentheses
// precedence needs; `exprLines` breaks `and`/`or` chains one operand per line when a line would pass
// 100 columns. Every output re-parses to the same tree (modulo offsets).

import type { AssociationCondition, AssociationCountCondition, Condition, EmailTarget, Expr, Name, OccurrenceCount, Operand, PropertyCondition, SubscriptionCondition, TimeWindow, Value } from './ast';
import { encodeString } from './lex';
import { KEYWORDS, NOT_PROPERTIES } from './tokens';

export const MAX_WIDTH = 100;

/** A printed line and the source offset of the node that begins on it (for placing comments). */
export interface Line {
  text: string;
  anchor: number;
}

const WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const KEYWORD_SET = new Set(KEYWORDS);
const NOT_VALUES = new Set(['and', 'or', 'including', 'true', 'false']);

/** Precedence of each expression kind; an operand of lower precedence than its place needs parentheses. */
const PREC = { or: 1, and: 2, not: 3, primary: 4 } as const;

/**
 * A number as the language writes it (`-?digits[.digits]`, no exponent), re-read as the very same
 * value: JavaScript's shortest digits with the decimal point moved (5e-324 is `0.000…0005`), `-0` kept.
 */
export function numberText(n: number): string {
  if (Object.is(n, -0)) return '-0';
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const sign = n < 0 ? '-' : '';
  const mantissa = text.slice(sign.length, e);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + Number(text.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function printValue(value: Value): string {
  switch (value.kind) {
    case 'string':
      return encodeString(value.value);
    case 'number':
      // The text as written when it still says this value (a tree built in code may carry another).
      return NUMBER.test(value.raw) && Object.is(Number(value.raw), value.value) ? value.raw : numberText(value.value);
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'date':
    case 'datetime':
      return value.raw;
    case 'word':
      return WORD.test(value.value) && !NOT_VALUES.has(value.value.toLowerCase()) ? value.value : encodeString(value.value);
    case 'relative':
      return relativeText(value);
    case 'property':
      return value.updated ? `when ${printPropertyName(value.property)} was updated` : `property ${printPropertyName(value.property)}`;
  }
}

/** `today`, `start of month`, `3 days before today`, `1 week after now`. */
export function relativeText(value: Extract<Value, { kind: 'relative' }>): string {
  const o = value.offset;
  return o ? `${numberText(o.count)} ${o.unit}${o.count === 1 ? '' : 's'} ${o.direction} ${value.anchor}` : value.anchor;
}

export function printPropertyName(name: Name): string {
  const lower = name.text.toLowerCase();
  return WORD.test(name.text) && !NOT_PROPERTIES.has(lower) && lower !== 'true' && lower !== 'false' ? name.text : `\`${name.text}\``;
}

export function valueList(values: Value[]): string {
  return `(${values.map(printValue).join(', ')})`;
}

function unitText(unit: string, count: Value | undefined): string {
  const one = count === undefined || (count.kind === 'number' && count.value === 1);
  return `${count ? `${printValue(count)} ` : ''}${unit}${one ? '' : 's'}`;
}

/** `= known` rather than `is known`: a keyword value after `is` would read as another phrase. */
function equalityText(c: PropertyCondition, value: Value): string | undefined {
  if (value.kind !== 'word' || !KEYWORD_SET.has(value.value.toLowerCase())) return undefined;
  if (c.operator === 'is') return `= ${printValue(value)}`;
  if (c.operator === 'is not') return `!= ${printValue(value)}`;
  return undefined;
}

function phraseText(c: PropertyCondition): string {
  const o: Operand = c.operands;
  // `was updated before|after|between …`: the surface operator leaves out the `was`.
  const op = /^updated (before|after|between)$/.test(c.operator) ? `was ${c.operator}` : c.operator;
  switch (o.kind) {
    case 'none':
      return op;
    case 'single':
      return equalityText(c, o.value) ?? `${op} ${printValue(o.value)}`;
    case 'list': {
      const anyOf = o.anyOf && (op === 'starts with' || op === 'ends with' || op === 'has ever been' || op === 'has never been');
      const allOf = op === 'has ever contained' || op === 'has never contained';
      return `${op}${anyOf ? ' any of' : ''}${allOf ? ' all of' : ''} ${o.valueSet ? o.valueSet.text : valueList(o.values)}`;
    }
    case 'range':
      return `${op} ${printValue(o.low)} and ${printValue(o.high)}`;
    case 'days':
      return daysPhrase(op, printValue(o.count));
    case 'calendar':
      return calendarPhrase(op, o.unit, o.count);
    case 'property':
      return `${op} property ${printPropertyName(o.property)}`;
  }
}

function daysPhrase(op: string, count: string): string {
  if (op === 'updated in last') return `was updated in last ${count} days`;
  if (op === 'not updated in last') return `was not updated in last ${count} days`;
  const match = /^is (less|more) than days (ago|from now)$/.exec(op);
  if (match) return `is ${match[1]} than ${count} days ${match[2]}`;
  return `${op} ${count} days`;
}

function calendarPhrase(op: string, unit: string, count: Value | undefined): string {
  if (op === 'is in this so far') return `is in this ${unit} so far`;
  if (op === 'is in this') return `is in this ${unit}`;
  return `${op} ${unitText(unit, count)}`;
}

/** ` at least 2 times`, ` at most 3 times`, ` between 2 and 5 times`; '' without a count. */
function occurrenceText(count: OccurrenceCount | undefined): string {
  if (!count) return '';
  if (count.min && count.max) return ` between ${printValue(count.min)} and ${printValue(count.max)} times`;
  return count.min ? ` at least ${printValue(count.min)} times` : count.max ? ` at most ${printValue(count.max)} times` : '';
}

/** ` after D`, ` before D`, ` between D and D`; '' without a window. */
function windowText(window: TimeWindow | undefined): string {
  if (!window) return '';
  return window.kind === 'between' ? ` between ${printValue(window.low)} and ${printValue(window.high)}` : ` ${window.kind} ${printValue(window.at)}`;
}

export function conditionText(c: Condition): string {
  switch (c.kind) {
    case 'property':
      return `${printPropertyName(c.property)} ${phraseText(c)}${c.includeUnknown ? ' including unknown' : ''}`;
    case 'inList':
      return `in list ${c.target.by === 'id' ? `#${c.target.text}` : encodeString(c.target.text)}`;
    case 'association':
      return `${associationHead(c)} ${c.where ? inline(c.where, PREC.not) : '??'}`;
    case 'associationCount':
      return countText(c);
    case 'formSubmission': {
      const form = c.formId ? `form ${encodeString(c.formId.text)}` : 'any form';
      const page = c.page ? ` on page ${c.page.by === 'id' ? `#${c.page.text}` : encodeString(c.page.text)}` : '';
      return `submitted ${form}${page}${occurrenceText(c.count)}${c.withinLastDays ? ` in last ${printValue(c.withinLastDays)} days` : ''}${windowText(c.window)}`;
    }
    case 'subscription':
      return subscriptionText(c);
    case 'emailEvent':
      return `marketing email ${emailTargetText(c.email)} ${c.event.text}${c.clickUrl ? ` link ${encodeString(c.clickUrl.text)}` : ''}${lastDays(c.withinLastDays)}${windowText(c.window)}`;
    case 'pageView':
      return `visited page ${c.match === 'is' ? '' : `${c.match} `}${encodeString(c.url.text)}${c.atLeastTimes ? ` at least ${printValue(c.atLeastTimes)} times` : ''}${lastDays(c.withinLastDays)}`;
    case 'webinar': {
      const webinar = c.webinar ? `webinar ${c.webinar.quoted ? encodeString(c.webinar.text) : `#${c.webinar.text}`}` : 'any webinar';
      return `${c.action === 'registered' ? 'registered for' : 'attended'} ${webinar}`;
    }
    case 'cta':
      return `${c.action} cta ${encodeString(c.cta.text)}${occurrenceText(c.count)}${lastDays(c.withinLastDays)}${windowText(c.window)}`;
    case 'adsSeen':
      return `saw any ad${lastDays(c.withinLastDays)}${windowText(c.window)}`;
    case 'constant':
      return c.accept ? 'everyone' : 'nobody';
    case 'conditionRef':
      return `condition ${c.name.text}`;
    case 'error':
      // Only a tree with syntax errors has these; `??` does not parse, so nothing is silently valid.
      return '??';
  }
}

const PLURALS: Record<string, string> = { company: 'companies', deal: 'deals', ticket: 'tickets' };

/** `associated primary company where`, `associated deal labeled #12 where`. */
function associationHead(c: AssociationCondition): string {
  return `associated ${c.primary ? 'primary ' : ''}${c.objectType.text.toLowerCase()}${c.label ? ` labeled ${c.label.by === 'name' ? encodeString(c.label.text) : `#${c.label.text}`}` : ''} where`;
}

/** `number of associated deals >= 2`, `number of associated tickets is between 1 and 3`. */
function countText(c: AssociationCountCondition): string {
  const object = c.objectType.text.toLowerCase();
  const { operator, low, high } = c.comparison;
  const compared = operator === 'is between' ? `is between ${printValue(low)} and ${high ? printValue(high) : '??'}` : `${operator} ${printValue(low)}`;
  return `number of associated ${c.primary ? 'primary ' : ''}${PLURALS[object] ?? object} ${compared}`;
}

/** `#456 of app #113`, `"November newsletter" [of app #113]` or `any`. */
function emailTargetText(email: EmailTarget): string {
  if (email.by === 'any') return 'any';
  if (email.by === 'ids') return `#${email.emailId.text} of app #${email.appId.text}`;
  return `${encodeString(email.name.text)}${email.appId ? ` of app #${email.appId.text}` : ''}`;
}

function lastDays(days: Value | undefined): string {
  return days ? ` in last ${printValue(days)} days` : '';
}

const STATUS_WORDS: Record<SubscriptionCondition['status'], string> = {
  'opted in': 'opted in to',
  'opted out': 'opted out of',
  'not opted': 'opted neither in nor out of',
};

function subscriptionText(c: SubscriptionCondition): string {
  const channel = c.channel.text.toLowerCase();
  const refs = c.subscriptions.map((s) => (s.by === 'name' ? encodeString(s.text) : `#${s.text}`));
  const target = c.all ? `all ${channel}` : refs.length === 1 ? `${channel} subscription ${refs[0]}` : `${channel} subscriptions (${refs.join(', ')})`;
  return `${STATUS_WORDS[c.status]} ${target}`;
}

function precOf(e: Expr): number {
  if (e.kind === 'or') return PREC.or;
  if (e.kind === 'and') return PREC.and;
  if (e.kind === 'not') return PREC.not;
  return PREC.primary;
}

/** One-line text of `e`, parenthesised when its place (`context`) binds tighter than it does. */
export function inline(e: Expr, context: number): string {
  const text = bare(e);
  return precOf(e) < context ? `(${text})` : text;
}

function bare(e: Expr): string {
  switch (e.kind) {
    case 'or':
      return e.operands.map((o) => inline(o, PREC.and)).join(' or ');
    case 'and':
      return e.operands.map((o) => inline(o, PREC.not)).join(' and ');
    case 'not':
      return `not ${inline(e.operand, PREC.not)}`;
    case 'paren':
      return `(${inline(e.inner, 0)})`;
    default:
      return conditionText(e);
  }
}

/** Lines of a chain: the first operand after `firstPrefix`, the others on their own lines. */
export function chainLines(e: Expr & { kind: 'and' | 'or' }, firstPrefix: string, indent: number): Line[] {
  const context = e.kind === 'or' ? PREC.and : PREC.not;
  const lines: Line[] = [];
  e.operands.forEach((operand, i) => {
    const prefix = i === 0 ? firstPrefix : `${' '.repeat(indent)}${e.kind} `;
    lines.push(...exprLines(operand, prefix, indent, context));
  });
  return lines;
}

/** `e` after `prefix` on a line indented `indent`; broken one level deeper when too wide. */
export function exprLines(e: Expr, prefix: string, indent: number, context: number): Line[] {
  const flat = prefix + inline(e, context);
  if (flat.length <= MAX_WIDTH) return [{ text: flat, anchor: e.start }];
  if ((e.kind === 'and' || e.kind === 'or') && precOf(e) < context) return closed(chainLines(e, `${prefix}(`, indent + 2), e.start);
  if (e.kind === 'paren' && (e.inner.kind === 'and' || e.inner.kind === 'or')) {
    return closed(chainLines(e.inner, `${prefix}(`, indent + 2), e.start);
  }
  if (e.kind === 'paren') return closed(exprLines(e.inner, `${prefix}(`, indent + 2, 0), e.start);
  if (e.kind === 'not') return anchored(exprLines(e.operand, `${prefix}not `, indent, PREC.not), e.start);
  if (e.kind === 'association' && e.where) {
    return anchored(exprLines(e.where, `${prefix}${associationHead(e)} `, indent, PREC.not), e.start);
  }
  return [{ text: flat, anchor: e.start }];
}

function closed(lines: Line[], start: number): Line[] {
  lines[lines.length - 1] = { ...lines[lines.length - 1], text: `${lines[lines.length - 1].text})` };
  return anchored(lines, start);
}

function anchored(lines: Line[], start: number): Line[] {
  lines[0] = { ...lines[0], anchor: Math.min(lines[0].anchor, start) };
  return lines;
}

/** The canonical one-line text of a criterion, as the formatter writes it (for names in results and messages). */
export function printExpr(e: Expr): string {
  return inline(e, 0);
}
