// Grammar of operands: values, value lists, property names, day counts and calendar units, and the
// tails that read one operand after an operator's words. parser-phrase.ts builds the phrases on these.

import type { IOrAlt, IToken } from './chevrotain';
import type { CalendarUnit, Name, Operand, Span, SurfaceOperator, Value } from './ast';
import { ParserBase } from './parser-base';
import * as T from './tokens';

// Module-level references to token types (cheaper than a namespace lookup on every use).
const { BacktickName, Comma, DateLit, DateTimeLit, LParen, NumberLit, PropertyWord, RParen, StringLit, UnitWord, ValueWord, Kw: K } = T;

/**
 * SUBRULE options built once (literal `{ ARGS: [...] }` objects in the hot rules would be allocated on
 * every call): `OP[op]` passes just the operator, `ALL_OF[op]` the operator of a list that needs all values.
 * Typed `never` so that each fits the narrower operator type of the rule it is passed to.
 */
const SINGLE_OPERATORS: SurfaceOperator[] = [
  'is', 'is not', '<', '<=', '>', '>=', 'contains', 'does not contain', 'starts with', 'ends with',
  'is after', 'is before', 'is between', 'is not between', 'is in last', 'is in next', 'is less than days ago', 'is at least', 'is at most',
];
const LIST_OPERATORS: SurfaceOperator[] = ['is any of', 'is none of', 'is exactly', 'is not exactly'];
export const OP = Object.fromEntries(SINGLE_OPERATORS.map((op) => [op, { ARGS: [op] }])) as Record<string, { ARGS: [never] }>;
export const ALL_OF = Object.fromEntries(LIST_OPERATORS.map((op) => [op, { ARGS: [op, false] }])) as Record<string, { ARGS: [never, boolean] }>;

/** What a phrase rule returns: the operator, where its words end, and the operands after them. */
export interface Tail {
  operator: SurfaceOperator;
  opEnd: number;
  operands: Operand;
}

export interface Phrase {
  operator: SurfaceOperator;
  operatorSpan: Span;
  operands: Operand;
}

export class ValueParser extends ParserBase {
  // Alternatives of the hottest rules are built once (Chevrotain's advice): no closures per call. For
  // the same reason the hot rules test RECORDING_PHASE (Chevrotain's grammar analysis, where tokens
  // are placeholders) instead of wrapping their actions in ACTION closures.
  private nameAlts: IOrAlt<IToken>[] | undefined;
  private valueAlts: IOrAlt<IToken>[] | undefined;

  public value = this.RULE('value', (): Value => {
    const token = this.OR((this.valueAlts ??= [
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.CONSUME(NumberLit) },
      { ALT: () => this.CONSUME(DateTimeLit) },
      { ALT: () => this.CONSUME(DateLit) },
      { ALT: () => this.CONSUME(K.true) },
      { ALT: () => this.CONSUME(K.false) },
      { ALT: () => this.CONSUME(ValueWord) },
    ]));
    if (this.RECORDING_PHASE) return token as never;
    return (token.tokenType === NumberLit && this.suffixedNumberValue(token)) || this.tokenValue(token);
  });

  public propertyName = this.RULE('propertyName', (): Name => {
    const token = this.OR((this.nameAlts ??= [{ ALT: () => this.CONSUME(BacktickName) }, { ALT: () => this.CONSUME(PropertyWord) }]));
    return this.RECORDING_PHASE ? (token as never) : this.nameOf(token);
  });

  /** The name of a value set or a named condition: one word. */
  public definitionName = this.RULE('definitionName', (): Name => {
    const token = this.CONSUME(ValueWord);
    return this.ACTION(() => ({ text: token.image, ...this.tokenSpan(token) }));
  });

  public valueList = this.RULE('valueList', (): { values: Value[]; span: Span } => {
    const open = this.CONSUME(LParen);
    const values: Value[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => values.push(this.SUBRULE(this.value)) });
    this.CONSUME(RParen);
    return this.ACTION(() => ({ values: values.filter((v) => v !== undefined), span: this.spanFrom(this.startOf(open)) }));
  });

  public daysWord = this.RULE('daysWord', () => {
    this.OR([{ ALT: () => this.CONSUME(K.days) }, { ALT: () => this.CONSUME(K.day) }]);
  });

  // A tail is whole or undefined: a sub-rule that failed and recovered returns undefined (see
  // well-formed.ts), and the phrase then becomes an error condition instead of a half-built one.

  protected singleTail = this.RULE('singleTail', (operator: SurfaceOperator): Tail | undefined => {
    const opEnd = this.RECORDING_PHASE ? 0 : this.lastEnd();
    const value = this.SUBRULE(this.value);
    if (this.RECORDING_PHASE) return value as never;
    if (!value) return undefined;
    return { operator, opEnd, operands: { kind: 'single', value, start: value.start, end: value.end } };
  });

  private listOperandAlts: IOrAlt<{ values: Value[]; span: Span } | Name>[] | undefined;

  /** `(a, b, c)`, or the name of a value set whose values go here. */
  protected listTail = this.RULE('listTail', (operator: SurfaceOperator, anyOf: boolean): Tail | undefined => {
    const opEnd = this.RECORDING_PHASE ? 0 : this.lastEnd();
    const list = this.OR((this.listOperandAlts ??= [{ ALT: () => this.SUBRULE(this.valueList) }, { ALT: () => this.SUBRULE(this.definitionName) }]));
    if (this.RECORDING_PHASE) return list as never;
    if (!list) return undefined;
    if ('text' in list) return { operator, opEnd, operands: { kind: 'list', values: [], anyOf, valueSet: list, start: list.start, end: list.end } };
    if (list.values.length === 0) return undefined;
    return { operator, opEnd, operands: { kind: 'list', values: list.values, anyOf, start: list.span.start, end: list.span.end } };
  });

  protected noneTail(operator: SurfaceOperator): Tail {
    return this.ACTION(() => {
      const opEnd = this.lastEnd();
      return { operator, opEnd, operands: { kind: 'none', start: opEnd, end: opEnd } };
    });
  }

  /** `N days`, the operand of rolling-window phrases. */
  protected daysOperand = this.RULE('daysOperand', (operator: SurfaceOperator): Tail => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const count = this.CONSUME(NumberLit);
    this.SUBRULE(this.daysWord);
    return this.ACTION(() => ({ operator, opEnd, operands: { kind: 'days', count: this.tokenValue(count), ...this.spanFrom(this.startOf(count)) } }));
  });

  protected countedUnit = this.RULE('countedUnit', (operator: SurfaceOperator): Tail | undefined => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const count = this.OPTION(() => this.CONSUME(NumberLit));
    const unit = this.SUBRULE(this.calendarUnit);
    return this.ACTION((): Tail | undefined => {
      if (!unit) return undefined;
      const countValue = count ? this.tokenValue(count) : undefined;
      const start = countValue ? countValue.start : unit.start;
      return { operator, opEnd, operands: { kind: 'calendar', unit: unit.unit, count: countValue, ...this.spanFrom(start) } };
    });
  });

  public calendarUnit = this.RULE('calendarUnit', (): { unit: CalendarUnit; start: number } => {
    const token = this.CONSUME(UnitWord);
    return this.ACTION(() => ({ unit: token.image.toLowerCase().replace(/s$/, '') as CalendarUnit, start: this.startOf(token) }));
  });
}
