// Completion: what may be typed at the cursor, from cursor-context.ts (tokens, so broken lines work)
// and the workspace (schema, lists, Salesforce fields). Pure and offset-based; the LSP layer turns
// entries into CompletionItems.

import type { HslistToken, Span } from '@hslist/grammar';
import { fitsType, insertRest, isOrderedPhrase, readableRest, type PhraseState } from './completion-phrases';
import {
  formNameEntries,
  subscriptionNameEntries,
  marketingEmailNameEntries,
  labelNameEntries,
  listNameEntries,
  listSettingValueEntries,
  optionEntries,
  propertyEntries,
  ruleEntries,
  salesforceFieldEntries,
  settingKeyEntries,
  syncSettingValueEntries,
  type CompletionEntry,
  type ListInfo,
  type SalesforceFieldInfo,
} from './completion-values';
import { pageNameEntries } from './completion-pages';
import type { ExprExpectation } from './cursor-context-expr';
import { conditionEntries, valueSetEntries, type DefinitionInfo } from './completion-definitions';
import { cursorContext, type CursorContext } from './cursor-context';
import { isMultiSelect, operationFor, typeClassOf } from './operators';
import type { ObjectTypeName, PropertyDef, Schema } from './schema-types';
import { propertiesOf } from './schema';

export type { CompletionEntry, ListInfo, SalesforceFieldInfo } from './completion-values';

export interface CompletionInput {
  text: string;
  offset: number;
  schema: Schema;
  /** The workspace's lists (first definition of each name). */
  lists: ListInfo[];
  /** Folders used by lists of the workspace. */
  folders?: string[];
  /** Fields of the pulled Salesforce schema; absent when none is loaded (then no field completion). */
  salesforceFields?: SalesforceFieldInfo[];
  /** The workspace's named value sets and conditions (completion-definitions.ts). */
  valueSets?: DefinitionInfo[];
  conditions?: DefinitionInfo[];
  /** The text's tokens, when the caller already has them. */
  tokens?: HslistToken[];
}

interface KeywordPhrase {
  text: string;
  /** Plain text to insert when it differs from `text` (which may show placeholders). */
  insert?: string;
  snippet?: string;
  detail?: string;
  retrigger?: boolean;
}

function keywordEntries(phrases: KeywordPhrase[], replace: Span): CompletionEntry[] {
  return phrases.map((p, i) => ({
    label: p.text,
    kind: 'keyword' as const,
    detail: p.detail,
    insertText: (p.insert ?? p.text) + (p.retrigger ? ' ' : ''),
    snippet: p.snippet,
    filterText: p.text,
    sortText: `0${i}`,
    retrigger: p.retrigger,
    replace,
  }));
}

function conditionStartEntries(schema: Schema, objectType: ObjectTypeName, replace: Span): CompletionEntry[] {
  const keywords =
    objectType !== 'contacts'
      ? [{ text: 'not', retrigger: true }]
      : [
          { text: 'not', retrigger: true },
          { text: 'in list "…"', insert: 'in list', snippet: 'in list "$1"', detail: 'member of another list', retrigger: true },
          { text: 'associated company where', detail: 'a property of an associated company', retrigger: true },
          { text: 'associated deal where', detail: 'a property of an associated deal', retrigger: true },
          { text: 'associated ticket where', detail: 'a property of an associated ticket', retrigger: true },
          { text: 'number of associated deals >= …', insert: 'number of associated ', snippet: 'number of associated ${1|deals,tickets,companies|} ${2|>=,>,<=,<,is|} $3', detail: 'how many associated records' },
          { text: 'condition …', insert: 'condition', detail: 'a named condition of the workspace', retrigger: true },
          { text: 'submitted any form', snippet: 'submitted any form' },
          { text: 'submitted form "…"', insert: 'submitted form ', snippet: 'submitted form "$1"', detail: 'by form name or id' },
          { text: 'opted in to email subscription …', insert: 'opted in to email subscription ', snippet: 'opted ${1|in to,out of,neither in nor out of|} ${2|email,sms,whatsapp|} subscription $3', detail: 'a subscription status, by name or #id' },
          { text: 'marketing email #… of app #… opened', insert: 'marketing email #', snippet: 'marketing email #$1 of app #$2 ${3|opened,clicked,sent,received,bounced,replied,unsubscribed,marked spam,opened but not clicked|}', detail: 'a marketing email event' },
          { text: 'marketing email any opened', insert: 'marketing email any ', snippet: 'marketing email any ${1|opened,clicked,sent,received,bounced|}', detail: 'an event over any marketing email (a contact property)' },
          { text: 'visited page containing "…"', insert: 'visited page ', snippet: 'visited page ${1|containing ,matching ,|}"$2"', detail: 'a page view' },
          { text: 'registered for webinar #…', insert: 'registered for webinar #', snippet: '${1|registered for,attended|} webinar #$2', detail: 'a webinar registration or attendance, by webinar id' },
          { text: 'attended any webinar', snippet: '${1|attended,registered for|} any webinar', detail: 'any webinar' },
          { text: 'clicked cta "…"', insert: 'clicked cta ', snippet: '${1|clicked,viewed|} cta "$2"', detail: 'a call-to-action, by its ctaName' },
          { text: 'saw any ad in last … days', insert: 'saw any ad ', snippet: 'saw any ad in last $1 days', detail: 'ads seen in a window' },
          { text: 'everyone', detail: 'every contact' },
          { text: 'nobody', detail: 'no contact' },
        ];
  return [...keywordEntries(keywords, replace), ...propertyEntries(schema, objectType, replace)];
}

function joinerEntries(includingUnknown: boolean, replace: Span): CompletionEntry[] {
  const words = [
    { text: 'and', retrigger: true },
    { text: 'or', retrigger: true },
  ];
  if (includingUnknown) words.push({ text: 'including unknown', retrigger: false });
  return keywordEntries(words, replace);
}

function operatorEntry(state: PhraseState, def: PropertyDef | undefined, replace: Span): CompletionEntry | undefined {
  const { pattern, pos } = state;
  const typeClass = def ? typeClassOf(def.type) : undefined;
  if (!pattern.offered || !fitsType(pattern, typeClass, def !== undefined && isMultiSelect(def))) return undefined;
  const rest = insertRest(pattern, pos);
  const row = def ? operationFor(pattern.surface, pattern.operand, def) : undefined;
  const ordered = def && !row && isOrderedPhrase(pattern, typeClass, isMultiSelect(def));
  return {
    label: readableRest(pattern, 0),
    kind: 'operator',
    detail: row ? `${row.operationType} ${row.operator}` : ordered ? 'ENUMERATION IS_ANY_OF, the options in order' : undefined,
    insertText: rest.plain,
    snippet: rest.snippet,
    filterText: readableRest(pattern, pos),
    retrigger: rest.endsInOperand,
    replace,
  };
}

const UNITS = ['day', 'week', 'month', 'quarter', 'year'];

function slotEntries(state: PhraseState, def: PropertyDef | undefined, input: CompletionInput, replace: Span, objectType: ObjectTypeName): CompletionEntry[] {
  const typeClass = def ? typeClassOf(def.type) : undefined;
  if (!def || !fitsType(state.pattern, typeClass, isMultiSelect(def))) return [];
  if (state.list) return state.list.expectValue && typeClass === 'enumeration' ? optionEntries(def, replace, state.list.values) : [];
  const part = state.pattern.parts[state.pos];
  if (part === '$U') return UNITS.map((u) => ({ label: u, kind: 'unit' as const, insertText: u, replace }));
  if (part === '$P') return propertyEntries(input.schema, objectType, replace, (d) => typeClassOf(d.type) === 'date');
  if (part === '$A') return propertyEntries(input.schema, objectType, replace);
  if (part === '$L') return valueSetEntries(input.valueSets, replace);
  if (part !== '$V') return [];
  if (typeClass === 'enumeration') return optionEntries(def, replace);
  if (typeClass === 'bool') return ['true', 'false'].map((b) => ({ label: b, kind: 'value' as const, insertText: b, replace }));
  return [];
}

function phraseEntriesFor(e: Extract<ExprExpectation, { kind: 'phrase' }>, input: CompletionInput, replace: Span): CompletionEntry[] {
  const def = propertiesOf(input.schema, e.objectType).get(e.property);
  const out: CompletionEntry[] = [];
  e.states.forEach((state, i) => {
    const part = state.pattern.parts[state.pos];
    if (state.list || (part && part.startsWith('$'))) out.push(...slotEntries(state, def, input, replace, e.objectType));
    else if (part) {
      const entry = operatorEntry(state, def, replace);
      if (entry) out.push({ ...entry, sortText: `1${String(i).padStart(3, '0')}` });
    }
  });
  return out;
}

function expressionEntries(expectations: ExprExpectation[], input: CompletionInput, replace: Span, inString: boolean): CompletionEntry[] {
  return expectations.flatMap((e): CompletionEntry[] => {
    if (e.kind === 'listName') return listNameEntries(input.lists, replace);
    if (e.kind === 'formName') return formNameEntries(input.schema.forms, replace);
    if (e.kind === 'pageName') return pageNameEntries(input.schema.pages, replace);
    if (e.kind === 'subscriptionName') return subscriptionNameEntries(input.schema.subscriptions, e.channel, replace);
    if (e.kind === 'marketingEmailName') return marketingEmailNameEntries(input.schema.marketingEmails, replace);
    if (e.kind === 'labelName') return labelNameEntries(input.schema, e.objectType, replace);
    if (inString) return [];
    switch (e.kind) {
      case 'conditionStart':
        return conditionStartEntries(input.schema, e.objectType, replace);
      case 'joiner':
        return joinerEntries(e.includingUnknown, replace);
      case 'conditionName':
        return conditionEntries(input.conditions, replace);
      case 'keywords':
        return keywordEntries(e.phrases.map((text) => ({ text, retrigger: true })), replace);
      case 'phrase':
        return phraseEntriesFor(e, input, replace);
    }
  });
}

function contextEntries(context: CursorContext, input: CompletionInput, replace: Span, inString: boolean): CompletionEntry[] {
  switch (context.kind) {
    case 'none':
      return [];
    case 'topLevel':
      if (inString) return [];
      return context.afterSync
        ? keywordEntries([{ text: 'salesforce' }], replace)
        : keywordEntries(TOP_LEVEL, replace);
    case 'settingKey':
      return inString ? [] : settingKeyEntries(context.block, context.typed, context.present, replace, context.allowWhere, context.staticList);
    case 'settingValue': {
      const valueInput = { key: context.key, typed: context.typed, replace, lists: input.lists, folders: input.folders ?? [] };
      if (context.block === 'condition') return [];
      return context.block === 'list' ? listSettingValueEntries(valueInput) : syncSettingValueEntries(valueInput);
    }
    case 'mapProperty':
      return inString ? [] : propertyEntries(input.schema, 'contacts', replace);
    case 'mapTo':
      return inString ? [] : keywordEntries([{ text: 'to', retrigger: true }], replace);
    case 'mapField':
      return inString || !input.salesforceFields ? [] : salesforceFieldEntries(input.salesforceFields, replace);
    case 'mapRule':
      return inString ? [] : ruleEntries(context.typed, replace);
    case 'expression':
      return expressionEntries(context.expectations, input, replace, inString);
  }
}

/** What a file's top level may hold. */
const TOP_LEVEL: KeywordPhrase[] = [
  { text: 'list "…" { … }', insert: 'list ', snippet: 'list "$1" {\n  type: ${2|active,static,snapshot|}\n  where $0\n}' },
  { text: 'sync salesforce { … }', insert: 'sync salesforce {\n}', snippet: 'sync salesforce {\n  inclusion list: "$1"\n}' },
  { text: 'values … = (…)', insert: 'values ', snippet: 'values ${1:name} = ($0)', detail: 'a named set of values, used as `is any of name`' },
  { text: 'condition … { … }', insert: 'condition ', snippet: 'condition ${1:name} {\n  where $0\n}', detail: 'a named condition, used as `condition name`' },
];

function dedupe(entries: CompletionEntry[]): CompletionEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.label}\u0000${e.insertText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Completion entries at `offset`. Never throws: a place it cannot read gives no entries. */
export function complete(input: CompletionInput): CompletionEntry[] {
  const offset = Math.max(0, Math.min(input.offset, input.text.length));
  const place = cursorContext(input.text, offset, input.tokens);
  return dedupe(contextEntries(place.context, input, place.replace, place.inString));
}

