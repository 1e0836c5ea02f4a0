// Grammar of criteria: `or` binds loosest, then `and`, then `not`, then primaries (parentheses,
// list membership, company association, form submission, constants, property conditions).
// Rules build our own tree (ast.ts) directly; a rule that fails returns an ErrorCondition whose
// span the caller completes, so a bad condition never hides the ones after it.

import type { IOrAlt } from './chevrotain';
import type { AssociationLabelRef, Expr, ErrorCondition, FormSubmissionCondition, InListCondition, Name, PageRef, Span } from './ast';
import { ParserBase } from './parser-base';
import { type Phrase } from './parser-phrase';
import { ActivityParser } from './parser-activity';
import * as T from './tokens';

// Module-level references to token types (cheaper than a namespace lookup on every use).
const { LParen, ListId, RParen, StringLit, Kw: K } = T;


/** Placeholder a failed rule returns; `complete` gives it its real span. */
const LOST = (): ErrorCondition => ({ kind: 'error', start: NaN, end: NaN });

export class ExprParser extends ActivityParser {
  /** Give an ErrorCondition from recovery the span from where its rule began to the last token skipped. */
  protected complete(expr: Expr | undefined, start: number): Expr {
    if (!expr || (expr.kind === 'error' && Number.isNaN(expr.start))) return this.errorCondition(start);
    return expr;
  }

  public orExpr = this.RULE('orExpr', () => this.joined('or'), { recoveryValueFunc: LOST });

  public andExpr = this.RULE('andExpr', () => this.joined('and'), { recoveryValueFunc: LOST });

  /** `a or b or c` / `a and b and c` as one node; the two rules differ only in keyword and operand rule. */
  private joined(kind: 'and' | 'or'): Expr {
    const keyword = kind === 'or' ? K.or : K.and;
    const operandRule = kind === 'or' ? this.andExpr : this.notExpr;
    const operands: Expr[] = [];
    let start = this.RECORDING_PHASE ? 0 : this.here();
    const first = this.SUBRULE(operandRule);
    if (!this.RECORDING_PHASE) operands.push(this.complete(first, start));
    this.MANY(() => {
      this.CONSUME(keyword);
      start = this.RECORDING_PHASE ? 0 : this.here();
      const next = this.SUBRULE2(operandRule);
      if (!this.RECORDING_PHASE) operands.push(this.complete(next, start));
    });
    if (this.RECORDING_PHASE) return first;
    if (operands.length === 1) return operands[0];
    return { kind, operands, start: operands[0].start, end: operands[operands.length - 1].end };
  }

  private notAlts: IOrAlt<Expr>[] | undefined;

  public notExpr: () => Expr = this.RULE(
    'notExpr',
    () =>
      this.OR((this.notAlts ??= [
        {
          ALT: () => {
            const not = this.CONSUME(K.not);
            const innerStart = this.ACTION(() => this.here());
            const inner = this.SUBRULE(this.notExpr);
            return this.ACTION((): Expr => {
              const operand = this.complete(inner, innerStart);
              return { kind: 'not', operand, start: this.startOf(not), end: Math.max(operand.end, this.lastEnd()) };
            });
          },
        },
        { ALT: () => this.SUBRULE(this.primary) },
      ])),
    { recoveryValueFunc: LOST },
  );

  private primaryAlts: IOrAlt<Expr>[] | undefined;

  public primary: () => Expr = this.RULE(
    'primary',
    () =>
      this.OR((this.primaryAlts ??= [
        { ALT: () => this.SUBRULE(this.parenExpr) },
        { ALT: () => this.SUBRULE(this.inListCondition) },
        { ALT: () => this.SUBRULE(this.associationCondition) },
        { ALT: () => this.SUBRULE(this.formCondition) },
        { ALT: () => this.SUBRULE(this.subscriptionCondition) },
        { ALT: () => this.SUBRULE(this.associationCountCondition) },
        { ALT: () => this.SUBRULE(this.emailEventCondition) },
        { ALT: () => this.SUBRULE(this.pageViewCondition) },
        { ALT: () => this.SUBRULE(this.webinarCondition) },
        { ALT: () => this.SUBRULE(this.ctaCondition) },
        { ALT: () => this.SUBRULE(this.adsSeenCondition) },
        { ALT: () => this.SUBRULE(this.conditionReference) },
        { ALT: () => this.constant(this.CONSUME(K.everyone), true) },
        { ALT: () => this.constant(this.CONSUME(K.nobody), false) },
        { ALT: () => this.SUBRULE(this.propertyCondition) },
      ])),
    { recoveryValueFunc: LOST },
  );

  private constant(token: ReturnType<ParserBase['LA']>, accept: boolean): Expr {
    return this.ACTION(() => ({ kind: 'constant', accept, ...this.tokenSpan(token) }));
  }

  private parenExpr = this.RULE('parenExpr', (): Expr => {
    const open = this.CONSUME(LParen);
    const innerStart = this.ACTION(() => this.here());
    const inner = this.SUBRULE(this.orExpr);
    this.CONSUME(RParen);
    return this.ACTION(() => ({ kind: 'paren', inner: this.complete(inner, innerStart), ...this.spanFrom(this.startOf(open)) }));
  });

  /** `condition <name>`: a named condition of the workspace. */
  private conditionReference = this.RULE('conditionReference', (): Expr => {
    const keyword = this.CONSUME(K.condition);
    const name = this.SUBRULE(this.definitionName);
    return this.ACTION(() => (name ? { kind: 'conditionRef' as const, name, ...this.spanFrom(this.startOf(keyword)) } : this.errorCondition(this.startOf(keyword))));
  });

  private inListCondition = this.RULE('inListCondition', (): InListCondition => {
    const first = this.CONSUME(K.in);
    this.CONSUME(K.list);
    const target = this.SUBRULE(this.inListTarget);
    return this.ACTION(() => ({ kind: 'inList', target, ...this.spanFrom(this.startOf(first)) }));
  });

  private inListTarget = this.RULE('inListTarget', (): InListCondition['target'] =>
    this.OR([
      {
        ALT: () => {
          const name = this.CONSUME(StringLit);
          return this.ACTION(() => ({ by: 'name' as const, text: this.stringText(name), ...this.tokenSpan(name) }));
        },
      },
      {
        ALT: () => {
          const id = this.CONSUME(ListId);
          return this.ACTION(() => ({ by: 'id' as const, text: id.image.slice(1), ...this.tokenSpan(id) }));
        },
      },
    ]),
  );

  private associationCondition = this.RULE('associationCondition', (): Expr => {
    const first = this.CONSUME(K.associated);
    const primary = this.OPTION(() => this.CONSUME(K.primary)) !== undefined;
    const objectType = this.SUBRULE(this.associatedObject);
    const label = this.OPTION2(() => {
      this.CONSUME(K.labeled);
      return this.OR2([
        {
          ALT: () => {
            const id = this.CONSUME(ListId);
            return this.ACTION((): AssociationLabelRef => ({ ...this.idOf(id), by: 'id' }));
          },
        },
        {
          ALT: () => {
            const name = this.CONSUME(StringLit);
            return this.ACTION((): AssociationLabelRef => ({ text: this.stringText(name), ...this.tokenSpan(name), by: 'name' }));
          },
        },
      ]);
    });
    this.CONSUME(K.where);
    const whereStart = this.ACTION(() => this.here());
    // One condition, a `not`, or a parenthesised expression: `and` after it continues the outer chain.
    const where = this.SUBRULE2(this.notExpr);
    return this.ACTION(() => {
      const node: Expr = { kind: 'association', objectType, primary, where: this.complete(where, whereStart), ...this.spanFrom(this.startOf(first)) };
      return label ? { ...node, label } : node;
    });
  });

  /** `submitted form "<form>"` | `submitted any form`, then an optional count and an optional window, in that order. */
  private formCondition = this.RULE('formCondition', (): FormSubmissionCondition | ErrorCondition => {
    const first = this.CONSUME(K.submitted);
    const target = this.SUBRULE(this.formTarget);
    // Directly after the form, before the count and window; an index of its own so clauses added after it keep theirs.
    const page = this.OPTION9(() => this.SUBRULE(this.formPage));
    const count = this.OPTION(() => this.SUBRULE(this.occurrenceCount));
    const window = this.OPTION2(() => this.SUBRULE(this.eventWindow));
    return this.ACTION(() => {
      // A target lost in recovery is undefined, which must not read as `any form`.
      if (target === undefined) return this.errorCondition(this.startOf(first));
      const formId = target === 'any' ? undefined : target;
      const withinLastDays = window && 'days' in window ? window.days : undefined;
      const node: FormSubmissionCondition = { kind: 'formSubmission', formId, withinLastDays, ...this.spanFrom(this.startOf(first)) };
      if (page) node.page = page;
      if (count) node.count = count;
      if (window && !('days' in window)) node.window = window;
      return node;
    });
  });

  /** `on page "Pricing"` | `on page #123`: where the submission happened (HubSpot's FORM_SUBMISSION_ON_PAGE). */
  private formPage = this.RULE('formPage', (): PageRef => {
    this.CONSUME(K.on);
    this.CONSUME(K.page);
    return this.OR([
      {
        ALT: () => {
          const id = this.CONSUME(ListId);
          return this.ACTION((): PageRef => ({ text: id.image.slice(1), ...this.tokenSpan(id), by: 'id' }));
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME(StringLit);
          return this.ACTION((): PageRef => ({ text: this.stringText(name), ...this.tokenSpan(name), by: 'name' }));
        },
      },
    ]);
  });

  /** `form "<id>"` → its name; `any form` → 'any'; undefined only when recovery lost it. */
  private formTarget = this.RULE('formTarget', (): Name | 'any' | undefined =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.form);
          const id = this.CONSUME(StringLit);
          return this.ACTION(() => ({ text: this.stringText(id), ...this.tokenSpan(id) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.any);
          this.CONSUME2(K.form);
          return 'any' as const;
        },
      },
    ]),
  );

  /** `including unknown` after a property condition (a method, so OPTION gets no new closure per call). */
  private includeUnknownDef = (): Span => {
    const including = this.CONSUME(K.including);
    this.CONSUME(K.unknown);
    return this.ACTION(() => this.spanFrom(this.startOf(including)));
  };

  public propertyCondition = this.RULE(
    'propertyCondition',
    (): Expr => {
      const start = this.RECORDING_PHASE ? 0 : this.here();
      const property = this.SUBRULE(this.propertyName);
      const phrase: Phrase | undefined = this.SUBRULE(this.opPhrase);
      const includeUnknown = this.OPTION(this.includeUnknownDef);
      if (this.RECORDING_PHASE) return property as never;
      if (!phrase) return this.errorCondition(start);
      const { operator, operatorSpan, operands } = phrase;
      return { kind: 'property', property, operator, operatorSpan, operands, includeUnknown, start, end: Math.max(start, this.lastEnd()) };
    },
    { recoveryValueFunc: LOST },
  );
}
