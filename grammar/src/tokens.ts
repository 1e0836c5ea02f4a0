// Token types of the .hslist language. Keywords are case-insensitive and fall back to an identifier
// when a longer word matches (`listing` is an identifier, not `list` + `ing`).
// Token categories say where a word may stand: any word (setting keys and bare values), a value word
// (an enumeration option value), a property word (a property name), a calendar unit.

import { createToken, Lexer, type TokenType } from './chevrotain';

export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA, label: 'a word' });
export const ValueWord = createToken({ name: 'ValueWord', pattern: Lexer.NA, label: 'a value' });
export const PropertyWord = createToken({ name: 'PropertyWord', pattern: Lexer.NA, label: 'a property name' });
export const UnitWord = createToken({ name: 'UnitWord', pattern: Lexer.NA, label: 'a unit (day, week, month, quarter or year)' });
/** Every token except the words that start a top-level block: what the top level skips when it finds stray text. */
export const Stray = createToken({ name: 'Stray', pattern: Lexer.NA, label: 'stray text' });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?/,
  categories: [AnyWord, ValueWord, PropertyWord, Stray],
  label: 'a name',
});

/** Words that cannot be a bare value: they continue or end the expression. */
const NOT_VALUES = new Set(['and', 'or', 'including', 'true', 'false']);
/**
 * Words that start another kind of condition (or join conditions), so they cannot name a property
 * (write `` `number` `` for a property of that name): were `number` a property word, telling
 * `number of associated deals` from `number > 5` would take two tokens of lookahead for every property.
 */
export const NOT_PROPERTIES: ReadonlySet<string> = new Set(['not', 'in', 'associated', 'submitted', 'opted', 'number', 'marketing', 'visited', 'registered', 'attended', 'clicked', 'viewed', 'saw', 'everyone', 'nobody', 'condition', 'and', 'or']);
/** Words that start a top-level block: never stray text, so the top level always tries the block. */
const BLOCK_WORDS = new Set(['list', 'sync', 'values', 'condition']);
const UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years']);

/** Every keyword of the language, lowercase. */
export const KEYWORDS: readonly string[] = [
  'list', 'sync', 'where', 'map', 'to', 'values', 'condition',
  'and', 'or', 'not',
  'in', 'associated', 'company', 'companies', 'submitted', 'form', 'everyone', 'nobody',
  'is', 'known', 'unknown', 'was', 'updated', 'last', 'any', 'of', 'none', 'exactly',
  'contains', 'all', 'does', 'contain', 'starts', 'ends', 'with', 'between', 'before', 'after',
  'property', 'less', 'than', 'more', 'ago', 'from', 'now', 'this', 'so', 'far', 'next',
  'has', 'ever', 'never', 'been', 'contained', 'including',
  'blank', 'primary', 'today', 'start', 'end', 'the', 'when', 'at', 'least', 'most',
  'opted', 'out', 'neither', 'nor', 'subscription', 'subscriptions',
  'deal', 'deals', 'ticket', 'tickets', 'labeled', 'number',
  'marketing', 'email', 'app', 'visited', 'page', 'containing', 'matching', 'times', 'on',
  'registered', 'attended', 'for', 'webinar', 'clicked', 'viewed', 'cta', 'saw', 'ad',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years',
  'true', 'false',
];

function keywordToken(word: string): TokenType {
  const categories = BLOCK_WORDS.has(word) ? [AnyWord] : [AnyWord, Stray];
  if (!NOT_VALUES.has(word)) categories.push(ValueWord);
  if (!NOT_PROPERTIES.has(word)) categories.push(PropertyWord);
  if (UNITS.has(word)) categories.push(UnitWord);
  // Not lexed by a pattern of its own: a word is read as an Identifier and then looked up
  // (case-insensitively) in KEYWORD_BY_WORD, by the scanner and by the reference lexer alike.
  return createToken({ name: `Kw_${word}`, pattern: Lexer.NA, categories, label: `\`${word}\`` });
}

/** Keyword token types by their lowercase spelling. */
export const Kw: Readonly<Record<string, TokenType>> = Object.fromEntries(KEYWORDS.map((w) => [w, keywordToken(w)]));

function punct(name: string, pattern: RegExp | string, label: string): TokenType {
  return createToken({ name, pattern, label, categories: [Stray] });
}

export const StringLit = createToken({ name: 'StringLit', pattern: /"(?:[^"\\\r\n]|\\.)*"/, label: 'a string', categories: [Stray] });
/** A string with no closing quote on its line; parsed as a string, reported by the lexer layer. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\.)*\\?/,
  label: 'a string',
  categories: [StringLit, Stray],
});
export const DateTimeLit = punct('DateTimeLit', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/, 'a date and time');
export const DateLit = punct('DateLit', /\d{4}-\d{2}-\d{2}/, 'a date');
export const NumberLit = punct('NumberLit', /-?\d+(?:\.\d+)?/, 'a number');
export const BacktickName = punct('BacktickName', /`[^`\r\n]*`/, 'a property name');
export const ListId = punct('ListId', /#\d+/, 'a list id such as `#123`');
export const LBrace = punct('LBrace', '{', '`{`');
export const RBrace = punct('RBrace', '}', '`}`');
export const LParen = punct('LParen', '(', '`(`');
export const RParen = punct('RParen', ')', '`)`');
export const Comma = punct('Comma', ',', '`,`');
export const Colon = punct('Colon', ':', '`:`');
export const NotEquals = punct('NotEquals', '!=', '`!=`');
export const GreaterEq = punct('GreaterEq', '>=', '`>=`');
export const LessEq = punct('LessEq', '<=', '`<=`');
export const Equals = punct('Equals', '=', '`=`');
export const Greater = punct('Greater', '>', '`>`');
export const Less = punct('Less', '<', '`<`');

// Order matters: the lexer takes the first pattern that matches, so longer forms come first.
// These patterns are the specification of the hand-written scanner (scan.ts), which follows them
// and is tested against Chevrotain's lexer built from them (lex-reference.ts).
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace, LineComment,
  DateTimeLit, DateLit, NumberLit, StringLit, UnterminatedString, BacktickName, ListId,
  LBrace, RBrace, LParen, RParen, Comma, Colon,
  NotEquals, GreaterEq, LessEq, Equals, Greater, Less,
  Identifier,
  ...KEYWORDS.map((w) => Kw[w]),
  AnyWord, ValueWord, PropertyWord, UnitWord, Stray,
];

/** Keyword token types by their lowercase spelling, for the scanner's lookup after it reads a word. */
export const KEYWORD_BY_WORD: ReadonlyMap<string, TokenType> = new Map(KEYWORDS.map((w) => [w, Kw[w]]));
/** No word longer than this is a keyword: the scanner does not look longer words up. */
export const LONGEST_KEYWORD = Math.max(...KEYWORDS.map((w) => w.length));
