// Grammar of the conditions on what a contact did or agreed to, beyond its properties:
// subscription statuses (`opted in to email subscription #123`, `opted out of all sms`).

import type { ErrorCondition, Name, SubscriptionCondition, SubscriptionStatus } from './ast';
import { PhraseParser } from './parser-phrase';
import * as T from './tokens';

const { AnyWord, Comma, ListId, LParen, RParen, Kw: K } = T;

type Target = { channel: Name; ids: Name[]; all: boolean };

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

  /** `all <channel>`, `<channel> subscription #id`, `<channel> subscriptions (#id, …)`. */
  private subscriptionTarget = this.RULE('subscriptionTarget', (): Target | undefined =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.all);
          const channel = this.CONSUME(AnyWord);
          return this.ACTION(() => ({ channel: this.nameOf(channel), ids: [], all: true }));
        },
      },
      {
        ALT: () => {
          const channel = this.CONSUME2(AnyWord);
          const ids = this.OR2([
            { ALT: () => { this.CONSUME(K.subscription); return [this.CONSUME(ListId)]; } },
            {
              ALT: () => {
                this.CONSUME(K.subscriptions);
                this.CONSUME(LParen);
                const list = [this.CONSUME2(ListId)];
                this.MANY(() => { this.CONSUME(Comma); list.push(this.CONSUME3(ListId)); });
                this.CONSUME(RParen);
                return list;
              },
            },
          ]);
          return this.ACTION(() => ({ channel: this.nameOf(channel), ids: ids.map((t) => this.idOf(t)), all: false }));
        },
      },
    ]),
  );

  /** `#123` as a name without the `#`, its span keeping it. */
  protected idOf(token: ReturnType<EventParser['LA']>): Name {
    const span = this.tokenSpan(token);
    return { text: token.image.replace(/^#/, ''), ...span };
  }
}
