// The .hslist language front end: parse, tokenize, print, format. Pure: no editor or network code.

export * from './ast';
export * from './diagnostic';
export { parse, parseReusing, type ParseResult } from './parse';
export { BlockMemo, movedFrom } from './block-memo';
export { KEYWORDS, NOT_PROPERTIES } from './tokens';
export { tokenize, type HslistToken, type TokenKind } from './tokenize';
export { printFile, settingValueString } from './print';
export { printExpr, printValue, relativeText, numberText } from './print-expr';
export { format, type FormatResult } from './format';
