// fast-check arbitraries producing VALID .hslist text: every construct and operator phrase, random
// nesting, settings, sync blocks and comments, in random keyword case; and, at the end, the broken
// text of a user typing (deleted tokens, broken lines, cut-off blocks). Reused by other areas' tests.

import fc from 'fast-check';
import { tokenize } from '@hslist/grammar';

const identifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/).filter((s) => !RESERVED.has(s));
/** Words the generator avoids as bare names and values (the language's keywords). */
const RESERVED = new Set(
  ('list sync values condition where map to and or not in associated company companies submitted form everyone nobody is known unknown was ' +
    'updated last any of none exactly contains all does contain starts ends with between before after property less than ' +
    'more ago from now this so far next has ever never been contained including day days week weeks month months ' +
    'quarter quarters year years true false at least most registered attended for webinar clicked viewed cta saw ad').split(' '),
);

/** A keyword in random case: keywords are case-insensitive. */
function kw(word: string): fc.Arbitrary<string> {
  return fc.constantFrom(word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1));
}

function seq(...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.tuple(...parts).map((p) => p.join(' '));
}

const lit = (s: string) => fc.constant(s);

const stringLit = fc
  .string({ maxLength: 12, unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', 'é', '@', '.', '-') })
  .map((s) => JSON.stringify(s).replace(/\\[bfr]|\\u00[0-9a-f]{2}/g, ''));
const numberLit = fc.oneof(fc.integer({ min: -1000, max: 2000000 }).map(String), fc.constantFrom('3.5', '-0.25', '1000000'));
const dateLit = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dateTimeLit = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString().slice(0, 19) + 'Z', d.toISOString(), d.toISOString().slice(0, 19) + '+02:00'));
const enumWord = fc.oneof(identifier, fc.constantFrom('COMPUTER_SOFTWARE', 'marketingqualifiedlead', "don't"));
const value = fc.oneof(stringLit, numberLit, dateLit, dateTimeLit, enumWord, kw('true'), kw('false'));
const literalList = fc.array(value, { minLength: 1, maxLength: 4 }).map((vs) => `(${vs.join(', ')})`);
/** A `(…)` list of values, or the name of a value set in its place. */
const valueList = fc.oneof({ weight: 4, arbitrary: literalList }, { weight: 1, arbitrary: identifier });
const property = fc.oneof({ weight: 5, arbitrary: identifier }, { weight: 1, arbitrary: fc.constantFrom('type', 'name', 'folder', '`odd-name`', '`a b`') });
const count = fc.integer({ min: 1, max: 365 }).map(String);
const unit = fc.constantFrom('day', 'week', 'month', 'quarter', 'year', 'days', 'months', 'years');

/** Every operator phrase with a fitting operand. */
export const arbPhrase: fc.Arbitrary<string> = fc.oneof(
  seq(kw('is'), kw('known')),
  seq(kw('is'), kw('unknown')),
  seq(kw('was'), kw('updated'), kw('in'), kw('last'), count, kw('days')),
  seq(kw('was'), kw('not'), kw('updated'), kw('in'), kw('last'), count, kw('days')),
  seq(fc.constantFrom('is', '=', 'is not', '!=', '>', '>=', '<', '<='), value),
  seq(fc.constantFrom('is any of', 'is none of', 'is exactly', 'is not exactly', 'contains all of', 'does not contain all of'), valueList),
  seq(fc.constantFrom('contains any of', 'does not contain any of', 'starts with any of', 'ends with any of'), valueList),
  seq(fc.constantFrom('is at least', 'is at most'), fc.oneof(enumWord, stringLit)),
  seq(fc.constantFrom('contains', 'does not contain', 'contains exactly', 'does not contain exactly', 'starts with', 'ends with'), value),
  seq(fc.constantFrom('is between', 'is not between'), value, lit('and'), value),
  seq(fc.constantFrom('is before', 'is after'), fc.oneof(dateLit, dateTimeLit, seq(lit('property'), property))),
  seq(fc.constantFrom('is less than', 'is more than'), count, lit('days'), fc.constantFrom('ago', 'from now')),
  seq(lit('is in this'), unit, fc.constantFrom('', 'so far')),
  seq(fc.constantFrom('is in next', 'is in last'), fc.option(count, { nil: '' }), unit),
  seq(fc.constantFrom('has ever been', 'has never been'), fc.oneof(value, seq(lit('any of'), valueList), seq(lit('exactly'), valueList))),
  seq(fc.constantFrom('has ever contained', 'has never contained'), fc.oneof(value, seq(lit('all of'), valueList))),
);

const propertyCondition = seq(property, arbPhrase, fc.constantFrom('', '', '', 'including unknown'));

const otherCondition = fc.oneof(
  seq(lit('in list'), fc.oneof(stringLit, fc.integer({ min: 1, max: 99999 }).map((n) => `#${n}`))),
  seq(
    lit('submitted'),
    fc.oneof(seq(lit('form'), stringLit), lit('any form')),
    fc.oneof(fc.constant(''), seq(lit('on page'), fc.oneof(stringLit, fc.integer({ min: 1, max: 99999 }).map((n) => `#${n}`)))),
    fc.constantFrom('', 'at least 2 times', 'at most 0 times', 'between 5 and 2 times'),
    fc.constantFrom('', 'in last 30 days', 'after 2024-01-31', 'before 2024-02-30', 'between 2024-03-01 and 2024-01-01T10:00:00Z'),
  ),
  seq(fc.constantFrom('registered for', 'attended'), fc.oneof(lit('any webinar'), seq(lit('webinar'), fc.oneof(stringLit, fc.integer({ min: 1, max: 99999 }).map((n) => `#${n}`))))),
  seq(lit('clicked cta'), stringLit, fc.constantFrom('', 'at least 2 times', 'between 5 and 2 times'), fc.constantFrom('', 'in last 7 days', 'before 2024-01-01')),
  seq(kw('viewed'), lit('cta'), stringLit),
  seq(lit('saw any ad'), fc.constantFrom('in last 30 days', 'after 2024-01-31', 'between 2024-03-01 and 2024-01-01')),
  kw('everyone'),
  kw('nobody'),
  seq(kw('condition'), identifier),
);

/** A boolean expression over conditions, nested up to a few levels. */
export const arbExpr: fc.Arbitrary<string> = fc.letrec<{ expr: string; primary: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('primary'),
    fc.array(tie('primary'), { minLength: 2, maxLength: 4 }).map((ps) => ps.join(' and\n    ')),
    fc.array(tie('primary'), { minLength: 2, maxLength: 3 }).map((ps) => ps.join(' or ')),
  ),
  primary: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: propertyCondition },
    { weight: 2, arbitrary: otherCondition },
    { weight: 1, arbitrary: tie('expr').map((e) => `(${e})`) },
    { weight: 1, arbitrary: tie('primary').map((p) => `not ${p}`) },
    { weight: 1, arbitrary: seq(fc.constantFrom('associated company where', 'associated companies where', 'associated company where not'), tie('primary')) },
  ),
})).expr;

const comment = fc.constantFrom('', '', '', ' // note', ' //', ' // a "quoted" // comment');
const settingKey = fc.constantFrom('type', 'folder', 'timezone', 'description', 'inclusion list');
const settingValue = fc.oneof(stringLit, numberLit, fc.array(identifier, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')));
const setting = fc.tuple(settingKey, settingValue, comment).map(([k, v, c]) => `  ${k}: ${v}${c}`);

export const arbListBlock: fc.Arbitrary<string> = fc
  .tuple(stringLit, fc.array(setting, { maxLength: 3 }), fc.option(arbExpr, { nil: undefined }), comment, kw('list'), kw('where'))
  .map(([name, settings, where, c, listKw, whereKw]) =>
    [`${listKw} ${name} {${c}`, ...settings, ...(where ? [`  ${whereKw} ${where}`] : []), '}'].join('\n'),
  );

const mapping = fc
  .tuple(identifier, fc.stringMatching(/^[A-Z][A-Za-z_]{0,10}$/), fc.constantFrom('prefer salesforce unless blank', "don't sync", 'two way', 'always salesforce'))
  .map(([p, f, r]) => `  map ${p} to ${f}: ${r}`);

export const arbSyncBlock: fc.Arbitrary<string> = fc
  .tuple(fc.array(setting, { maxLength: 3 }), fc.array(mapping, { maxLength: 3 }))
  .map(([settings, mappings]) => ['sync salesforce {', ...settings, ...mappings, '}'].join('\n'));

/** `values name = (…)`, on one line or one value a line. */
export const arbValueSet: fc.Arbitrary<string> = fc
  .tuple(kw('values'), identifier, fc.array(value, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([valuesKw, name, vs, broken]) => `${valuesKw} ${name} = (${vs.join(broken ? ',\n  ' : ', ')})`);

/** `condition name { … where … }`. */
export const arbNamedCondition: fc.Arbitrary<string> = fc
  .tuple(kw('condition'), identifier, fc.option(setting, { nil: undefined }), arbExpr, comment)
  .map(([conditionKw, name, s, where, c]) => [`${conditionKw} ${name} {${c}`, ...(s ? [s] : []), `  where ${where}`, '}'].join('\n'));

/** A whole valid file: blocks in any order, with own-line comments between them. */
export function arbHslistFile(): fc.Arbitrary<string> {
  const block = fc.oneof(
    { weight: 4, arbitrary: arbListBlock },
    { weight: 1, arbitrary: arbSyncBlock },
    { weight: 1, arbitrary: arbValueSet },
    { weight: 1, arbitrary: arbNamedCondition },
  );
  return fc
    .array(fc.tuple(fc.constantFrom('', '// header\n', '  // indented comment\n'), block), { maxLength: 4 })
    .map((blocks) => blocks.map(([c, b]) => c + b).join('\n\n') + '\n');
}

// ---------------------------------------------------------------------------------------------
// Broken text: what an editor holds while a user types. Valid programs with tokens deleted, lines
// broken before tokens (a half-typed line continued below: `map jobtitle to` + `:` on the next line
// crashed the checker once) and cut at any offset (a block still being typed).

/** The text with the tokens at `picks` (modulo the token count) deleted; whitespace and line breaks stay. */
export function deleteTokens(text: string, picks: number[]): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  const drop = new Set(picks.map((p) => p % tokens.length));
  let out = '';
  let at = 0;
  tokens.forEach((t, i) => {
    out += text.slice(at, t.start) + (drop.has(i) ? '' : t.text);
    at = t.end;
  });
  return out + text.slice(at);
}

/** The text with a line break put before the tokens at `picks`. */
export function breakLinesBefore(text: string, picks: number[]): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  const at = new Set(picks.map((p) => p % tokens.length));
  let out = '';
  let pos = 0;
  tokens.forEach((t, i) => {
    out += text.slice(pos, t.start) + (at.has(i) ? '\n' : '') + t.text;
    pos = t.end;
  });
  return out + text.slice(pos);
}

/** A sync block with every setting and mapping shape, for mutation. */
export const FULL_SYNC_BLOCK = [
  'sync salesforce {',
  '  inclusion list: "Qualified"',
  '  salesforce creates hubspot contacts: yes',
  '  hubspot creates in salesforce: lead',
  '  map jobtitle to Title: two way',
  "  map lastname to LastName: don't sync",
  '  map `hs_lead_status` to `Status`: prefer salesforce unless blank',
  '  map lifecyclestage to Status',
  '}',
  '',
].join('\n');

/** A valid file (or the full sync block) with tokens deleted, lines broken, and maybe cut short. */
export function arbBrokenFile(): fc.Arbitrary<string> {
  const source = fc.oneof({ weight: 3, arbitrary: arbHslistFile() }, { weight: 1, arbitrary: fc.constant(FULL_SYNC_BLOCK) });
  const picks = fc.array(fc.nat(), { maxLength: 3 });
  return fc
    .tuple(source, picks, picks, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }))
    .map(([text, deleted, broken, cut]) => {
      const mutated = breakLinesBefore(deleteTokens(text, deleted), broken);
      return cut === undefined ? mutated : mutated.slice(0, Math.floor(mutated.length * cut));
    });
}

/** A token edit: at a position (modulo the token count), delete the token there, insert one before it, or replace it. */
export type TokenEdit = [at: number, op: 'delete' | 'insert' | 'replace', token: string];

/** Token edits whose inserted or replacing tokens are drawn from `tokens` (the troublemakers of a test). */
export function arbTokenEdits(tokens: string[], lengths: { minLength?: number; maxLength: number }): fc.Arbitrary<TokenEdit[]> {
  return fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete' as const, 'insert' as const, 'replace' as const), fc.constantFrom(...tokens)), lengths);
}

/**
 * The text's tokens joined by spaces after each edit in turn: the first element is the text unedited, each
 * next one has one more edit (what an editor holds while a user types).
 */
export function editedVersions(text: string, edits: TokenEdit[]): string[] {
  const parts = tokenize(text).map((t) => t.text);
  const versions = [parts.join(' ')];
  for (const [at, op, token] of edits) {
    if (parts.length === 0) break;
    const i = at % parts.length;
    if (op === 'delete') parts.splice(i, 1);
    else if (op === 'insert') parts.splice(i, 0, token);
    else parts[i] = token;
    versions.push(parts.join(' '));
  }
  return versions;
}
