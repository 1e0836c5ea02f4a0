// Completion entries for the things a place can hold: properties, option values, list names,
// settings and their values, Salesforce fields. Pure data builders; completion.ts decides which apply.

import type { Span } from '@hslist/grammar';
import { formatPropertyName } from './checks/context';
import { LIST_SETTINGS, LIST_TYPES } from './checks/list-settings';
import { CONDITION_SETTINGS } from './checks/definitions';
import { SYNC_RULES, SYNC_SETTINGS, SYNC_VALUES } from './checks/sync-block';
import type { FormRef, MarketingEmailRef, ObjectTypeName, PropertyDef, Schema, SubscriptionDef } from './schema-types';
import { describeEmailIds } from './schema-emails';
import { formatOptionValue, quoteString } from './walk';
import { channelOfDefinition } from './schema-subscriptions';
import { propertiesOf } from './schema';

export type EntryKind = 'keyword' | 'property' | 'operator' | 'value' | 'list' | 'setting' | 'field' | 'snippet' | 'unit' | 'definition';

export interface CompletionEntry {
  label: string;
  kind: EntryKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Plain text inserted over `replace`. */
  insertText: string;
  /** The same with snippet placeholders, when it has operands to fill in. */
  snippet?: string;
  filterText?: string;
  sortText?: string;
  /** Ask the editor to open completion again after inserting (an operand follows). */
  retrigger?: boolean;
  replace: Span;
}

/** A list of the workspace, as completion and hover show it. */
export interface ListInfo {
  name: string;
  type: string;
  folder?: string;
  path: string;
}

export interface SalesforceFieldInfo {
  name: string;
  label: string;
  type: string;
  /** The objects that have the field: `Lead`, `Contact`. */
  objects: string[];
}

export function propertyDocumentation(def: PropertyDef): string {
  const lines = [`**${def.label}** \`${def.name}\``, '', `Type \`${def.type}\`, field type \`${def.fieldType}\`.`];
  if (def.description) lines.push('', def.description);
  return lines.join('\n');
}

export function propertyEntries(schema: Schema, objectType: ObjectTypeName, replace: Span, filter?: (d: PropertyDef) => boolean): CompletionEntry[] {
  const defs = [...propertiesOf(schema, objectType).values()].filter((d) => !d.hidden && (!filter || filter(d)));
  return defs.map((def) => ({
    label: def.name,
    kind: 'property',
    detail: `${def.label} (${def.type})`,
    documentation: propertyDocumentation(def),
    insertText: formatPropertyName(def.name),
    filterText: `${def.name} ${def.label}`,
    sortText: `1${def.name}`,
    replace,
  }));
}

export function optionEntries(def: PropertyDef, replace: Span, exclude: string[] = []): CompletionEntry[] {
  return def.options
    .filter((o) => !o.hidden && !exclude.includes(o.value))
    .map((o, i) => ({
      label: o.label || o.value,
      kind: 'value' as const,
      detail: o.value,
      documentation: o.description || undefined,
      insertText: formatOptionValue(o.value),
      filterText: `${o.value} ${o.label}`,
      sortText: `0${String(i).padStart(4, '0')}`,
      replace,
    }));
}

export function listNameEntries(lists: ListInfo[], replace: Span, preferActive = false): CompletionEntry[] {
  return lists.map((l) => ({
    label: l.name,
    kind: 'list' as const,
    detail: `${l.type} list${l.folder ? ` in "${l.folder}"` : ''}`,
    documentation: `Defined in \`${l.path}\`.`,
    insertText: quoteString(l.name),
    filterText: quoteString(l.name),
    sortText: `${preferActive && l.type !== 'active' ? 1 : 0}${l.name.toLowerCase()}`,
    replace,
  }));
}

/**
 * The portal's forms (forms.json) by name; the compiler writes the id. A name several live forms share
 * would be ambiguous, so each of those inserts its id; an archived namesake of a live form is not offered
 * (the name means the live one); other archived forms come last.
 */
export function formNameEntries(forms: readonly FormRef[] | undefined, replace: Span): CompletionEntry[] {
  const all = forms ?? [];
  const live = (name: string) => all.filter((f) => !f.archived && sameName(f.name, name));
  return all
    .filter((f) => !f.archived || live(f.name).length === 0)
    .map((f) => {
      const shared = all.filter((g) => g.archived === f.archived && sameName(g.name, f.name)).length > 1;
      const inserted = shared ? f.id : f.name;
      return {
        label: shared ? `${f.name} (${f.id})` : f.name,
        kind: 'value' as const,
        detail: `form ${f.id}${f.archived ? ' (archived)' : ''}`,
        documentation: `HubSpot form **${f.name}** (${f.formType}); the filter gets its id \`${f.id}\`.${shared ? ' Another form has this name, so its id is written.' : ''}`,
        insertText: quoteString(inserted),
        filterText: `${quoteString(f.name)} ${f.id}`,
        sortText: `${f.archived ? 1 : 0}${f.name.toLowerCase()} ${f.id}`,
        replace,
      };
    });
}

/**
 * The portal's subscription definitions (subscriptions.json) of the phrase's channel by name; the compiler
 * writes the id. As with forms, a name several live definitions share inserts each one's `#id`, and an
 * inactive definition is offered (last) only when no live one has its name. Definitions whose channel
 * HubSpot does not say are offered in every channel.
 */
export function subscriptionNameEntries(definitions: readonly SubscriptionDef[] | undefined, channelWord: string, replace: Span): CompletionEntry[] {
  const fitting = (definitions ?? []).filter((d) => (channelOfDefinition(d) ?? channelWord) === channelWord);
  const live = (name: string) => fitting.filter((d) => !d.archived && sameName(d.name, name));
  return fitting
    .filter((d) => !d.archived || live(d.name).length === 0)
    .map((d) => {
      const shared = fitting.filter((g) => g.archived === d.archived && sameName(g.name, d.name)).length > 1;
      const about = [d.communicationMethod?.toLowerCase(), d.archived ? 'inactive' : undefined].filter((x) => x !== undefined).join(', ');
      return {
        label: shared ? `${d.name} (#${d.id})` : d.name,
        kind: 'value' as const,
        detail: `subscription #${d.id}${about ? ` (${about})` : ''}`,
        documentation: `Subscription **${d.name}**${d.description ? `: ${d.description}` : ''}. The filter gets its id \`${d.id}\`.${shared ? ' Another subscription has this name, so its id is written.' : ''}`,
        insertText: shared ? `#${d.id}` : quoteString(d.name),
        filterText: `${quoteString(d.name)} ${d.id}`,
        sortText: `${d.archived ? 1 : 0}${d.name.toLowerCase()} ${d.id}`,
        replace,
      };
    });
}

/**
 * The portal's marketing emails (marketing-emails.json) by name, with their ids in the detail: a name is
 * for people (hover, the check's fixes), since which id EMAIL_EVENT takes is not documented. Archived
 * emails come last; one whose name a live email has is not offered (the name means the live one).
 */
export function marketingEmailNameEntries(emails: readonly MarketingEmailRef[] | undefined, replace: Span): CompletionEntry[] {
  const all = emails ?? [];
  return all
    .filter((e) => !e.archived || !all.some((l) => !l.archived && sameName(l.name, e.name)))
    .map((e) => ({
      // Two live emails of one name stay apart by id (the check then asks which one is meant).
      label: all.filter((o) => o.archived === e.archived && sameName(o.name, e.name)).length > 1 ? `${e.name} (#${e.id})` : e.name,
      kind: 'value' as const,
      detail: `marketing email ${describeEmailIds(e)}${e.archived ? ' (archived)' : ''}`,
      documentation: `HubSpot marketing email **${e.name}**${e.subject ? `, subject "${e.subject}"` : ''}${e.state ? ` (${e.state})` : ''}. Its ids: ${describeEmailIds(e)}.`,
      insertText: quoteString(e.name),
      filterText: quoteString(e.name),
      sortText: `${e.archived ? 1 : 0}${e.name.toLowerCase()} ${e.id.padStart(12, '0')}`,
      replace,
    }));
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The portal's labels of contact associations to `objectType` (association-labels.json), by name; `#id` where a name is shared. */
export function labelNameEntries(schema: Schema, objectType: ObjectTypeName, replace: Span): CompletionEntry[] {
  const labels = (schema.associationLabels?.labels ?? []).filter((l) => l.object === objectType);
  return labels.map((l) => {
    const shared = labels.filter((m) => sameName(m.label, l.label)).length > 1;
    return {
      label: shared ? `${l.label} (#${l.typeId})` : l.label,
      kind: 'value' as const,
      detail: `association label #${l.typeId}`,
      documentation: `HubSpot association label **${l.label}** (${l.category}); the association branch gets type id ${l.typeId}.`,
      insertText: shared ? `#${l.typeId}` : quoteString(l.label),
      filterText: `${quoteString(l.label)} #${l.typeId}`,
      sortText: `${l.label.toLowerCase()} ${l.typeId.padStart(8, '0')}`,
      replace,
    };
  });
}

interface Phrase {
  text: string;
  detail?: string;
  documentation?: string;
  kind?: EntryKind;
  /** Text inserted after the phrase (e.g. `: ` after a setting key). */
  suffix?: string;
  snippet?: string;
}

/** Phrases whose words start with the words already typed; each inserts the words still missing. */
export function phraseEntries(phrases: Phrase[], typed: string[], replace: Span, kind: EntryKind): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const p of phrases) {
    const words = p.text.split(' ');
    if (!typed.every((w, i) => words[i]?.toLowerCase() === w)) continue;
    const rest = words.slice(typed.length).join(' ');
    if (rest === '') continue;
    out.push({
      label: p.text,
      kind: p.kind ?? kind,
      detail: p.detail,
      documentation: p.documentation,
      insertText: rest + (p.suffix ?? ''),
      snippet: p.snippet,
      filterText: rest,
      replace,
    });
  }
  return out;
}

const LIST_SETTING_DOCS: Record<string, string> = {
  type: '`active` (DYNAMIC), `static` (MANUAL) or `snapshot` (SNAPSHOT). Default `active`.',
  folder: 'The list folder in HubSpot, as text.',
  timezone: 'IANA zone for dates and "today" in this list, e.g. `"Europe/Warsaw"`.',
  description: 'For people; not sent to HubSpot.',
  members: 'A static list\'s members: record ids and emails, `members: (#123, "ann@example.com")`.',
  'members from': 'A static list\'s members from a CSV file (an `email` or `id` column, or one value a line), relative to this file.',
};

const SYNC_SETTING_DOCS: Record<string, string> = {
  'inclusion list': 'The active list whose members may sync to Salesforce.',
  'salesforce creates hubspot contacts': '`yes`: "Create or update the contact"; `no`: "Do nothing".',
  'hubspot creates in salesforce': '`lead` or `contact`: what a new HubSpot contact becomes in Salesforce.',
};

const MEMBER_SETTINGS: readonly string[] = ['members', 'members from'];

export function settingKeyEntries(block: 'list' | 'sync' | 'condition', typed: string[], present: string[], replace: Span, allowWhere: boolean, staticList = false): CompletionEntry[] {
  // Only a static list has members: its member settings are offered once `type: static` is written.
  const listKeys = LIST_SETTINGS.filter((k) => staticList || !MEMBER_SETTINGS.includes(k));
  const keys = block === 'list' ? listKeys : block === 'condition' ? CONDITION_SETTINGS : SYNC_SETTINGS;
  const docs = block === 'sync' ? SYNC_SETTING_DOCS : LIST_SETTING_DOCS;
  const phrases: Phrase[] = keys.filter((k) => !present.includes(k)).map((k) => ({ text: k, documentation: docs[k], suffix: ': ', detail: 'setting' }));
  if (allowWhere) phrases.push({ text: 'where', kind: 'keyword', suffix: ' ', detail: `the ${block}'s criteria` });
  if (block === 'sync') phrases.push({ text: 'map', kind: 'keyword', suffix: ' ', detail: 'map a HubSpot property to a Salesforce field' });
  return phraseEntries(phrases, typed, replace, 'setting').map((e) => ({ ...e, retrigger: true }));
}

const TYPE_DOCS: Record<string, string> = {
  active: 'HubSpot `DYNAMIC`: members are re-evaluated continuously.',
  static: 'HubSpot `MANUAL`: members are added by hand; no criteria.',
  snapshot: 'HubSpot `SNAPSHOT`: criteria evaluated once, at creation.',
};

function timezoneEntries(replace: Span): CompletionEntry[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC', 'Europe/Warsaw', 'America/New_York'];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')].map((z) => ({ label: z, kind: 'value', insertText: quoteString(z), filterText: quoteString(z), replace }));
}

export interface SettingValueInput {
  key: string;
  typed: string[];
  replace: Span;
  lists: ListInfo[];
  folders: string[];
}

export function listSettingValueEntries(input: SettingValueInput): CompletionEntry[] {
  const { key, replace } = input;
  if (key === 'type') return LIST_TYPES.map((t) => ({ label: t, kind: 'value', documentation: TYPE_DOCS[t], insertText: t, replace }));
  if (key === 'timezone') return timezoneEntries(replace);
  if (key === 'folder') return input.folders.map((f) => ({ label: f, kind: 'value', insertText: quoteString(f), filterText: quoteString(f), replace }));
  return [];
}

export function syncSettingValueEntries(input: SettingValueInput): CompletionEntry[] {
  const { key, replace } = input;
  if (key === 'inclusion list') return listNameEntries(input.lists, replace, true);
  const allowed = SYNC_VALUES[key];
  if (!allowed) return [];
  return Object.entries(allowed).map(([word, ui]) => ({ label: word, kind: 'value', detail: `"${ui}"`, insertText: word, replace }));
}

export function ruleEntries(typed: string[], replace: Span): CompletionEntry[] {
  const rules = Object.entries(SYNC_RULES).filter(([rule]) => rule !== 'do not sync');
  return phraseEntries(rules.map(([text, ui]) => ({ text, detail: `"${ui}"` })), typed, replace, 'value');
}

export function salesforceFieldEntries(fields: SalesforceFieldInfo[], replace: Span): CompletionEntry[] {
  return fields.map((f) => ({
    label: f.name,
    kind: 'field',
    detail: `${f.label} (${f.type}) · ${f.objects.join(', ')}`,
    insertText: /^[A-Za-z_][A-Za-z0-9_]*$/.test(f.name) ? f.name : `\`${f.name}\``,
    filterText: `${f.name} ${f.label}`,
    replace,
  }));
}
