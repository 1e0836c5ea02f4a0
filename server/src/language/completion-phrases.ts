// Operator phrases as word patterns, for completion and for reading broken text: every spelling the
// parser accepts (grammar/src/parser-phrase.ts), with its operand slots. A small matcher walks the
// tokens typed after a property through these patterns, so completion knows which words may come
// next even while the line does not parse yet. Which phrase fits which property type is not decided
// here: operators.ts (resolveOperation) is the one table for that.

import { NOT_PROPERTIES, type HslistToken, type SurfaceOperator } from '@hslist/grammar';
import { resolveOperation, type OperandKind, type TypeClass } from './operators';

/** `$V` a value, `$L` a `(…)` list of values, `$N` a number, `$U` a calendar unit, `$P` a date property, `$A` any property. */
export type Slot = '$V' | '$L' | '$N' | '$U' | '$P' | '$A';

export interface PhrasePattern {
  surface: SurfaceOperator;
  operand: OperandKind;
  parts: string[];
  /** Offered by completion; `=` and `!=` are read but `is` / `is not` are offered instead. */
  offered: boolean;
}

function p(surface: SurfaceOperator, operand: OperandKind, spelling: string, offered = true): PhrasePattern {
  return { surface, operand, parts: spelling.split(' '), offered };
}

export const PHRASES: readonly PhrasePattern[] = [
  p('is known', 'none', 'is known'),
  p('is unknown', 'none', 'is unknown'),
  p('updated in last', 'days', 'was updated in last $N days'),
  p('not updated in last', 'days', 'was not updated in last $N days'),
  p('updated before', 'single', 'was updated before $V'),
  p('updated after', 'single', 'was updated after $V'),
  p('updated between', 'range', 'was updated between $V and $V'),
  p('updated before', 'single', 'was updated before property $P'),
  p('updated after', 'single', 'was updated after property $P'),
  p('updated before', 'single', 'was updated before when $A was updated'),
  p('updated after', 'single', 'was updated after when $A was updated'),
  p('is blank', 'none', 'is blank'),
  p('is not blank', 'none', 'is not blank'),
  p('is', 'single', 'is $V'),
  p('is', 'single', '= $V', false),
  p('is not', 'single', 'is not $V'),
  p('is not', 'single', '!= $V', false),
  p('is any of', 'list', 'is any of $L'),
  p('is none of', 'list', 'is none of $L'),
  p('is exactly', 'list', 'is exactly $L'),
  p('is not exactly', 'list', 'is not exactly $L'),
  p('contains all of', 'list', 'contains all of $L'),
  p('does not contain all of', 'list', 'does not contain all of $L'),
  p('contains', 'single', 'contains $V'),
  p('does not contain', 'single', 'does not contain $V'),
  p('contains any of', 'list', 'contains any of $L'),
  p('does not contain any of', 'list', 'does not contain any of $L'),
  p('starts with', 'single', 'starts with $V'),
  p('starts with', 'list', 'starts with any of $L'),
  p('ends with', 'single', 'ends with $V'),
  p('ends with', 'list', 'ends with any of $L'),
  p('contains exactly', 'single', 'contains exactly $V'),
  p('does not contain exactly', 'single', 'does not contain exactly $V'),
  p('>', 'single', '> $V'),
  p('>=', 'single', '>= $V'),
  p('<', 'single', '< $V'),
  p('<=', 'single', '<= $V'),
  p('is between', 'range', 'is between $V and $V'),
  p('is not between', 'range', 'is not between $V and $V'),
  p('is before', 'single', 'is before $V'),
  p('is after', 'single', 'is after $V'),
  p('is before', 'property', 'is before property $P'),
  p('is after', 'property', 'is after property $P'),
  p('is before', 'single', 'is before when $A was updated'),
  p('is after', 'single', 'is after when $A was updated'),
  p('is between', 'range', 'is between property $P and property $P'),
  p('is at least', 'single', 'is at least $V'),
  p('is at most', 'single', 'is at most $V'),
  p('is less than days ago', 'days', 'is less than $N days ago'),
  p('is more than days ago', 'days', 'is more than $N days ago'),
  p('is less than days from now', 'days', 'is less than $N days from now'),
  p('is more than days from now', 'days', 'is more than $N days from now'),
  p('is in this', 'calendar', 'is in this $U'),
  p('is in this so far', 'calendar', 'is in this $U so far'),
  p('is in next', 'calendar', 'is in next $U'),
  p('is in next', 'calendar', 'is in next $N $U'),
  p('is in last', 'calendar', 'is in last $U'),
  p('is in last', 'calendar', 'is in last $N $U'),
  p('is in next', 'calendar', 'is in the next $N $U', false),
  p('is in last', 'calendar', 'is in the last $N $U', false),
  p('has ever been', 'single', 'has ever been $V'),
  p('has ever been', 'list', 'has ever been any of $L'),
  p('has never been', 'single', 'has never been $V'),
  p('has never been', 'list', 'has never been any of $L'),
  p('has ever been exactly', 'list', 'has ever been exactly $L'),
  p('has never been exactly', 'list', 'has never been exactly $L'),
  p('has ever contained', 'single', 'has ever contained $V'),
  p('has ever contained', 'list', 'has ever contained all of $L'),
  p('has never contained', 'single', 'has never contained $V'),
  p('has never contained', 'list', 'has never contained all of $L'),
];

/** A pattern part way through: `pos` is the next part; `list` is set inside a `(…)` operand. */
export interface PhraseState {
  pattern: PhrasePattern;
  pos: number;
  list?: { expectValue: boolean; values: string[] };
}

const NOT_VALUES = new Set(['and', 'or', 'including']);
const UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years']);
const VALUE_KINDS = new Set(['string', 'number', 'date', 'datetime']);

export function isWordToken(t: HslistToken): boolean {
  return t.kind === 'keyword' || t.kind === 'identifier';
}

export function isValueToken(t: HslistToken): boolean {
  return VALUE_KINDS.has(t.kind) || (isWordToken(t) && !NOT_VALUES.has(t.text.toLowerCase()));
}

export function isPropertyToken(t: HslistToken): boolean {
  return t.kind === 'backtickName' || (isWordToken(t) && !NOT_PROPERTIES.has(t.text.toLowerCase()));
}

/** The text a value token stands for (strings without quotes). */
export function tokenValueText(t: HslistToken): string {
  if (t.kind !== 'string') return t.text;
  const closed = t.text.length >= 2 && t.text.endsWith('"') && t.type !== 'UnterminatedString';
  return t.text.slice(1, closed ? -1 : undefined).replace(/\\(.)/g, '$1');
}

function matchesPart(part: string, t: HslistToken): boolean {
  const word = t.text.toLowerCase();
  switch (part) {
    case '$V':
      return isValueToken(t);
    case '$N':
      return t.kind === 'number';
    case '$U':
      return UNITS.has(word);
    case '$P':
    case '$A':
      return isPropertyToken(t);
    case 'days':
      return word === 'days' || word === 'day';
    default:
      return word === part;
  }
}

function advanceInList(state: PhraseState, t: HslistToken): PhraseState | undefined {
  const list = state.list as NonNullable<PhraseState['list']>;
  if (list.expectValue) {
    return isValueToken(t) ? { ...state, list: { expectValue: false, values: [...list.values, tokenValueText(t)] } } : undefined;
  }
  if (t.text === ',') return { ...state, list: { expectValue: true, values: list.values } };
  if (t.text === ')') return { pattern: state.pattern, pos: state.pos + 1 };
  return undefined;
}

/** The state after one more token, or undefined when the pattern cannot take it. */
export function advance(state: PhraseState, t: HslistToken): PhraseState | undefined {
  if (state.list) return advanceInList(state, t);
  const part = state.pattern.parts[state.pos];
  if (part === undefined) return undefined;
  if (part === '$L') {
    if (t.text === '(') return { ...state, list: { expectValue: true, values: [] } };
    // The name of a value set stands for the whole list.
    return isWordToken(t) && !NOT_VALUES.has(t.text.toLowerCase()) ? { pattern: state.pattern, pos: state.pos + 1 } : undefined;
  }
  return matchesPart(part, t) ? { pattern: state.pattern, pos: state.pos + 1 } : undefined;
}

export function isComplete(state: PhraseState): boolean {
  return !state.list && state.pos === state.pattern.parts.length;
}

export function initialStates(): PhraseState[] {
  return PHRASES.map((pattern) => ({ pattern, pos: 0 }));
}

/** Does the pattern fit a property of this type class (every pattern fits an unknown property)? `multi`: a multi-select. */
export function fitsType(pattern: PhrasePattern, typeClass: TypeClass | undefined, multi = false): boolean {
  if (typeClass === undefined) return true;
  return resolveOperation(pattern.surface, pattern.operand, typeClass, multi) !== undefined || isOrderedPhrase(pattern, typeClass, multi);
}

const ORDERED_SURFACES: ReadonlySet<SurfaceOperator> = new Set(['is at least', 'is at most', 'is after', 'is before']);

/** `is at least V` and its kin on a dropdown or radio property (language/ordered.ts); `is at least` fits nothing else. */
export function isOrderedPhrase(pattern: Pick<PhrasePattern, 'surface' | 'operand'>, typeClass: TypeClass | undefined, multi: boolean): boolean {
  return ORDERED_SURFACES.has(pattern.surface) && pattern.operand === 'single' && typeClass === 'enumeration' && !multi;
}

/** The rest of a pattern from `pos` as people read it: `any of (…)`, `less than N days ago`. */
export function readableRest(pattern: PhrasePattern, pos: number): string {
  const shown: Record<string, string> = { $V: '…', $L: '(…)', $N: 'N', $U: 'month', $P: '…', $A: '…' };
  return pattern.parts.slice(pos).map((part) => shown[part] ?? part).join(' ');
}

/** The rest of a pattern as a snippet (placeholders for operands) and as plain text (words up to the first operand). */
export function insertRest(pattern: PhrasePattern, pos: number): { snippet: string; plain: string; endsInOperand: boolean } {
  const parts = pattern.parts.slice(pos);
  let n = 0;
  const placeholder: Record<string, () => string> = {
    $V: () => `$${++n}`,
    $L: () => `($${++n})`,
    $N: () => `\${${++n}:30}`,
    $U: () => `\${${++n}|month,day,week,quarter,year|}`,
    $P: () => `$${++n}`,
    $A: () => `$${++n}`,
  };
  const snippet = parts.map((part) => (placeholder[part] ? placeholder[part]() : part)).join(' ');
  const firstSlot = parts.findIndex((part) => part.startsWith('$'));
  const words = firstSlot < 0 ? parts : parts.slice(0, firstSlot);
  const plain = words.join(' ') + (firstSlot >= 0 ? (parts[firstSlot] === '$L' ? ' (' : ' ') : '');
  return { snippet, plain: plain.trimStart(), endsInOperand: firstSlot >= 0 };
}
