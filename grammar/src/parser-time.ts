// Grammar of time values: a date or datetime literal, or a time relative to when HubSpot evaluates
// the list (`today`, `now`, `start of month`, `3 days before today`), and the tail that reads one
// after a date phrase (`is before …`, `is between … and …`, `was updated after …`).

import type { IOrAlt } from './chevrotain';
import type { RelativeAnchor, RelativeOffset, SurfaceOperator, Value } from './ast';
import { ValueParser, type Tail } from './parser-value';
import * as T from './tokens';

const { NumberLit, Kw: K } = T;

export class TimeParser extends ValueParser {
  private timeValueAlts: IOrAlt<Value | undefined>[] | undefined;

  /** A relative time or any literal; a relative one is tried first, so `today` is never an option value here. */
  public timeValue = this.RULE('timeValue', (): Value | undefined =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: (this.timeValueAlts ??= [
        { ALT: () => this.SUBRULE(this.relativeTime) },
        { ALT: () => this.SUBRULE(this.propertyTime) },
        { ALT: () => this.SUBRULE(this.value) },
      ]),
    }),
  );

  /** `property P` (its value) or `when P was updated` (its last update): another property as a time. */
  private propertyTime = this.RULE('propertyTime', (): Value | undefined => {
    const start = this.ACTION(() => this.here());
    const found = this.OR([
      {
        ALT: () => {
          this.CONSUME(K.property);
          return { property: this.SUBRULE(this.propertyName), updated: false };
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.when);
          const property = this.SUBRULE2(this.propertyName);
          this.CONSUME(K.was);
          this.CONSUME(K.updated);
          return { property, updated: true };
        },
      },
    ]);
    return this.ACTION((): Value | undefined => (found?.property ? { kind: 'property', ...found, ...this.spanFrom(start) } : undefined));
  });

  /** `[N unit(s) before|after] anchor`. */
  private relativeTime = this.RULE('relativeTime', (): Value | undefined => {
    const start = this.ACTION(() => this.here());
    const offset = this.OPTION(() => this.SUBRULE(this.relativeOffset));
    const anchor = this.SUBRULE(this.relativeAnchor);
    return this.ACTION((): Value | undefined => (anchor ? { kind: 'relative', anchor, offset, ...this.spanFrom(start) } : undefined));
  });

  private relativeOffset = this.RULE('relativeOffset', (): RelativeOffset | undefined => {
    const count = this.CONSUME(NumberLit);
    const unit = this.SUBRULE(this.calendarUnit);
    const direction = this.OR([
      { ALT: () => { this.CONSUME(K.before); return 'before' as const; } },
      { ALT: () => { this.CONSUME(K.after); return 'after' as const; } },
    ]);
    return this.ACTION(() => (unit ? { count: Number(count.image), unit: unit.unit, direction } : undefined));
  });

  private relativeAnchor = this.RULE('relativeAnchor', (): RelativeAnchor | undefined =>
    this.OR([
      { ALT: () => { this.CONSUME(K.today); return 'today' as const; } },
      { ALT: () => { this.CONSUME(K.now); return 'now' as const; } },
      {
        ALT: () => {
          const edge = this.OR2([
            { ALT: () => { this.CONSUME(K.start); return 'start' as const; } },
            { ALT: () => { this.CONSUME(K.end); return 'end' as const; } },
          ]);
          this.CONSUME(K.of);
          const unit = this.SUBRULE(this.calendarUnit);
          return this.ACTION((): RelativeAnchor | undefined => (unit ? `${edge} of ${unit.unit}` : undefined));
        },
      },
    ]),
  );

  /** One time value after a date phrase's words. */
  protected timeTail = this.RULE('timeTail', (operator: SurfaceOperator): Tail | undefined => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const value = this.SUBRULE(this.timeValue);
    return this.ACTION((): Tail | undefined => (value ? { operator, opEnd, operands: { kind: 'single', value, start: value.start, end: value.end } } : undefined));
  });

  /** `A and B`: two time values (or numbers: `is between 50 and 500`). */
  protected rangeTail = this.RULE('rangeTail', (operator: SurfaceOperator): Tail | undefined => {
    const opEnd = this.ACTION(() => this.lastEnd());
    const low = this.SUBRULE(this.timeValue);
    this.CONSUME(K.and);
    const high = this.SUBRULE2(this.timeValue);
    return this.ACTION(() => (low && high ? { operator, opEnd, operands: { kind: 'range', low, high, start: low.start, end: this.lastEnd() } } : undefined));
  });
}
