// Semantic tokens by offsets: the lexer's tokens, refined by the tree (a word is a property, an
// operator phrase, an option value or a list name depending on where it stands).

import { tokenize, type HslistToken, type FileNode, type ListNode, type NamedConditionNode, type Span } from '@hslist/grammar';
import { relativeToList } from './list-relative';
import { forEachCondition, operandValues, comparedProperties } from './walk';

// New types go at the end: the legend's indices of the others stay as they are.
export const SEMANTIC_TOKEN_TYPES = ['keyword', 'property', 'operator', 'string', 'number', 'date', 'listName', 'comment', 'enumMember', 'variable', 'function'] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export interface SemanticToken extends Span {
  type: SemanticTokenType;
}

interface Marks {
  /** Token start offset → type, for names and values the tree knows. */
  at: Map<number, SemanticTokenType>;
  /** Spans of operator phrases: the words inside are operators. */
  operators: Span[];
}

/** A list's or named condition's marks, offsets relative to its start (list-relative.ts). */
interface BlockMarks {
  at: [number, SemanticTokenType][];
  operators: Span[];
}

/** Value set names are variables, named conditions functions (the editor's standard token types). */
function blockMarks(list: FileNode['lists'][number] | NamedConditionNode): BlockMarks {
  const base = list.start;
  const marks: BlockMarks = { at: [], operators: [] };
  const mark = (span: Span, type: SemanticTokenType) => marks.at.push([span.start - base, type]);
  mark(list.name, list.kind === 'list' ? 'listName' : 'function');
  for (const s of list.settings) if (s.value?.kind === 'word') mark(s.value, 'enumMember');
  // A member's `#123` is a contact's record id, not a list: shown as a number.
  for (const s of list.settings) if (s.value?.kind === 'members') for (const item of s.value.items) if (item.kind === 'id') mark(item, 'number');
  forEachCondition(list.where, 'contacts', (c) => {
    if (c.kind === 'inList') mark(c.target, 'listName');
    if (c.kind === 'conditionRef') mark(c.name, 'function');
    if (c.kind !== 'property') return;
    if (c.operands.kind === 'list' && c.operands.valueSet) mark(c.operands.valueSet, 'variable');
    mark(c.property, 'property');
    marks.operators.push({ start: c.operatorSpan.start - base, end: c.operatorSpan.end - base });
    for (const name of comparedProperties(c)) mark(name, 'property');
    for (const v of operandValues(c)) if (v.kind === 'word') mark(v, 'enumMember');
  });
  return marks;
}

const marksByList = new WeakMap<ListNode, BlockMarks>();

function markList(list: ListNode | NamedConditionNode, marks: Marks): void {
  const own = list.kind === 'list' ? relativeToList(marksByList, list, blockMarks) : blockMarks(list);
  for (const [at, type] of own.at) marks.at.set(list.start + at, type);
  for (const op of own.operators) marks.operators.push({ start: list.start + op.start, end: list.start + op.end });
}

function collectMarks(file: FileNode): Marks {
  const marks: Marks = { at: new Map(), operators: [] };
  for (const list of [...file.lists, ...(file.conditions ?? [])]) markList(list, marks);
  for (const set of file.valueSets ?? []) {
    marks.at.set(set.name.start, 'variable');
    for (const v of set.values) if (v.kind === 'word') marks.at.set(v.start, 'enumMember');
  }
  for (const sync of file.syncBlocks) {
    for (const s of sync.settings) {
      if (s.key.text === 'inclusion list' && s.value?.kind === 'string') marks.at.set(s.value.start, 'listName');
      else if (s.value?.kind === 'word') marks.at.set(s.value.start, 'enumMember');
    }
    for (const m of sync.mappings) {
      marks.at.set(m.hubspotProperty.start, 'property');
      marks.at.set(m.salesforceField.start, 'property');
    }
  }
  marks.operators.sort((a, b) => a.start - b.start);
  return marks;
}

const BY_KIND: Partial<Record<HslistToken['kind'], SemanticTokenType>> = {
  comment: 'comment',
  string: 'string',
  number: 'number',
  date: 'date',
  datetime: 'date',
  operator: 'operator',
  backtickName: 'property',
  keyword: 'keyword',
  listId: 'listName',
};

/** Tokens in text order; words the tree does not place (broken text) are left out unless keywords. */
export function semanticTokens(file: FileNode, text: string, tokens: HslistToken[] = tokenize(text)): SemanticToken[] {
  const marks = collectMarks(file);
  const out: SemanticToken[] = [];
  let op = 0;
  for (const t of tokens) {
    while (op < marks.operators.length && marks.operators[op].end <= t.start) op++;
    const inOperator = op < marks.operators.length && marks.operators[op].start <= t.start && t.end <= marks.operators[op].end;
    const type = marks.at.get(t.start) ?? (inOperator && t.kind !== 'comment' ? 'operator' : BY_KIND[t.kind]);
    if (type) out.push({ start: t.start, end: t.end, type });
  }
  return out;
}
