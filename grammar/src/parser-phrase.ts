// Grammar of operator phrases and their operands: `is any of (a, b)`, `is less than 90 days ago`,
// `has ever been exactly (x)`. Alternatives that share words are ordered most specific first (and
// marked IGNORE_AMBIGUITIES), because a bare value may be any word: `is known` is the phrase, not
// the value "known"; quote the value to mean the word.

import type { IOrAlt } from './chevrotain';
import type { SurfaceOperator } from './ast';
import { ALL_OF, OP, type Phrase, type Tail } from './parser-value';
import { TimeParser } from './parser-time';
import * as T from './tokens';

export type { Phrase, Tail } from './parser-value';

// Module-level references to token types (cheaper than a namespace lookup on every use).
const { Equals, Greater, GreaterEq, Less, LessEq, NotEquals, Kw: K } = T;

export class PhraseParser extends TimeParser {
  private opPhraseAlts: IOrAlt<Tail | undefined>[] | undefined;
  private isTailAlts: IOrAlt<Tail | undefined>[] | undefined;

  public opPhrase = this.RULE(
    'opPhrase',
    (): Phrase | undefined => {
      const start = this.RECORDING_PHASE ? 0 : this.startOf(this.LA(1));
      const tail: Tail | undefined = this.OR((this.opPhraseAlts ??= [
        { ALT: () => { this.CONSUME(K.is); return this.SUBRULE(this.isTail); } },
        { ALT: () => this.SUBRULE(this.updatedTail) },
        { ALT: () => { this.CONSUME(Equals); return this.SUBRULE(this.singleTail, OP['is']); } },
        { ALT: () => { this.CONSUME(NotEquals); return this.SUBRULE2(this.singleTail, OP['is not']); } },
        { ALT: () => { this.CONSUME(Greater); return this.SUBRULE3(this.singleTail, OP['>']); } },
        { ALT: () => { this.CONSUME(GreaterEq); return this.SUBRULE4(this.singleTail, OP['>=']); } },
        { ALT: () => { this.CONSUME(Less); return this.SUBRULE5(this.singleTail, OP['<']); } },
        { ALT: () => { this.CONSUME(LessEq); return this.SUBRULE6(this.singleTail, OP['<=']); } },
        { ALT: () => { this.CONSUME(K.contains); return this.SUBRULE(this.containsTail, OP['contains']); } },
        {
          ALT: () => {
            this.CONSUME(K.does);
            this.CONSUME(K.not);
            this.CONSUME(K.contain);
            return this.SUBRULE2(this.containsTail, OP['does not contain']);
          },
        },
        { ALT: () => { this.CONSUME(K.starts); this.CONSUME(K.with); return this.SUBRULE(this.withTail, OP['starts with']); } },
        { ALT: () => { this.CONSUME(K.ends); this.CONSUME2(K.with); return this.SUBRULE2(this.withTail, OP['ends with']); } },
        { ALT: () => this.SUBRULE(this.historyTail) },
      ]));
      if (this.RECORDING_PHASE || !tail) return undefined;
      return { operator: tail.operator, operands: tail.operands, operatorSpan: { start, end: tail.opEnd } };
    },
    { recoveryValueFunc: () => undefined },
  );

  /** `was [not] updated in last N days`; `was updated before|after T`, `was updated between T and T` (the last update's time). */
  private updatedTail = this.RULE('updatedTail', (): Tail | undefined => {
    this.CONSUME(K.was);
    return this.OR([
      { ALT: () => { this.CONSUME(K.not); this.CONSUME(K.updated); return this.SUBRULE(this.updatedInLast, { ARGS: ['not updated in last'] }); } },
      { ALT: () => { this.CONSUME2(K.updated); return this.SUBRULE(this.updatedWhen); } },
    ]);
  });

  private updatedInLast = this.RULE('updatedInLast', (operator: SurfaceOperator): Tail => {
    this.CONSUME(K.in);
    this.CONSUME(K.last);
    return this.SUBRULE(this.daysOperand, { ARGS: [operator] });
  });

  private updatedWhen = this.RULE('updatedWhen', (): Tail | undefined =>
    this.OR([
      { ALT: () => this.SUBRULE(this.updatedInLast, { ARGS: ['updated in last'] }) },
      { ALT: () => { this.CONSUME(K.before); return this.SUBRULE(this.timeTail, { ARGS: ['updated before'] }); } },
      { ALT: () => { this.CONSUME(K.after); return this.SUBRULE2(this.timeTail, { ARGS: ['updated after'] }); } },
      { ALT: () => { this.CONSUME(K.between); return this.SUBRULE(this.rangeTail, { ARGS: ['updated between'] }); } },
    ]),
  );


  private isTail = this.RULE('isTail', (): Tail | undefined =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: (this.isTailAlts ??= [
        { ALT: () => { this.CONSUME(K.known); return this.noneTail('is known'); } },
        { ALT: () => { this.CONSUME(K.unknown); return this.noneTail('is unknown'); } },
        { ALT: () => { this.CONSUME(K.blank); return this.noneTail('is blank'); } },
        { ALT: () => { this.CONSUME(K.not); return this.SUBRULE(this.isNotTail); } },
        { ALT: () => { this.CONSUME(K.any); this.CONSUME(K.of); return this.SUBRULE(this.listTail, ALL_OF['is any of']); } },
        { ALT: () => { this.CONSUME(K.none); this.CONSUME2(K.of); return this.SUBRULE2(this.listTail, ALL_OF['is none of']); } },
        { ALT: () => { this.CONSUME(K.exactly); return this.SUBRULE3(this.listTail, ALL_OF['is exactly']); } },
        { ALT: () => { this.CONSUME(K.between); return this.SUBRULE(this.rangeTail, OP['is between']); } },
        // `is at least V` / `is at most V` (ordered enumerations); `is at` alone is the value `at`.
        { ALT: () => { this.CONSUME(K.at); this.CONSUME(K.least); return this.SUBRULE(this.singleTail, OP['is at least']); } },
        { ALT: () => { this.CONSUME2(K.at); this.CONSUME(K.most); return this.SUBRULE2(this.singleTail, OP['is at most']); } },
        { ALT: () => { this.CONSUME(K.before); return this.SUBRULE(this.compareTail, OP['is before']); } },
        { ALT: () => { this.CONSUME(K.after); return this.SUBRULE2(this.compareTail, OP['is after']); } },
        { ALT: () => this.SUBRULE(this.relativeTail) },
        { ALT: () => { this.CONSUME(K.in); return this.SUBRULE(this.inTail); } },
        { ALT: () => this.SUBRULE(this.timeTail, OP['is']) },
      ]),
    }),
  );

  private isNotTail = this.RULE('isNotTail', (): Tail | undefined =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(K.blank); return this.noneTail('is not blank'); } },
        { ALT: () => { this.CONSUME(K.exactly); return this.SUBRULE(this.listTail, ALL_OF['is not exactly']); } },
        { ALT: () => { this.CONSUME(K.between); return this.SUBRULE(this.rangeTail, OP['is not between']); } },
        { ALT: () => this.SUBRULE(this.timeTail, OP['is not']) },
      ],
    }),
  );

  /** After `is before` / `is after`: a value, or `property <name>` to compare with another date property. */
  private compareTail = this.RULE('compareTail', (operator: SurfaceOperator): Tail | undefined =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            const opEnd = this.ACTION(() => this.lastEnd());
            const keyword = this.CONSUME(K.property);
            const property = this.SUBRULE(this.propertyName);
            return this.ACTION((): Tail | undefined =>
              property ? { operator, opEnd, operands: { kind: 'property', property, ...this.spanFrom(this.startOf(keyword)) } } : undefined,
            );
          },
        },
        { ALT: () => this.SUBRULE(this.timeTail, { ARGS: [operator] }) },
      ],
    }),
  );

  /** `less than N days ago` / `more than N days from now` (after `is`). */
  private relativeTail = this.RULE('relativeTail', (): Tail | undefined => {
    const more = this.OR([{ ALT: () => { this.CONSUME(K.less); return false; } }, { ALT: () => { this.CONSUME(K.more); return true; } }]);
    this.CONSUME(K.than);
    const days = this.SUBRULE(this.daysOperand, OP['is less than days ago']);
    const fromNow = this.OR2([
      { ALT: () => { this.CONSUME(K.ago); return false; } },
      { ALT: () => { this.CONSUME(K.from); this.CONSUME(K.now); return true; } },
    ]);
    return this.ACTION((): Tail | undefined => {
      if (!days) return undefined;
      const operator = `is ${more ? 'more' : 'less'} than days ${fromNow ? 'from now' : 'ago'}` as SurfaceOperator;
      return { operator, opEnd: days.opEnd, operands: { ...days.operands, end: this.lastEnd() } };
    });
  });

  /** `in this month [so far]`, `in next [N] months`, `in last [N] months` (after `is`). */
  private inTail = this.RULE('inTail', (): Tail | undefined =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.this);
          const opEnd = this.ACTION(() => this.lastEnd());
          const unit = this.SUBRULE(this.calendarUnit);
          const soFar = this.OPTION(() => { this.CONSUME(K.so); this.CONSUME(K.far); return true; });
          return this.ACTION((): Tail | undefined =>
            unit ? { operator: soFar ? 'is in this so far' : 'is in this', opEnd, operands: { kind: 'calendar', unit: unit.unit, count: undefined, ...this.spanFrom(unit.start) } } : undefined,
          );
        },
      },
      { ALT: () => { this.CONSUME(K.next); return this.SUBRULE(this.countedUnit, OP['is in next']); } },
      { ALT: () => { this.CONSUME(K.last); return this.SUBRULE2(this.countedUnit, OP['is in last']); } },
      // `in the next 3 days`, `in the last 2 weeks`: the same phrases with HubSpot's UI wording.
      { ALT: () => { this.CONSUME(K.the); this.CONSUME2(K.next); return this.SUBRULE3(this.countedUnit, OP['is in next']); } },
      { ALT: () => { this.CONSUME2(K.the); this.CONSUME2(K.last); return this.SUBRULE4(this.countedUnit, OP['is in last']); } },
    ]),
  );


  private containsTail = this.RULE('containsTail', (base: 'contains' | 'does not contain'): Tail | undefined =>
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

  private withTail = this.RULE('withTail', (operator: 'starts with' | 'ends with'): Tail | undefined =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(K.any); this.CONSUME(K.of); return this.SUBRULE(this.listTail, { ARGS: [operator, true] }); } },
        { ALT: () => this.SUBRULE(this.singleTail, { ARGS: [operator] }) },
      ],
    }),
  );

  /** `has ever been …`, `has never been …`, `has ever contained …`, `has never contained …`. */
  private historyTail = this.RULE('historyTail', (): Tail | undefined => {
    this.CONSUME(K.has);
    const ever = this.OR([{ ALT: () => { this.CONSUME(K.ever); return true; } }, { ALT: () => { this.CONSUME(K.never); return false; } }]);
    return this.OR2([
      { ALT: () => { this.CONSUME(K.been); return this.SUBRULE(this.beenTail, { ARGS: [ever] }); } },
      { ALT: () => { this.CONSUME(K.contained); return this.SUBRULE(this.containedTail, { ARGS: [ever] }); } },
    ]);
  });

  private beenTail = this.RULE('beenTail', (ever: boolean): Tail | undefined => {
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

  private containedTail = this.RULE('containedTail', (ever: boolean): Tail | undefined => {
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
