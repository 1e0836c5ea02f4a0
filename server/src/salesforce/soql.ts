// Safe SOQL building. Every value goes through `soqlLiteral`, every name through `isSoqlName`; raw input
// is never concatenated into a query. Escaping follows Salesforce's quoted-string rules: backslash first,
// then the quote characters, then control characters. (jsforce's own escaper only handles `'`.)

export type SoqlValue = string | number | boolean | null | SoqlDate | SoqlLikePattern;

/** A LIKE pattern: `text` matched literally (its `%` and `_` escaped), with optional wildcards around it. */
export interface SoqlLikePattern {
  likeText: string;
  anyBefore?: boolean;
  anyAfter?: boolean;
}

/** A date (`2024-03-01`), a datetime (`2024-03-01T10:00:00Z`) or a relative literal (`TODAY`, `LAST_N_DAYS:30`). */
export interface SoqlDate {
  soqlDate: string;
}

export type SoqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';
export type SoqlSetOperator = 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type SoqlCondition =
  | { field: string; op: SoqlOperator; value: SoqlValue }
  | { field: string; op: SoqlSetOperator; values: SoqlValue[] }
  | { and: SoqlCondition[] }
  | { or: SoqlCondition[] }
  | { not: SoqlCondition };

export interface SoqlSelect {
  object: string;
  /** Field names, or `count()` for a count query. */
  fields: string[] | 'count';
  where?: SoqlCondition;
  orderBy?: { field: string; descending?: boolean }[];
  limit?: number;
}

export type Built = { soql: string } | { error: string };

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATE_FORMS = [
  /^\d{4}-\d{2}-\d{2}$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/,
  /^(YESTERDAY|TODAY|TOMORROW|(LAST|THIS|NEXT)_(WEEK|MONTH|QUARTER|YEAR)|(LAST|NEXT)_90_DAYS)$/,
  /^(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS):\d+$/,
];
const MAX_LITERAL = 4000;

export function isSoqlName(name: string): boolean {
  return NAME.test(name);
}

/** `O'Brien\` → `'O\'Brien\\'`. */
export function quoteSoqlString(text: string): string {
  return `'${escapeQuoted(text)}'`;
}

function escapeQuoted(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\f/g, '\\f').split('\b').join('\\b');
}

/** `50%_off` starting a value → `'50\%\_off%'`: the text's own wildcards escaped, then quoted like any string. */
export function quoteLikePattern(pattern: SoqlLikePattern): string {
  const body = escapeQuoted(pattern.likeText).replace(/%/g, '\\%').replace(/_/g, '\\_');
  return `'${pattern.anyBefore ? '%' : ''}${body}${pattern.anyAfter ? '%' : ''}'`;
}

export function soqlLiteral(value: SoqlValue): { text: string } | { error: string } {
  if (value === null) return { text: 'null' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { text: String(value) } : { error: `${value} is not a number SOQL can compare with` };
  }
  if (typeof value === 'string') {
    return value.length > MAX_LITERAL ? { error: `a SOQL string value may hold at most ${MAX_LITERAL} characters, this one has ${value.length}` } : { text: quoteSoqlString(value) };
  }
  if ('likeText' in value) {
    return value.likeText.length > MAX_LITERAL ? { error: `a SOQL string value may hold at most ${MAX_LITERAL} characters, this one has ${value.likeText.length}` } : { text: quoteLikePattern(value) };
  }
  return DATE_FORMS.some((form) => form.test(value.soqlDate)) ? { text: value.soqlDate } : { error: `"${value.soqlDate}" is not a SOQL date, datetime or date literal` };
}

export function buildCondition(condition: SoqlCondition): Built {
  if ('and' in condition || 'or' in condition) return buildJunction(condition);
  if ('not' in condition) {
    const inner = buildCondition(condition.not);
    return 'error' in inner ? inner : { soql: `(NOT ${inner.soql})` };
  }
  if (!isSoqlName(condition.field)) return { error: `"${condition.field}" is not a Salesforce field name` };
  if ('value' in condition) {
    const literal = soqlLiteral(condition.value);
    return 'error' in literal ? literal : { soql: `${condition.field} ${condition.op} ${literal.text}` };
  }
  if (condition.values.length === 0) return { error: `${condition.op} on ${condition.field} needs at least one value` };
  const literals = condition.values.map(soqlLiteral);
  const failed = literals.find((literal) => 'error' in literal);
  if (failed && 'error' in failed) return failed;
  return { soql: `${condition.field} ${condition.op} (${literals.map((l) => ('text' in l ? l.text : '')).join(', ')})` };
}

function buildJunction(condition: { and: SoqlCondition[] } | { or: SoqlCondition[] }): Built {
  const [word, items] = 'and' in condition ? ['AND', condition.and] : ['OR', condition.or];
  if (items.length === 0) return { error: `an ${word} group needs at least one condition` };
  const parts: string[] = [];
  for (const item of items) {
    const built = buildCondition(item);
    if ('error' in built) return built;
    parts.push(built.soql);
  }
  return { soql: parts.length === 1 ? parts[0] : `(${parts.join(` ${word} `)})` };
}

export function buildSelect(select: SoqlSelect): Built {
  const names = [select.object, ...(select.fields === 'count' ? [] : select.fields), ...(select.orderBy ?? []).map((o) => o.field)];
  const bad = names.find((name) => !isSoqlName(name));
  if (bad !== undefined) return { error: `"${bad}" is not a Salesforce object or field name` };
  if (select.fields !== 'count' && select.fields.length === 0) return { error: 'a SOQL query needs at least one field' };
  let soql = `SELECT ${select.fields === 'count' ? 'COUNT()' : select.fields.join(', ')} FROM ${select.object}`;
  if (select.where) {
    const where = buildCondition(select.where);
    if ('error' in where) return where;
    soql += ` WHERE ${where.soql}`;
  }
  if (select.orderBy && select.orderBy.length > 0) {
    soql += ` ORDER BY ${select.orderBy.map((o) => `${o.field} ${o.descending ? 'DESC' : 'ASC'}`).join(', ')}`;
  }
  if (select.limit !== undefined) {
    if (!Number.isInteger(select.limit) || select.limit < 0) return { error: `LIMIT must be a whole number, not ${select.limit}` };
    soql += ` LIMIT ${select.limit}`;
  }
  return { soql };
}
