// Recursive-descent parser for the SOQL subset:
//   SELECT (COUNT() | field, ...) FROM object [WHERE condition] [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...]
//   [LIMIT n] [OFFSET n]
// Conditions: comparisons, LIKE, [NOT] IN, INCLUDES, EXCLUDES, AND / OR / NOT and parentheses. As in Salesforce,
// AND and OR may not be mixed at one level without parentheses.

import type { CompareOp, Condition, FieldRef, Literal, OrderItem, SoqlError, SoqlQuery } from './ast';
import { soqlError } from './errors';
import { tokenize, type Token } from './lexer';

const DATE_LITERALS = new Set([
  'YESTERDAY', 'TODAY', 'TOMORROW', 'LAST_WEEK', 'THIS_WEEK', 'NEXT_WEEK', 'LAST_MONTH', 'THIS_MONTH',
  'NEXT_MONTH', 'LAST_90_DAYS', 'NEXT_90_DAYS', 'THIS_YEAR', 'LAST_YEAR', 'NEXT_YEAR',
]);
const PARAMETRISED_DATE_LITERALS = new Set(['LAST_N_DAYS', 'NEXT_N_DAYS']);
const CLAUSE_KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'ORDER', 'BY', 'LIMIT', 'OFFSET', 'AND', 'OR', 'NOT', 'IN', 'LIKE', 'INCLUDES', 'EXCLUDES', 'ASC', 'DESC', 'NULLS']);

/** Thrown only inside this module and always caught by parseSoql. */
class ParseFailure {
  constructor(readonly error: SoqlError) {}
}

export function parseSoql(source: string): SoqlQuery | SoqlError {
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return soqlError('MALFORMED_QUERY', source, tokens.offset, tokens.message);
  try {
    return new Parser(source, tokens).query();
  } catch (failure) {
    if (failure instanceof ParseFailure) return failure.error;
    throw failure;
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly source: string, private readonly tokens: Token[]) {}

  query(): SoqlQuery {
    this.expectWord('SELECT');
    const select = this.selectList();
    this.expectWord('FROM');
    const from = this.fieldName();
    const where = this.acceptWord('WHERE') ? this.condition() : undefined;
    const orderBy = this.acceptWord('ORDER') ? (this.expectWord('BY'), this.orderList()) : [];
    const limit = this.acceptWord('LIMIT') ? this.integer() : undefined;
    const offset = this.acceptWord('OFFSET') ? this.integer() : undefined;
    if (this.peek().kind !== 'eof') this.unexpected();
    return { select, from, where, orderBy, limit, offset };
  }

  private selectList(): FieldRef[] | 'count' {
    if (this.isWord('COUNT') && this.tokens[this.pos + 1]?.text === '(') {
      this.pos += 2;
      this.expectPunct(')');
      return 'count';
    }
    const fields = [this.fieldName()];
    while (this.acceptPunct(',')) fields.push(this.fieldName());
    return fields;
  }

  private orderList(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      const field = this.fieldName();
      const descending = this.acceptWord('DESC') ? true : (this.acceptWord('ASC'), false);
      let nullsLast = descending;
      if (this.acceptWord('NULLS')) nullsLast = this.acceptWord('LAST') ? true : (this.expectWord('FIRST'), false);
      items.push({ field, descending, nullsLast });
    } while (this.acceptPunct(','));
    return items;
  }

  /** One level of AND or OR (never both), over unary operands. */
  condition(): Condition {
    const first = this.unary();
    const connective = this.isWord('AND') ? 'and' : this.isWord('OR') ? 'or' : undefined;
    if (connective === undefined) return first;
    const items = [first];
    while (this.acceptWord(connective.toUpperCase())) items.push(this.unary());
    if (this.isWord('AND') || this.isWord('OR')) this.unexpected();
    return { kind: connective, items };
  }

  private unary(): Condition {
    if (this.acceptWord('NOT')) return { kind: 'not', item: this.unary() };
    if (this.acceptPunct('(')) {
      const inner = this.condition();
      this.expectPunct(')');
      return inner;
    }
    return this.predicate();
  }

  private predicate(): Condition {
    const field = this.fieldName();
    const token = this.peek();
    if (token.kind === 'op') {
      this.pos++;
      const op = (token.text === '<>' ? '!=' : token.text) as CompareOp;
      return { kind: 'compare', field, op, value: this.literal() };
    }
    if (this.acceptWord('LIKE')) return { kind: 'compare', field, op: 'LIKE', value: this.literal() };
    if (this.acceptWord('NOT')) return (this.expectWord('IN'), { kind: 'set', field, op: 'NOT IN', values: this.literalList() });
    for (const op of ['IN', 'INCLUDES', 'EXCLUDES'] as const) {
      if (this.acceptWord(op)) return { kind: 'set', field, op, values: this.literalList() };
    }
    return this.unexpected();
  }

  private literalList(): Literal[] {
    this.expectPunct('(');
    const values = [this.literal()];
    while (this.acceptPunct(',')) values.push(this.literal());
    this.expectPunct(')');
    return values;
  }

  private literal(): Literal {
    const token = this.next();
    const offset = token.offset;
    switch (token.kind) {
      case 'string': return { kind: 'string', value: token.text, offset };
      case 'number': return { kind: 'number', value: Number(token.text), text: token.text, offset };
      case 'date': return this.dateValue(token);
      case 'datetime': return { kind: 'datetime', value: Date.parse(normaliseOffset(token.text)), text: token.text, offset };
      case 'word': return this.wordLiteral(token);
      default: return this.unexpected(token);
    }
  }

  private dateValue(token: Token): Literal {
    if (Number.isNaN(Date.parse(`${token.text}T00:00:00Z`))) this.fail(token, `invalid date: ${token.text}`);
    return { kind: 'date', value: token.text, offset: token.offset };
  }

  private wordLiteral(token: Token): Literal {
    const upper = token.text.toUpperCase();
    const offset = token.offset;
    if (upper === 'NULL') return { kind: 'null', offset };
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', offset };
    if (DATE_LITERALS.has(upper)) return { kind: 'dateLiteral', name: upper, offset };
    if (!PARAMETRISED_DATE_LITERALS.has(upper)) return this.unexpected(token);
    this.expectPunct(':');
    const n = this.next();
    if (n.kind !== 'number' || !/^\d+$/.test(n.text)) this.fail(n, `Invalid date literal: ${upper}:${n.text}`);
    return { kind: 'dateLiteral', name: upper, n: Number(n.text), offset };
  }

  private fieldName(): FieldRef {
    const token = this.next();
    if (token.kind !== 'word' || CLAUSE_KEYWORDS.has(token.text.toUpperCase())) this.unexpected(token);
    return { name: token.text, offset: token.offset };
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.unexpected(token);
    return Number(token.text);
  }

  private peek(): Token { return this.tokens[this.pos]; }
  private next(): Token { return this.tokens[Math.min(this.pos++, this.tokens.length - 1)]; }
  private isWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }
  private acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.pos++;
    return true;
  }
  private expectWord(word: string): void {
    if (!this.acceptWord(word)) this.unexpected();
  }
  private acceptPunct(text: string): boolean {
    if (this.peek().kind !== 'punct' || this.peek().text !== text) return false;
    this.pos++;
    return true;
  }
  private expectPunct(text: string): void {
    if (!this.acceptPunct(text)) this.unexpected();
  }
  private unexpected(token: Token = this.peek()): never {
    const shown = token.kind === 'string' ? `'${token.text}'` : token.text;
    return this.fail(token, `unexpected token: ${shown}`);
  }
  private fail(token: Token, description: string): never {
    throw new ParseFailure(soqlError('MALFORMED_QUERY', this.source, token.offset, description));
  }
}

/** `+0200` → `+02:00`, so Date.parse accepts the offset forms SOQL allows. */
function normaliseOffset(text: string): string {
  return text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
