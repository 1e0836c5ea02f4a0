// Where the cursor is, for completion: derived from the token stream before the cursor (so it works
// on a line that does not parse yet), not from the syntax tree. Blocks are found by their headers and
// braces; inside a block, a line with `:` is a setting, a line starting with `map` is a mapping, and
// everything after the last `where` is an expression (cursor-context-expr.ts).

import { tokenize, type HslistToken, type Span } from '@hslist/grammar';
import { expressionExpectations, type ExprExpectation } from './cursor-context-expr';
import { isWordToken } from './completion-phrases';
import { LineIndex } from './positions';
import { associationByWord } from './associations';

export type BlockKind = 'list' | 'sync' | 'condition';

export type CursorContext =
  | { kind: 'none' }
  | { kind: 'topLevel'; afterSync: boolean }
  /** `typed` holds the words of a multi-word key typed so far (`inclusion` of `inclusion list`). */
  | { kind: 'settingKey'; block: BlockKind; typed: string[]; present: string[]; allowWhere: boolean; /** `type: static` is among the lines: members may be given. */ staticList: boolean }
  | { kind: 'settingValue'; block: BlockKind; key: string; typed: string[] }
  | { kind: 'mapProperty' }
  | { kind: 'mapTo' }
  | { kind: 'mapField' }
  | { kind: 'mapRule'; typed: string[] }
  | { kind: 'expression'; expectations: ExprExpectation[] };

export interface CursorPlace {
  context: CursorContext;
  /** The text a chosen item replaces: the word or string being typed (empty at the cursor otherwise). */
  replace: Span;
  /** The cursor is inside a string literal (the item replaces the whole string, quotes included). */
  inString: boolean;
}

const PARTIAL_KINDS = new Set(['keyword', 'identifier', 'number', 'date', 'datetime', 'backtickName', 'listId']);

interface Split {
  before: HslistToken[];
  replace: Span;
  inString: boolean;
  inComment: boolean;
}

/** Tokens before the cursor, and the token being typed (left out of the context, replaced by an item). */
function splitAtCursor(tokens: HslistToken[], offset: number): Split {
  const at = tokens.find((t) => t.start < offset && offset <= t.end);
  const before = tokens.filter((t) => t.end <= (at ? at.start : offset) && t.kind !== 'comment');
  const none = { before, replace: { start: offset, end: offset }, inString: false, inComment: false };
  if (!at) return none;
  if (at.kind === 'comment') return { ...none, inComment: true };
  if (at.kind === 'string') {
    const closed = at.type !== 'UnterminatedString' && at.text.length >= 2 && at.text.endsWith('"');
    if (closed && offset === at.end) return { ...none, before: tokens.filter((t) => t.end <= offset && t.kind !== 'comment') };
    return { before, replace: { start: at.start, end: at.end }, inString: true, inComment: false };
  }
  if (PARTIAL_KINDS.has(at.kind)) return { before, replace: { start: at.start, end: at.end }, inString: false, inComment: false };
  return { ...none, before: tokens.filter((t) => t.end <= offset && t.kind !== 'comment') };
}

interface Block {
  kind: BlockKind;
  /** Index in `before` of the first token inside the braces. */
  bodyStart: number;
}

function opensBlock(tokens: HslistToken[], i: number): BlockKind | undefined {
  const word = tokens[i].text.toLowerCase();
  const next = tokens[i + 1];
  const brace = tokens[i + 2];
  if (!next || brace?.text !== '{') return undefined;
  if (word === 'list' && tokens[i].kind === 'keyword' && next.kind === 'string') return 'list';
  if (word === 'sync' && tokens[i].kind === 'keyword' && isWordToken(next)) return 'sync';
  if (word === 'condition' && tokens[i].kind === 'keyword' && isWordToken(next)) return 'condition';
  return undefined;
}

/** The block the cursor is in; a block header inside an unclosed block starts a new block. */
function currentBlock(tokens: HslistToken[]): Block | undefined {
  let block: Block | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const opened = opensBlock(tokens, i);
    if (opened) {
      block = { kind: opened, bodyStart: i + 3 };
      i += 2;
    } else if (tokens[i].text === '}' && block) {
      block = undefined;
    }
  }
  return block;
}

function wordsOf(tokens: HslistToken[]): string[] | undefined {
  return tokens.every(isWordToken) ? tokens.map((t) => t.text.toLowerCase()) : undefined;
}

function settingKeys(lines: HslistToken[][]): string[] {
  return lines.flatMap((line) => {
    const colon = line.findIndex((t) => t.text === ':');
    return colon > 0 ? [line.slice(0, colon).map((t) => t.text.toLowerCase()).join(' ')] : [];
  });
}

/** Whether a line says `type: static` (members are offered only then). */
function saysStatic(lines: HslistToken[][]): boolean {
  return lines.some((line) => line.length === 3 && line[0].text.toLowerCase() === 'type' && line[1].text === ':' && line[2].text.replace(/"/g, '').toLowerCase() === 'static');
}

function mapContext(line: HslistToken[]): CursorContext {
  const rest = line.slice(1);
  if (rest.length === 0) return { kind: 'mapProperty' };
  if (rest.length === 1) return { kind: 'mapTo' };
  if (rest.length === 2 && rest[1].text.toLowerCase() === 'to') return { kind: 'mapField' };
  const colon = rest.findIndex((t) => t.text === ':');
  if (colon >= 0) return { kind: 'mapRule', typed: wordsOf(rest.slice(colon + 1)) ?? [] };
  return { kind: 'none' };
}

/** The list's own `where`: the last one that is not `associated <object> [labeled #id] where`. */
function listWhereIndex(tokens: HslistToken[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i].text.toLowerCase() !== 'where') continue;
    const labeled = tokens[i - 2]?.text.toLowerCase() === 'labeled';
    const previous = tokens[labeled ? i - 3 : i - 1]?.text.toLowerCase();
    if (!previous || !associationByWord(previous)) return i;
  }
  return -1;
}

function bodyContext(block: Block, body: HslistToken[], cursorLine: number, lineOf: (t: HslistToken) => number): CursorContext {
  const lines: HslistToken[][] = [];
  for (const t of body) {
    const last = lines[lines.length - 1];
    if (last && lineOf(last[0]) === lineOf(t)) last.push(t);
    else lines.push([t]);
  }
  const current = lines.length > 0 && lineOf(lines[lines.length - 1][0]) === cursorLine ? (lines.pop() as HslistToken[]) : [];
  if (block.kind === 'sync' && current[0]?.text.toLowerCase() === 'map') return mapContext(current);
  const colon = current.findIndex((t) => t.text === ':');
  if (colon > 0) {
    const key = current.slice(0, colon).map((t) => t.text.toLowerCase()).join(' ');
    return { kind: 'settingValue', block: block.kind, key, typed: wordsOf(current.slice(colon + 1)) ?? [] };
  }
  const expressionLines = [...lines, current].filter((line) => !line.some((t) => t.text === ':'));
  const flat = expressionLines.flat();
  const where = block.kind !== 'sync' ? listWhereIndex(flat) : -1;
  if (where < 0) {
    const typed = wordsOf(current);
    if (!typed) return { kind: 'none' };
    return { kind: 'settingKey', block: block.kind, typed, present: settingKeys(lines), allowWhere: block.kind !== 'sync', staticList: saysStatic(lines) };
  }
  return { kind: 'expression', expectations: expressionExpectations(flat.slice(where + 1)) };
}

function topLevelContext(before: HslistToken[], cursorLine: number, lineOf: (t: HslistToken) => number): CursorContext {
  const onLine = before.filter((t) => lineOf(t) === cursorLine);
  if (onLine.length === 0) return { kind: 'topLevel', afterSync: false };
  if (onLine.length === 1 && onLine[0].text.toLowerCase() === 'sync') return { kind: 'topLevel', afterSync: true };
  return { kind: 'none' };
}

/** The completion context at `offset` in `text`. Never throws; unknown places give `none`. */
export function cursorContext(text: string, offset: number, tokens: HslistToken[] = tokenize(text)): CursorPlace {
  const split = splitAtCursor(tokens, offset);
  const place = { replace: split.replace, inString: split.inString };
  if (split.inComment) return { context: { kind: 'none' }, ...place };
  const index = new LineIndex(text);
  const lineOf = (t: HslistToken) => index.positionAt(t.start).line;
  const cursorLine = index.positionAt(offset).line;
  const block = currentBlock(split.before);
  if (!block) return { context: topLevelContext(split.before, cursorLine, lineOf), ...place };
  return { context: bodyContext(block, split.before.slice(block.bodyStart), cursorLine, lineOf), ...place };
}
