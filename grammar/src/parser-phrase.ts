// Grammar of operator phrases and their operands: `is any of (a, b)`, `is less than 90 days ago`,
// `has ever been exactly (x)`. Alternatives that share words are ordered most specific first (and
// marked IGNORE_AMBIGUITIES), because a bare value may be any word: `is known` is the phrase, not
// the value "known"; quote the value to mean the word.

import type { IOrAlt, IToken } from './chevrotain';
import type { CalendarUnit, Name, Operand, Span, SurfaceOperator, Value } from './ast';
import { ParserBase } from './parser-base';
import * as T from './tokens';

// Module-level references to token types (cheaper than a namespace lookup on every use).
const { BacktickName, Comma, DateLit, DateTimeLit, Equals, Greater, GreaterEq, LParen, Less, LessEq, NotEquals, NumberLit, PropertyWord, RParen, StringLit, UnitWord, ValueWord, Kw: K } = T;


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


export class PhraseParser extends ParserBase {
  public propertyName = this.RULE('propertyName', (): Name => {
    const token = this.OR([{ ALT: () => this.CONSUME(BacktickName) }, { ALT: () => this.CONSUME(PropertyWord) }]);
    return this.ACTION(() => this.nameOf(token));
  });

  // Alternatives of the hottest rules are built once (Chevrotain's advice): no closures per call.
  private valueAlts: IOrAlt<IToken>[] | undefined;
  private opPhraseAlts: IOrAlt<Tail>[] | undefined;
  private isTailAlts: IOrAlt<Tail>[] | undefined;

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
    return this.ACTION(() => this.tokenValue(token));
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

  private singleTail = this.RULE('singleTail', (operator: SurfaceOperator): Tail => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const value = this.SUBRULE(this.value);
    return this.ACTION(() => ({ operator, opEnd, operands: { kind: 'single', value, start: value.start, end: value.end } }));
  });

  private listTail = this.RULE('listTail', (operator: SurfaceOperator, anyOf: boolean): Tail => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const list = this.SUBRULE(this.valueList);
    return this.ACTION(() => ({ operator, opEnd, operands: { kind: 'list', values: list.values, anyOf, ...list.span } }));
  });

  private rangeTail = this.RULE('rangeTail', (operator: SurfaceOperator): Tail => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const low = this.SUBRULE(this.value);
    this.CONSUME(K.and);
    const high = this.SUBRULE2(this.value);
    return this.ACTION(() => ({ operator, opEnd, operands: { kind: 'range', low, high, start: low.start, end: this.lastEnd() } }));
  });

  private noneTail(operator: SurfaceOperator): Tail {
    return this.ACTION(() => {
      const opEnd = this.lastEnd();
      return { operator, opEnd, operands: { kind: 'none', start: opEnd, end: opEnd } };
    });
  }

  public opPhrase = this.RULE(
    'opPhrase',
    (): Phrase | undefined => {
      const start = this.ACTION(() => this.startOf(this.LA(1)));
      const tail: Tail | undefined = this.OR((this.opPhraseAlts ??= [
        { ALT: () => { this.CONSUME(K.is); return this.SUBRULE(this.isTail); } },
        { ALT: () => this.SUBRULE(this.updatedTail) },
        { ALT: () => { this.CONSUME(Equals); return this.SUBRULE(this.singleTail, { ARGS: ['is'] }); } },
        { ALT: () => { this.CONSUME(NotEquals); return this.SUBRULE2(this.singleTail, { ARGS: ['is not'] }); } },
        { ALT: () => { this.CONSUME(Greater); return this.SUBRULE3(this.singleTail, { ARGS: ['>'] }); } },
        { ALT: () => { this.CONSUME(GreaterEq); return this.SUBRULE4(this.singleTail, { ARGS: ['>='] }); } },
        { ALT: () => { this.CONSUME(Less); return this.SUBRULE5(this.singleTail, { ARGS: ['<'] }); } },
        { ALT: () => { this.CONSUME(LessEq); return this.SUBRULE6(this.singleTail, { ARGS: ['<='] }); } },
        { ALT: () => { this.CONSUME(K.contains); return this.SUBRULE(this.containsTail, { ARGS: ['contains'] }); } },
        {
          ALT: () => {
            this.CONSUME(K.does);
            this.CONSUME(K.not);
            this.CONSUME(K.contain);
            return this.SUBRULE2(this.containsTail, { ARGS: ['does not contain'] });
          },
        },
        { ALT: () => { this.CONSUME(K.starts); this.CONSUME(K.with); return this.SUBRULE(this.withTail, { ARGS: ['starts with'] }); } },
        { ALT: () => { this.CONSUME(K.ends); this.CONSUME2(K.with); return this.SUBRULE2(this.withTail, { ARGS: ['ends with'] }); } },
        { ALT: () => this.SUBRULE(this.historyTail) },
      ]));
      return this.ACTION(() => tail && { operator: tail.operator, operands: tail.operands, operatorSpan: { start, end: tail.opEnd } });
    },
    { recoveryValueFunc: () => undefined },
  );

  private updatedTail = this.RULE('updatedTail', (): Tail => {
    this.CONSUME(K.was);
    const not = this.OPTION(() => this.CONSUME(K.not));
    this.CONSUME(K.updated);
    this.CONSUME(K.in);
    this.CONSUME(K.last);
    return this.SUBRULE(this.daysOperand, { ARGS: [not ? 'not updated in last' : 'updated in last'] });
  });

  /** `N days`, the operand of rolling-window phrases. */
  private daysOperand = this.RULE('daysOperand', (operator: SurfaceOperator): Tail => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const count = this.CONSUME(NumberLit);
    this.SUBRULE(this.daysWord);
    return this.ACTION(() => ({ operator, opEnd, operands: { kind: 'days', count: this.tokenValue(count), ...this.spanFrom(this.startOf(count)) } }));
  });

  private isTail = this.RULE('isTail', (): Tail =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: (this.isTailAlts ??= [
        { ALT: () => { this.CONSUME(K.known); return this.noneTail('is known'); } },
        { ALT: () => { this.CONSUME(K.unknown); return this.noneTail('is unknown'); } },
        { ALT: () => { this.CONSUME(K.not); return this.SUBRULE(this.isNotTail); } },
        { ALT: () => { this.CONSUME(K.any); this.CONSUME(K.of); return this.SUBRULE(this.listTail, { ARGS: ['is any of', false] }); } },
        { ALT: () => { this.CONSUME(K.none); this.CONSUME2(K.of); return this.SUBRULE2(this.listTail, { ARGS: ['is none of', false] }); } },
        { ALT: () => { this.CONSUME(K.exactly); return this.SUBRULE3(this.listTail, { ARGS: ['is exactly', false] }); } },
        { ALT: () => { this.CONSUME(K.between); return this.SUBRULE(this.rangeTail, { ARGS: ['is between'] }); } },
        { ALT: () => { this.CONSUME(K.before); return this.SUBRULE(this.compareTail, { ARGS: ['is before'] }); } },
        { ALT: () => { this.CONSUME(K.after); return this.SUBRULE2(this.compareTail, { ARGS: ['is after'] }); } },
        { ALT: () => this.SUBRULE(this.relativeTail) },
        { ALT: () => { this.CONSUME(K.in); return this.SUBRULE(this.inTail); } },
        { ALT: () => this.SUBRULE(this.singleTail, { ARGS: ['is'] }) },
      ]),
    }),
  );

  private isNotTail = this.RULE('isNotTail', (): Tail =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(K.exactly); return this.SUBRULE(this.listTail, { ARGS: ['is not exactly', false] }); } },
        { ALT: () => { this.CONSUME(K.between); return this.SUBRULE(this.rangeTail, { ARGS: ['is not between'] }); } },
        { ALT: () => this.SUBRULE(this.singleTail, { ARGS: ['is not'] }) },
      ],
    }),
  );

  /** After `is before` / `is after`: a value, or `property <name>` to compare with another date property. */
  private compareTail = this.RULE('compareTail', (operator: SurfaceOperator): Tail =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            const opEnd = this.ACTION(() => this.lastEnd());
            const keyword = this.CONSUME(K.property);
            const property = this.SUBRULE(this.propertyName);
            return this.ACTION((): Tail => ({
              operator,
              opEnd,
              operands: { kind: 'property', property, ...this.spanFrom(this.startOf(keyword)) },
            }));
          },
        },
        { ALT: () => this.SUBRULE(this.singleTail, { ARGS: [operator] }) },
      ],
    }),
  );

  /** `less than N days ago` / `more than N days from now` (after `is`). */
  private relativeTail = this.RULE('relativeTail', (): Tail => {
    const more = this.OR([{ ALT: () => { this.CONSUME(K.less); return false; } }, { ALT: () => { this.CONSUME(K.more); return true; } }]);
    this.CONSUME(K.than);
    const days = this.SUBRULE(this.daysOperand, { ARGS: ['is less than days ago'] });
    const fromNow = this.OR2([
      { ALT: () => { this.CONSUME(K.ago); return false; } },
      { ALT: () => { this.CONSUME(K.from); this.CONSUME(K.now); return true; } },
    ]);
    return this.ACTION((): Tail => {
      const operator = `is ${more ? 'more' : 'less'} than days ${fromNow ? 'from now' : 'ago'}` as SurfaceOperator;
      return { operator, opEnd: days.opEnd, operands: { ...days.operands, end: this.lastEnd() } };
    });
  });

  /** `in this month [so far]`, `in next [N] months`, `in last [N] months` (after `is`). */
  private inTail = this.RULE('inTail', (): Tail =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.this);
          const opEnd = this.ACTION(() => this.lastEnd());
          const unit = this.SUBRULE(this.calendarUnit);
          const soFar = this.OPTION(() => { this.CONSUME(K.so); this.CONSUME(K.far); return true; });
          return this.ACTION((): Tail => ({
            operator: soFar ? 'is in this so far' : 'is in this',
            opEnd,
            operands: { kind: 'calendar', unit: unit.unit, count: undefined, ...this.spanFrom(unit.start) },
          }));
        },
      },
      { ALT: () => { this.CONSUME(K.next); return this.SUBRULE(this.countedUnit, { ARGS: ['is in next'] }); } },
      { ALT: () => { this.CONSUME(K.last); return this.SUBRULE2(this.countedUnit, { ARGS: ['is in last'] }); } },
    ]),
  );

  private countedUnit = this.RULE('countedUnit', (operator: SurfaceOperator): Tail => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const count = this.OPTION(() => this.CONSUME(NumberLit));
    const unit = this.SUBRULE(this.calendarUnit);
    return this.ACTION((): Tail => {
      const countValue = count ? this.tokenValue(count) : undefined;
      const start = countValue ? countValue.start : unit.start;
      return { operator, opEnd, operands: { kind: 'calendar', unit: unit.unit, count: countValue, ...this.spanFrom(start) } };
    });
  });

  private calendarUnit = this.RULE('calendarUnit', (): { unit: CalendarUnit; start: number } => {
    const token = this.CONSUME(UnitWord);
    return this.ACTION(() => ({ unit: token.image.toLowerCase().replace(/s$/, '') as CalendarUnit, start: this.startOf(token) }));
  });

  private containsTail = this.RULE('containsTail', (base: 'contains' | 'does not contain'): Tail =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(K.all); this.CONSUME(K.of); return this.SUBRULE(this.listTail, { ARGS: [`${base} all of`, false] }); } },
        { ALT: () => { this.CONSUME(K.any); this.CONSUME2(K.of); return this.SUBRULE2(this.listTail, { ARGS: [`${base} any of`, false] }); } },
        { ALT: () => { this.CONSUME(K.exactly); return this.SUBRULE(this.singleTail, { ARGS: [`${base} exactly`] }); } },
        { ALT: () => this.SUBRULE2(this.singleTail, { ARGS: [base] }) },
      ],
    }),
  );

  private withTail = this.RULE('withTail', (operator: 'starts with' | 'ends with'): Tail =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(K.any); this.CONSUME(K.of); return this.SUBRULE(this.listTail, { ARGS: [operator, true] }); } },
        { ALT: () => this.SUBRULE(this.singleTail, { ARGS: [operator] }) },
      ],
    }),
  );

  /** `has ever been …`, `has never been …`, `has ever contained …`, `has never contained …`. */
  private historyTail = this.RULE('historyTail', (): Tail => {
    this.CONSUME(K.has);
    const ever = this.OR([{ ALT: () => { this.CONSUME(K.ever); return true; } }, { ALT: () => { this.CONSUME(K.never); return false; } }]);
    return this.OR2([
      { ALT: () => { this.CONSUME(K.been); return this.SUBRULE(this.beenTail, { ARGS: [ever] }); } },
      { ALT: () => { this.CONSUME(K.contained); return this.SUBRULE(this.containedTail, { ARGS: [ever] }); } },
    ]);
  });

  private beenTail = this.RULE('beenTail', (ever: boolean): Tail => {
    const base = ever ? 'has ever been' : 'has never been';
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(K.any); this.CONSUME(K.of); return this.SUBRULE(this.listTail, { ARGS: [base, true] }); } },
        { ALT: () => { this.CONSUME(K.exactly); return this.SUBRULE2(this.listTail, { ARGS: [`${base} exactly`, false] }); } },
        { ALT: () => this.SUBRULE(this.singleTail, { ARGS: [base] }) },
      ],
    });
  });

  private containedTail = this.RULE('containedTail', (ever: boolean): Tail => {
    const base = ever ? 'has ever contained' : 'has never contained';
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(K.all); this.CONSUME(K.of); return this.SUBRULE(this.listTail, { ARGS: [base, false] }); } },
        { ALT: () => this.SUBRULE(this.singleTail, { ARGS: [base] }) },
      ],
    });
  });
}
