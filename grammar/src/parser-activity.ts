// Grammar of what a contact did with a webinar, a call-to-action or ads: `registered for webinar #123`,
// `attended any webinar`, `clicked cta "<ctaName>" at least 2 times in last 30 days`, `saw any ad after
// 2024-01-01`. Counts and windows are the forms' (`occurrenceCount`, `eventWindow`).

import type { IToken } from './chevrotain';
import type { AdsSeenCondition, CtaCondition, ErrorCondition, OccurrenceCount, TimeWindow, Value, WebinarCondition, WebinarRef } from './ast';
import { EventParser } from './parser-events';
import * as T from './tokens';

const { ListId, NumberLit, StringLit, Kw: K } = T;

export class ActivityParser extends EventParser {
  /** `registered for webinar #id|"id"`, `attended webinar #id|"id"`, `… any webinar`. */
  protected webinarCondition = this.RULE('webinarCondition', (): WebinarCondition | ErrorCondition => {
    const first = this.OR([
      {
        ALT: () => {
          const word = this.CONSUME(K.registered);
          this.CONSUME(K.for);
          return word;
        },
      },
      { ALT: () => this.CONSUME(K.attended) },
    ]);
    const webinar = this.OR2([
      {
        ALT: () => {
          this.CONSUME(K.any);
          this.CONSUME(K.webinar);
          return 'any' as const;
        },
      },
      {
        ALT: () => {
          this.CONSUME2(K.webinar);
          return this.SUBRULE(this.webinarRef);
        },
      },
    ]);
    return this.ACTION(() => {
      const start = this.startOf(first);
      if (webinar === undefined) return this.errorCondition(start);
      const action = first.image.toLowerCase() === 'attended' ? 'attended' : 'registered';
      return { kind: 'webinar', action, webinar: webinar === 'any' ? undefined : webinar, ...this.spanFrom(start) };
    });
  });

  private webinarRef = this.RULE('webinarRef', (): WebinarRef =>
    this.OR([
      {
        ALT: () => {
          const id = this.CONSUME(ListId);
          return this.ACTION((): WebinarRef => ({ ...this.idOf(id), quoted: false }));
        },
      },
      {
        ALT: () => {
          const text = this.CONSUME(StringLit);
          return this.ACTION((): WebinarRef => ({ text: this.stringText(text), ...this.tokenSpan(text), quoted: true }));
        },
      },
    ]),
  );

  /** `clicked|viewed cta "<ctaName>"`, then an optional count and an optional window, as for forms. */
  protected ctaCondition = this.RULE('ctaCondition', (): CtaCondition | ErrorCondition => {
    const first = this.OR([{ ALT: () => this.CONSUME(K.clicked) }, { ALT: () => this.CONSUME(K.viewed) }]);
    this.CONSUME(K.cta);
    const name = this.CONSUME(StringLit);
    const count = this.OPTION(() => this.SUBRULE(this.occurrenceCount));
    const window = this.OPTION2(() => this.SUBRULE(this.eventWindow));
    return this.ACTION(() => {
      const start = this.startOf(first);
      const action = first.image.toLowerCase() === 'viewed' ? 'viewed' : 'clicked';
      const node: CtaCondition = { kind: 'cta', action, cta: { text: this.stringText(name), ...this.tokenSpan(name) }, withinLastDays: lastDaysOf(window), ...this.spanFrom(start) };
      if (count) node.count = count;
      if (window && !('days' in window)) node.window = window;
      return node;
    });
  });

  /** `saw any ad <window>`: the window is required, as ADS_TIME's pruningRefineBy is. */
  protected adsSeenCondition = this.RULE('adsSeenCondition', (): AdsSeenCondition | ErrorCondition => {
    const first = this.CONSUME(K.saw);
    this.CONSUME(K.any);
    this.CONSUME(K.ad);
    const window = this.SUBRULE(this.eventWindow);
    return this.ACTION(() => {
      const start = this.startOf(first);
      if (!window) return this.errorCondition(start);
      const node: AdsSeenCondition = { kind: 'adsSeen', withinLastDays: lastDaysOf(window), ...this.spanFrom(start) };
      if (!('days' in window)) node.window = window;
      return node;
    });
  });

  /** `at least N times`, `at most N times`, `between N and M times` (numbers: a date after `between` is a window). */
  protected occurrenceCount = this.RULE('occurrenceCount', (): OccurrenceCount => {
    const start = this.ACTION(() => this.here());
    const bounds = this.OR([
      {
        ALT: () => {
          this.CONSUME(K.at);
          return this.OR2([
            { ALT: () => { this.CONSUME(K.least); return { min: this.CONSUME(NumberLit) }; } },
            { ALT: () => { this.CONSUME(K.most); return { max: this.CONSUME2(NumberLit) }; } },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.between);
          const min = this.CONSUME3(NumberLit);
          this.CONSUME(K.and);
          return { min, max: this.CONSUME4(NumberLit) };
        },
      },
    ]);
    this.CONSUME(K.times);
    return this.ACTION((): OccurrenceCount => {
      const value = (t: IToken | undefined) => (t ? this.tokenValue(t) : undefined);
      return { min: value(bounds?.min), max: value(bounds?.max), ...this.spanFrom(start) };
    });
  });
}

function lastDaysOf(window: TimeWindow | { days: Value } | undefined): Value | undefined {
  return window && 'days' in window ? window.days : undefined;
}
