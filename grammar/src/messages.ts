// Syntax error messages in plain words: "Expected a value after `is`, found `}`."
// Chevrotain hands us the expected token (or the rule that found no way forward), the token found
// and the token before it.

import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from './chevrotain';
import { suffixedNumberMessage } from './number-suffix';

/** What each rule expects, for "no viable alternative" and "at least one" failures. */
const RULE_WANTS: Record<string, string> = {
  file: '`list` or `sync`',
  orExpr: 'a condition',
  andExpr: 'a condition',
  notExpr: 'a condition',
  primary: 'a condition',
  propertyCondition: 'a condition',
  propertyName: 'a property name',
  opPhrase: 'an operator such as `is`, `contains`, `starts with`, `>` or `has ever been`',
  isTail: 'a value',
  isNotTail: 'a value',
  containsTail: 'a value',
  withTail: 'a value',
  compareTail: 'a value',
  historyTail: '`been` or `contained`',
  beenTail: 'a value',
  containedTail: 'a value',
  relativeTail: '`ago` or `from now`',
  inTail: '`this`, `next` or `last`',
  calendarUnit: 'a unit (day, week, month, quarter or year)',
  daysWord: '`days`',
  value: 'a value',
  valueList: 'a value',
  inListTarget: 'a list name in quotes or a list id such as `#123`',
  formTarget: 'a form id in quotes or `any form`',
  objectType: '`company`',
  settingValue: 'a value',
  settingKey: 'a setting name',
  fieldName: 'a Salesforce field name',
  blockBody: 'a setting, `where` or `map`',
};

export function describeFound(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the file';
  const image = token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
  return `\`${image}\``;
}

/** Text that starts nothing where it stands (`previous` is the token before it, when there is one). */
export function strayTextMessage(expected: string, first: IToken, previous: IToken | undefined): string {
  return suffixedNumberMessage(previous, first) ?? `Expected ${expected}, found ${describeFound(first)}.`;
}

function describeExpected(type: TokenType): string {
  if (type === EOF) return 'the end of the file';
  return type.LABEL ?? `\`${type.name}\``;
}

function after(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || previous.image === undefined || previous.image === '') return '';
  const image = previous.image.length > 30 ? `${previous.image.slice(0, 30)}…` : previous.image;
  return ` after \`${image}\``;
}

function fromPaths(paths: TokenType[][][]): string {
  const firsts = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) firsts.add(describeExpected(path[0]));
  const list = [...firsts].slice(0, 4);
  if (list.length === 0) return 'something else';
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** Words after which one value goes where people sometimes write a list: `is at least (lead, customer)`. */
const ONE_VALUE_AFTER = new Set(['least', 'most']);

/** `.`, or what to write instead when the mistake is a list after `is at least` / `is at most`. */
function ending(previous: IToken | undefined, found: IToken): string {
  if (found.image === '(' && previous && ONE_VALUE_AFTER.has(previous.image.toLowerCase())) {
    return ': `is at least` and `is at most` take one option; for several, write `is any of (…)`.';
  }
  return '.';
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    const suffixed = suffixedNumberMessage(previous, actual);
    if (suffixed) return suffixed;
    return `Expected ${describeExpected(expected)}${after(previous)}, found ${describeFound(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Expected \`list\` or \`sync\`, found ${describeFound(firstRedundant)}.`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const suffixed = suffixedNumberMessage(previous, actual[0]);
    if (suffixed) return suffixed;
    const wants = RULE_WANTS[ruleName] ?? fromPaths(expectedPathsPerAlt);
    return `Expected ${wants}${after(previous)}, found ${describeFound(actual[0])}${ending(previous, actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    const suffixed = suffixedNumberMessage(previous, actual[0]);
    if (suffixed) return suffixed;
    const wants = RULE_WANTS[ruleName] ?? fromPaths([expectedIterationPaths]);
    return `Expected ${wants}${after(previous)}, found ${describeFound(actual[0])}.`;
  },
};
