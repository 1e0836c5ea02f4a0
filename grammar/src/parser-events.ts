// Grammar of the conditions on what a contact did, agreed to or is linked to, beyond its properties:
// subscription statuses (`opted in to email subscription #123`, `opted out of all sms`), counts of
// associated records (`number of associated deals >= 2`), the associated object words, marketing
// email events (`marketing email #456 of app #113 opened`, `marketing email any opened`) and page views (`visited page containing "/pricing"`).

import type { AssociationCountCondition, CountComparison, EmailEventCondition, EmailTarget, ErrorCondition, Name, PageMatch, PageViewCondition, SubscriptionCondition, SubscriptionRef, SubscriptionStatus, TimeWindow, Value } from './ast';
import { PhraseParser } from './parser-phrase';
import * as T from './tokens';

const { AnyWord, Comma, DateLit, DateTimeLit, Equals, Greater, GreaterEq, Less, LessEq, ListId, LParen, NumberLit, RParen, StringLit, Kw: K } = T;

const OBJECT_WORDS: Record<string, string> = { company: 'company', companies: 'company', deal: 'deal', deals: 'deal', ticket: 'ticket', tickets: 'ticket' };

type Target = { channel: Name; subscriptions: SubscriptionRef[]; all: boolean };

export class EventParser extends PhraseParser {
  /** `opted in to …`, `opted out of …`, `opted neither in nor out of …`, then the subscription(s). */
  protected subscriptionCondition = this.RULE('subscriptionCondition', (): SubscriptionCondition | ErrorCondition => {
    const first = this.CONSUME(K.opted);
    const status = this.OR([
      { ALT: () => { this.CONSUME(K.in); this.CONSUME(K.to); return 'opted in' as SubscriptionStatus; } },
      { ALT: () => { this.CONSUME(K.out); this.CONSUME(K.of); return 'opted out' as SubscriptionStatus; } },
      {
        ALT: () => {
          this.CONSUME(K.neither);
          this.CONSUME2(K.in);
          this.CONSUME(K.nor);
          this.CONSUME2(K.out);
          this.CONSUME2(K.of);
          return 'not opted' as SubscriptionStatus;
        },
      },
    ]);
    const target = this.SUBRULE(this.subscriptionTarget);
    return this.ACTION(() => {
      const start = this.startOf(first);
      if (!target || !status) return this.errorCondition(start);
      return { kind: 'subscription', status, ...target, ...this.spanFrom(start) };
    });
  });

  /** `all <channel>`, `<channel> subscription #id|"name"`, `<channel> subscriptions (#id, "name", …)`. */
  private subscriptionTarget = this.RULE('subscriptionTarget', (): Target | undefined =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.all);
          const channel = this.CONSUME(AnyWord);
          return this.ACTION(() => ({ channel: this.nameOf(channel), subscriptions: [], all: true }));
        },
      },
      {
        ALT: () => {
          const channel = this.CONSUME2(AnyWord);
          const subscriptions = this.OR2([
            { ALT: () => { this.CONSUME(K.subscription); return [this.SUBRULE(this.subscriptionRef)]; } },
            {
              ALT: () => {
                this.CONSUME(K.subscriptions);
                this.CONSUME(LParen);
                const list = [this.SUBRULE2(this.subscriptionRef)];
                this.MANY(() => { this.CONSUME(Comma); list.push(this.SUBRULE3(this.subscriptionRef)); });
                this.CONSUME(RParen);
                return list;
              },
            },
          ]);
          return this.ACTION(() => ({ channel: this.nameOf(channel), subscriptions, all: false }));
        },
      },
    ]),
  );

  /** One subscription: `#123` (its id) or `"Newsletter"` (its name). */
  private subscriptionRef = this.RULE('subscriptionRef', (): SubscriptionRef =>
    this.OR([
      {
        ALT: () => {
          const id = this.CONSUME(ListId);
          return this.ACTION((): SubscriptionRef => ({ ...this.idOf(id), by: 'id' }));
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME(StringLit);
          return this.ACTION((): SubscriptionRef => ({ text: this.stringText(name), ...this.tokenSpan(name), by: 'name' }));
        },
      },
    ]),
  );

  /** `company`, `deals`, …: the object of an association, as its singular word (the span is the word written). */
  protected associatedObject = this.RULE('associatedObject', (): Name => {
    const token = this.OR([
      { ALT: () => this.CONSUME(K.company) },
      { ALT: () => this.CONSUME(K.companies) },
      { ALT: () => this.CONSUME(K.deal) },
      { ALT: () => this.CONSUME(K.deals) },
      { ALT: () => this.CONSUME(K.ticket) },
      { ALT: () => this.CONSUME(K.tickets) },
    ]);
    return this.ACTION(() => ({ text: OBJECT_WORDS[token.image.toLowerCase()] ?? token.image.toLowerCase(), ...this.tokenSpan(token) }));
  });

  /** `number of associated [primary] <objects> <comparison>`. */
  protected associationCountCondition = this.RULE('associationCountCondition', (): AssociationCountCondition | ErrorCondition => {
    const first = this.CONSUME(K.number);
    this.CONSUME(K.of);
    this.CONSUME(K.associated);
    const primary = this.OPTION(() => this.CONSUME(K.primary)) !== undefined;
    const objectType = this.SUBRULE(this.associatedObject);
    const comparison = this.SUBRULE(this.countComparison);
    return this.ACTION(() => {
      const start = this.startOf(first);
      if (!objectType || !comparison) return this.errorCondition(start);
      return { kind: 'associationCount', objectType, primary, comparison, ...this.spanFrom(start) };
    });
  });

  /** `>= 2`, `= 0`, `is 3`, `is between 1 and 3`. */
  private countComparison = this.RULE('countComparison', (): CountComparison | undefined => {
    const start = this.ACTION(() => this.here());
    const found = this.OR([
      { ALT: () => { this.CONSUME(Greater); return { operator: '>' as const, low: this.CONSUME(NumberLit) }; } },
      { ALT: () => { this.CONSUME(GreaterEq); return { operator: '>=' as const, low: this.CONSUME2(NumberLit) }; } },
      { ALT: () => { this.CONSUME(Less); return { operator: '<' as const, low: this.CONSUME3(NumberLit) }; } },
      { ALT: () => { this.CONSUME(LessEq); return { operator: '<=' as const, low: this.CONSUME4(NumberLit) }; } },
      { ALT: () => { this.CONSUME(Equals); return { operator: 'is' as const, low: this.CONSUME5(NumberLit) }; } },
      {
        ALT: () => {
          this.CONSUME(K.is);
          return this.OR2([
            {
              ALT: () => {
                this.CONSUME(K.between);
                const low = this.CONSUME6(NumberLit);
                this.CONSUME(K.and);
                return { operator: 'is between' as const, low, high: this.CONSUME7(NumberLit) };
              },
            },
            { ALT: () => ({ operator: 'is' as const, low: this.CONSUME8(NumberLit) }) },
          ]);
        },
      },
    ]);
    return this.ACTION((): CountComparison | undefined => {
      if (!found) return undefined;
      const high: Value | undefined = 'high' in found && found.high ? this.tokenValue(found.high) : undefined;
      return { operator: found.operator, low: this.tokenValue(found.low), high, ...this.spanFrom(start) };
    });
  });

  /** `marketing email #456 of app #113 <event> [link "<url>"] [in last N days | after D | before D | between D and D]`, the email by name (`marketing email "November newsletter" <event>`), or any email (`marketing email any opened`). */
  protected emailEventCondition = this.RULE('emailEventCondition', (): EmailEventCondition | ErrorCondition => {
    const first = this.CONSUME(K.marketing);
    this.CONSUME(K.email);
    const email = this.OR([
      {
        ALT: () => {
          const id = this.CONSUME(ListId);
          this.CONSUME(K.of);
          this.CONSUME(K.app);
          const app = this.CONSUME2(ListId);
          return this.ACTION((): EmailTarget => ({ by: 'ids', emailId: this.idOf(id), appId: this.idOf(app) }));
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME(StringLit);
          const app = this.OPTION(() => {
            this.CONSUME2(K.of);
            this.CONSUME2(K.app);
            return this.CONSUME3(ListId);
          });
          return this.ACTION((): EmailTarget => ({ by: 'name', name: { text: this.stringText(name), ...this.tokenSpan(name) }, appId: app ? this.idOf(app) : undefined }));
        },
      },
      {
        ALT: () => {
          const any = this.CONSUME(K.any);
          return this.ACTION((): EmailTarget => ({ by: 'any', any: this.tokenSpan(any) }));
        },
      },
    ]);
    const event = this.SUBRULE(this.emailEventWords);
    // `link "…"` after the event (`clicked link "https://…"`); `link` is a plain word, no keyword.
    const link = this.OPTION3({
      GATE: () => this.LA(1).image.toLowerCase() === 'link',
      DEF: () => {
        this.CONSUME5(AnyWord);
        return this.CONSUME2(StringLit);
      },
    });
    const window = this.OPTION4(() => this.SUBRULE(this.eventWindow));
    return this.ACTION(() => {
      const start = this.startOf(first);
      if (!event || !email) return this.errorCondition(start);
      const clickUrl = link ? { text: this.stringText(link), ...this.tokenSpan(link) } : undefined;
      const withinLastDays = window && 'days' in window ? window.days : undefined;
      const node: EmailEventCondition = { kind: 'emailEvent', email, event, clickUrl, withinLastDays, ...this.spanFrom(start) };
      if (window && !('days' in window)) node.window = window;
      return node;
    });
  });

  /** `opened`, `marked spam`, `opened but not clicked`: one word, `spam` after it, or `but not` and a word. */
  private emailEventWords = this.RULE('emailEventWords', (): Name | undefined => {
    const words = [this.CONSUME(AnyWord)];
    this.OPTION({ GATE: () => this.LA(1).image.toLowerCase() === 'spam', DEF: () => { words.push(this.CONSUME2(AnyWord)); } });
    this.OPTION2({
      GATE: () => this.LA(1).image.toLowerCase() === 'but',
      DEF: () => {
        words.push(this.CONSUME3(AnyWord));
        words.push(this.CONSUME(K.not));
        words.push(this.CONSUME4(AnyWord));
      },
    });
    return this.ACTION(() => {
      const span = { start: this.startOf(words[0]), end: this.tokenSpan(words[words.length - 1]).end };
      return { text: words.map((w) => w.image.toLowerCase()).join(' '), ...span };
    });
  });

  /** `visited page [containing|matching] "<url>" [at least N times] [in last N days]`. */
  protected pageViewCondition = this.RULE('pageViewCondition', (): PageViewCondition | ErrorCondition => {
    const first = this.CONSUME(K.visited);
    this.CONSUME(K.page);
    const match = this.OPTION(() =>
      this.OR([
        { ALT: () => { this.CONSUME(K.containing); return 'containing' as PageMatch; } },
        { ALT: () => { this.CONSUME(K.matching); return 'matching' as PageMatch; } },
      ]),
    );
    const url = this.CONSUME(StringLit);
    const atLeastTimes = this.OPTION2(() => {
      this.CONSUME(K.at);
      this.CONSUME(K.least);
      const count = this.CONSUME(NumberLit);
      this.CONSUME(K.times);
      return count;
    });
    const withinLastDays = this.SUBRULE2(this.lastDaysWindow);
    return this.ACTION(() => {
      const start = this.startOf(first);
      const times = atLeastTimes ? this.tokenValue(atLeastTimes) : undefined;
      return { kind: 'pageView', match: match ?? 'is', url: { text: this.stringText(url), ...this.tokenSpan(url) }, atLeastTimes: times, withinLastDays, ...this.spanFrom(start) };
    });
  });

  /** A window on events (form submissions, email events): `in last N days`, `after D`, `before D`, `between D and D` (D a date or an instant). */
  protected eventWindow = this.RULE('eventWindow', (): TimeWindow | { days: Value } => {
    const start = this.ACTION(() => this.here());
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(K.in);
          this.CONSUME(K.last);
          const days = this.CONSUME(NumberLit);
          this.SUBRULE(this.daysWord);
          return this.ACTION(() => ({ days: this.tokenValue(days) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.after);
          const at = this.SUBRULE(this.windowTime);
          return this.ACTION((): TimeWindow => ({ kind: 'after', at, ...this.spanFrom(start) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.before);
          const at = this.SUBRULE2(this.windowTime);
          return this.ACTION((): TimeWindow => ({ kind: 'before', at, ...this.spanFrom(start) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.between);
          const low = this.SUBRULE3(this.windowTime);
          this.CONSUME(K.and);
          const high = this.SUBRULE4(this.windowTime);
          return this.ACTION((): TimeWindow => ({ kind: 'between', low, high, ...this.spanFrom(start) }));
        },
      },
    ]);
  });

  /** A date (a whole day in the list's zone) or an instant. */
  protected windowTime = this.RULE('windowTime', (): Value => {
    const token = this.OR([{ ALT: () => this.CONSUME(DateTimeLit) }, { ALT: () => this.CONSUME(DateLit) }]);
    return this.ACTION(() => this.tokenValue(token));
  });

  /** `in last N days`, optional. */
  private lastDaysWindow = this.RULE('lastDaysWindow', (): Value | undefined =>
    this.OPTION(() => {
      this.CONSUME(K.in);
      this.CONSUME(K.last);
      const days = this.CONSUME(NumberLit);
      this.SUBRULE(this.daysWord);
      return this.ACTION((): Value => this.tokenValue(days));
    }),
  );

  /** `#123` as a name without the `#`, its span keeping it. */
  protected idOf(token: ReturnType<EventParser['LA']>): Name {
    const span = this.tokenSpan(token);
    return { text: token.image.replace(/^#/, ''), ...span };
  }
}
