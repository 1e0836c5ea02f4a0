// One entry point for the CLI and the language server: workspace + data source → loaded data, then
// workspace + list name + loaded data → the list's preview (counts, funnel, samples, explanation).
// Loading is separate so an editor loads once and previews on every keystroke.

import type { ListNode } from '@hslist/grammar';
import type { HubSpotAccountOptions } from '../hubspot/account/account';
import { type ColumnStore, rawValue } from './columns';
import { CompiledEvaluator, type TriSet } from './compiled';
import { dictionaryMatches } from './compiled-strings';
import { explainNode, recordAt, type ExplainNode } from './explain';
import type { PlanNode } from './plan-types';
import type { PreviewResult } from './result-types';
import type { ContactRecord, SourceReport } from './types';
import type { HistoryById } from './hubspot/cache-files';
import type { Progress } from './hubspot/fetch-contacts';
import { resolveHistoryFilters } from './hubspot/history-overlay';
import { dataNeeds, IDENTITY_PROPERTIES, type DataNeeds } from './hubspot/needs';
import { loadHubSpotContacts, type Refresh } from './hubspot/source';
import { BadExportsSetting, type ExportPolicy } from './hubspot/fetch-export';
import { PreviewTooLarge } from './store-limits';
import { loadContactsFile } from './run-file';
import { markUnanswerable, planForList, type PlanWorkspace } from './run-plan';
import { membersNotInData } from './members';
import { listTypeOf } from '../language/checks/list-settings';

export interface PreviewWorkspace extends PlanWorkspace {
  /** Folder of hslist.json: the live source caches under its .hslist/cache/. */
  root: string;
}

export type DataSource =
  | { kind: 'file'; path: string; /** How to name it in messages. */ label?: string; exportZone?: string }
  | { kind: 'hubspot'; connection: HubSpotAccountOptions; /** Tests and benches only: see HubSpotSourceOptions. */ searchCeiling?: number; exports?: ExportPolicy | false };

export interface LoadOptions {
  /** The preview's *now* (relative dates; the CLI's --now). */
  now?: () => number;
  /** The wall clock for the live cache's age (default Date.now); tests set it, --now never does. */
  clock?: () => number;
  /** Contact properties to load besides those the lists read (the sync simulator's mapped properties). */
  extraProperties?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface PreviewData {
  kind: DataSource['kind'];
  store: ColumnStore;
  report: SourceReport;
  history: HistoryById | undefined;
  missingLists: ReadonlyMap<string, string>;
  /** Live source: what HubSpot would not give, with why (`companies`, `deals`, `tickets`, `forms`, `form:<id>`, `subscriptions[:<CHANNEL>]`). */
  unloaded?: ReadonlyMap<string, string>;
  /** Live source: the forms whose submissions were read (every form, or these ids); undefined: the records carry them. */
  formsRead?: 'all' | ReadonlySet<string>;
  /** Live source only: how the cache was refreshed. */
  refresh?: Refresh;
  /** Live source only: the portal's id and time zone setting. */
  portal?: { id: string; timeZone: string | undefined };
}

/** What every list of the workspace reads (one load serves them all). */
export function workspaceNeeds(workspace: PlanWorkspace, now: number): DataNeeds {
  return dataNeeds(workspace.lists.map((l) => planForList(l, workspace, now)));
}

/** `needs` plus the extra properties the schema knows, kept sorted as dataNeeds keeps them. */
function withProperties(needs: DataNeeds, workspace: PlanWorkspace, extra: readonly string[] | undefined): DataNeeds {
  const known = (extra ?? []).filter((p) => workspace.schema.objects.contacts.has(p) && !needs.contactProperties.includes(p));
  return known.length === 0 ? needs : { ...needs, contactProperties: [...needs.contactProperties, ...known].sort() };
}

/** Loads the data; throws PreviewCancelled when the signal fires, HubSpotAccountError when HubSpot fails. */
export async function loadPreviewData(workspace: PreviewWorkspace, source: DataSource, options: LoadOptions = {}): Promise<PreviewData | { error: string }> {
  const now = options.now ?? Date.now;
  const needs = withProperties(workspaceNeeds(workspace, now()), workspace, options.extraProperties);
  if (source.kind === 'file') {
    const loaded = await loadContactsFile(source.path, workspace.schema, needs.contactProperties, { ...options, name: source.label, exportZone: source.exportZone });
    if ('error' in loaded) return loaded;
    return { kind: 'file', ...loaded, history: undefined, missingLists: new Map() };
  }
  let live: Awaited<ReturnType<typeof loadHubSpotContacts>>;
  try {
    live = await loadHubSpotContacts({ root: workspace.root, connection: source.connection, schema: workspace.schema, needs, clock: options.clock, signal: options.signal, onProgress: options.onProgress, searchCeiling: source.searchCeiling, exports: source.exports });
  } catch (error) {
    if (error instanceof PreviewTooLarge) return { error: `The HubSpot portal cannot be previewed locally: ${error.message}` };
    if (error instanceof BadExportsSetting) return { error: error.message };
    throw error;
  }
  return {
    kind: 'hubspot', store: live.store, report: live.report, history: live.history, missingLists: live.missingLists, unloaded: live.unloaded,
    ...(live.formsRead ? { formsRead: live.formsRead } : {}), refresh: live.refresh, portal: live.portal,
  };
}

export interface SampleContact {
  id: string;
  email: string | null;
  name: string | null;
  /** The contact's values of the properties the list reads. */
  values: Record<string, string | null>;
}

export interface ListPreview {
  list: string;
  result: PreviewResult;
  samples: SampleContact[];
  /** Contact properties the list reads (shown with the samples). */
  properties: string[];
  explanation?: ExplainNode | { error: string };
  /** The rows the list certainly / possibly matches, for the enter/leave comparison. */
  rows: TriSet;
  store: ColumnStore;
  /** A static list's members (by `#id` or email) with no contact in the data: counted out, and named. */
  membersNotInData?: string[];
}

export interface PreviewOptions {
  now: number;
  sampleSize?: number;
  /** A contact's email or record id. */
  explain?: string;
  evaluator?: CompiledEvaluator;
}

export function findList(workspace: PlanWorkspace, name: string): ListNode | undefined {
  return workspace.lists.find((l) => l.name.text === name) ?? workspace.lists.find((l) => l.name.text.toLowerCase() === name.toLowerCase());
}

/** The preview of one list on loaded data. */
export function previewList(workspace: PlanWorkspace, data: PreviewData, listName: string, options: PreviewOptions): ListPreview | { error: string } {
  const list = findList(workspace, listName);
  if (!list) return { error: `There is no list named "${listName}" in the workspace.` };
  const marked = answerablePlan(workspace, data, list, options.now);
  const { plan, store } = resolveHistoryFilters(marked, data.store, data.history);
  const evaluator = options.evaluator && options.evaluator.store === store ? options.evaluator : new CompiledEvaluator(store);
  const result = evaluator.evaluate(plan, { sampleSize: options.sampleSize ?? 5 });
  const properties = dataNeeds([marked]).contactProperties.filter((p) => !(IDENTITY_PROPERTIES as readonly string[]).includes(p));
  const preview: ListPreview = {
    list: list.name.text, result, properties, rows: evaluator.rows(plan), store,
    samples: result.sampleIds.map((id) => sampleContact(store, store.ids.rowOf(id), properties)),
  };
  if (options.explain !== undefined) preview.explanation = explainWho(store, marked, data.history, options.explain);
  const members = workspace.members?.get(list.name.text.toLowerCase());
  if (members && !members.problem && listTypeOf(list) === 'static') preview.membersNotInData = membersNotInData(members, store);
  return preview;
}

/**
 * A note when lists without `timezone:` are read in the default zone (UTC, as hslist.json names none)
 * while the portal's is another: HubSpot users mean their portal's days, so "is after 2025-03-01" may be
 * meant a few hours apart. A zone chosen in hslist.json is the user's decision: no note then.
 */
export function zoneNote(portalZone: string | undefined, workspace: { timezone: string; timezoneChosen?: boolean }): string | undefined {
  if (workspace.timezoneChosen || !portalZone || canonicalZone(portalZone) === canonicalZone(workspace.timezone)) return undefined;
  return `The portal's time zone is ${portalZone}; lists without \`timezone:\` are compiled and previewed in ${workspace.timezone}, as hslist.json names no "timezone". Set "timezone": "${portalZone}" there to read dates in the portal's zone.`;
}

/** "US/Eastern" and "America/New_York" are one zone; an unknown name stays as written. */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

/** How a file preview's reasons say where the missing data would come from (the editor says it its own way). */
export const CLI_LIVE_HINT = 'preview with --data hubspot to load it';

/** The list's plan with every condition the data cannot answer marked, each with its reason. */
export function answerablePlan(workspace: PlanWorkspace, data: Pick<PreviewData, 'kind' | 'store' | 'history' | 'missingLists' | 'unloaded' | 'formsRead'>, list: ListNode, now: number, fileHint = CLI_LIVE_HINT): PlanNode {
  return markUnanswerable(planForList(list, workspace, now), {
    store: data.store,
    historyProperties: loadedHistory(workspace, data, now),
    missingLists: data.missingLists,
    unloaded: data.unloaded ?? new Map(),
    ...(data.formsRead ? { formsRead: data.formsRead } : {}),
    live: data.kind === 'hubspot',
    hint: data.kind === 'file' ? fileHint : 'the live source could not load it',
  });
}

/** Properties whose history the data holds: fetched by the live source, or carried by a JSON file's records. */
function loadedHistory(workspace: PlanWorkspace, data: Pick<PreviewData, 'store' | 'history'>, now: number): Set<string> {
  if (data.history) return new Set(workspaceNeeds(workspace, now).historyProperties);
  return new Set(data.store.history ? data.store.history.columns.keys() : []);
}

/** One contact as samples show it. */
export function sampleContact(store: ColumnStore, row: number, properties: string[]): SampleContact {
  const value = (name: string) => {
    const col = store.columns.get(name);
    return col ? rawValue(col, row) : null;
  };
  const name = [value('firstname'), value('lastname')].filter((x) => x).join(' ');
  return { id: store.ids.at(row), email: value('email'), name: name || null, values: Object.fromEntries(properties.map((p) => [p, value(p)])) };
}

/** Why a contact (by email or id) is in or out, with the plan whose unanswerable parts carry their reasons. */
export function explainWho(store: ColumnStore, plan: PlanNode, history: HistoryById | undefined, who: string): ExplainNode | { error: string } {
  const row = findContactRow(store, who);
  if (row < 0) return { error: `There is no contact ${who.includes('@') ? 'with email' : 'with id'} ${who} in the loaded data.` };
  const record = recordAt(store, row);
  const own = history?.get(record.id);
  return explainDeep(plan, own ? { ...record, history: own } : record);
}

/** explainNode, with the criteria of lists referenced by name opened up (explainNode gives them no children). */
function explainDeep(plan: PlanNode, record: ContactRecord): ExplainNode {
  return expand(plan, explainNode(plan, record), record);
}

function expand(plan: PlanNode, node: ExplainNode, record: ContactRecord): ExplainNode {
  switch (plan.kind) {
    case 'inWorkspaceList': {
      const inner = explainDeep(plan.plan, record);
      return { ...node, reason: undefined, children: [inner] };
    }
    case 'and':
    case 'or':
      return { ...node, children: node.children.map((c, i) => expand(plan.children[i], c, record)) };
    case 'not':
      return { ...node, children: [expand(plan.child, node.children[0], record)] };
    default:
      return node;
  }
}

/** The row of a record id, else of an email (case-insensitive, first row); -1 when neither. */
export function findContactRow(store: ColumnStore, who: string): number {
  const wanted = who.trim();
  const byId = store.ids.rowOf(wanted);
  if (byId >= 0 || !wanted.includes('@')) return byId;
  const col = store.columns.get('email');
  if (!col || col.kind !== 'string') return -1;
  // The evaluator's own dictionary search: no string is made per contact, even at 1M contacts.
  const { match } = dictionaryMatches(col.dict, 'IS_EQUAL_TO', [wanted]);
  const code = match.indexOf(1, 1);
  return code > 0 ? col.codes.indexOf(code) : -1;
}
