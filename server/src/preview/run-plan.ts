// Plans for a preview run: each list resolved with the workspace's default zone, and every condition
// the loaded data cannot answer turned into an `unavailable` node that says exactly what is missing
// and where it would come from, instead of the engine's generic "not loaded".

import type { ListNode, Setting } from '@hslist/grammar';
import type { Schema } from '../language/schema-types';
import { readsHistory } from '../language/operators';
import { associationIndex, type ColumnStore } from './columns';
import { planList } from './plan';
import { timeRefs, type PlanNode } from './plan-types';
import type { MembersByList } from './members';
import { EVENT_RULES } from './events';

export interface PlanWorkspace {
  schema: Schema;
  /** Every list of the workspace (for `in list "Name"`). */
  lists: ListNode[];
  /** Zone of lists without `timezone:` (hslist.json `timezone`, UTC by default). */
  defaultTimezone: string;
  /** Members of static lists (members.ts `workspaceMembers`); without it a static list has none. */
  members?: MembersByList;
}

/** What the loaded data holds besides contact properties. */
export interface LoadedKinds {
  store: ColumnStore;
  /** Properties whose history was loaded. */
  historyProperties: ReadonlySet<string>;
  /** `#id` lists that could not be read, with why. */
  missingLists: ReadonlyMap<string, string>;
  /** How to get what is missing, for the reasons ("preview with --data hubspot"). */
  hint: string;
  /** What the live source could not read, with why: `companies`, `deals`, `tickets`, `forms`, `form:<id>`, `subscriptions`, `subscriptions:<CHANNEL>`, `emailEvents`, `emailEvents:<TYPE>`, `emailEvents:<appId>:<emailId>` or `pageViews`. */
  unloaded?: ReadonlyMap<string, string>;
  /** The forms whose submissions the live source read; absent: whatever the records carry is all there is. */
  formsRead?: 'all' | ReadonlySet<string>;
  /** The live HubSpot source (which loads associated deals and tickets too). */
  live?: boolean;
}

/** The plan of `list` in the workspace, at `now`. */
export function planForList(list: ListNode, workspace: PlanWorkspace, now: number): PlanNode {
  const zoned = workspace.lists.map((l) => withDefaultZone(l, workspace.defaultTimezone));
  const lists = new Map(zoned.map((l) => [l.name.text, l]));
  return planList(withDefaultZone(list, workspace.defaultTimezone), { schema: workspace.schema, now, lists, members: workspace.members });
}

/** planList reads only the list's own `timezone:`; the workspace default is added as one when absent. */
export function withDefaultZone(list: ListNode, zone: string): ListNode {
  if (zone === 'UTC' || list.settings.some((s) => s.key.text === 'timezone')) return list;
  const at = { start: list.start, end: list.start };
  const setting: Setting = { ...at, kind: 'setting', key: { ...at, text: 'timezone' }, value: { ...at, kind: 'string', value: zone } };
  return { ...list, settings: [...list.settings, setting] };
}

/** Why a condition on associated records cannot be judged: HubSpot refused them, or the data never had them. */
function notLoaded(object: 'companies' | 'deals' | 'tickets', data: LoadedKinds): string {
  const refused = data.unloaded?.get(object);
  if (refused) return `associated ${object} are not in this data (${refused})`;
  if (object === 'companies' || data.live) return `associated ${object} are not in this data (${data.hint})`;
  return `associated ${object} are not in this data (only JSON records with "${object}" carry them, or ${data.hint})`;
}

/** Why `submitted form …` cannot be judged, or undefined when it can. */
function formsMissing(p: Extract<PlanNode, { kind: 'form' }>, data: LoadedKinds): string | undefined {
  const refused = data.unloaded?.get('forms') ?? (p.formId !== undefined ? data.unloaded?.get(`form:${p.formId}`) : undefined);
  if (refused) return `form submissions are not in this data (${refused})`;
  if (!data.store.forms) return `form submissions are not in this data (${data.live ? data.hint : `only JSON records with "formSubmissions" carry them, or ${data.hint}`})`;
  const read = data.formsRead;
  if (read === undefined || read === 'all' || (p.formId !== undefined && read.has(p.formId))) return undefined;
  return p.formId === undefined ? 'submissions of every form are not in this data (only those of the forms the lists name)' : `submissions of form ${p.formId} are not in this data (${data.hint})`;
}

/** The plan with conditions the data cannot answer marked `unavailable`, each with its reason. */
export function markUnanswerable(plan: PlanNode, data: LoadedKinds): PlanNode {
  const mark = (p: PlanNode): PlanNode => markNode(p, data, mark);
  return mark(plan);
}

function markNode(p: PlanNode, data: LoadedKinds, mark: (p: PlanNode) => PlanNode): PlanNode {
  const unavailable = (reason: string): PlanNode => ({ kind: 'unavailable', span: p.span, reason, text: 'text' in p ? p.text : '' });
  switch (p.kind) {
    case 'and':
    case 'or':
      return { ...p, children: p.children.map(mark) };
    case 'not':
      return { ...p, child: mark(p.child) };
    case 'inWorkspaceList':
      return { ...p, plan: mark(p.plan) };
    case 'inList': {
      const missing = data.missingLists.get(p.listId);
      if (missing) return unavailable(missing);
      return data.store.memberships ? p : unavailable(`membership of HubSpot list #${p.listId} is not in this data (${data.hint})`);
    }
    case 'association': {
      const index = associationIndex(data.store, p.object);
      if (!index) return unavailable(notLoaded(p.object, data));
      return p.label === undefined || index.labels ? p : unavailable(`association labels are not in this data (only JSON records with "labels" on their ${p.object} carry them)`);
    }
    case 'associationCount':
      return associationIndex(data.store, p.object) ? p : unavailable(notLoaded(p.object, data));
    case 'filter': {
      const needed = [...(readsHistory(p.filter) ? [p.filter.property] : []), ...timeRefs(p.filter).filter((r) => r.updated).map((r) => r.property)];
      const missing = needed.find((name) => !data.historyProperties.has(name));
      if (missing) return unavailable(`this needs the property history of "${missing}", which is not in this data (${data.hint})`);
      return p;
    }
    case 'form': {
      const missing = formsMissing(p, data);
      return missing ? unavailable(missing) : p;
    }
    case 'emailEvent': {
      const missing = emailEventsMissing(p, data);
      return missing ? unavailable(missing) : p;
    }
    case 'pageView': {
      const refused = data.unloaded?.get('pageViews');
      if (refused) return unavailable(`page views are not in this data (${refused})`);
      return data.store.pageViews ? p : unavailable(`page views are not in this data (${data.live ? data.hint : ONLY_JSON_PAGE_VIEWS})`);
    }
    case 'webinar':
    case 'cta':
    case 'adsSeen': {
      const { store, label, field } = ACTIVITY_DATA[p.kind];
      return data.store[store] ? p : unavailable(`${label} are not in this data (${data.live ? `the live HubSpot source does not load them: ${NO_PUBLIC_READ}; ` : ''}only JSON records with "${field}" carry them)`);
    }
    case 'subscription': {
      const missing = subscriptionsMissing(p, data);
      return missing ? unavailable(missing) : p;
    }
    default:
      return p;
  }
}

/** Where each activity condition's data is, and what it is called in a reason. */
const ACTIVITY_DATA = {
  webinar: { store: 'webinars', label: 'webinar registrations and attendance', field: 'webinars' },
  cta: { store: 'ctaEvents', label: 'CTA clicks and views', field: 'ctaEvents' },
  adsSeen: { store: 'adViews', label: 'ad views', field: 'adViews' },
} as const;
const NO_PUBLIC_READ = "HubSpot's public APIs have no per-contact read of them";

const ONLY_JSON_EMAIL_EVENTS = 'only JSON records with "emailEvents" carry them';
const ONLY_JSON_PAGE_VIEWS = 'only JSON records with "pageViews" carry them';

/**
 * Why an email event condition cannot be judged, or undefined: HubSpot refused the events (all of them,
 * or this email's), the Email Events API has no event of a type it reads (REPLY, UNSUBSCRIBE), or the
 * data has none.
 */
function emailEventsMissing(p: Extract<PlanNode, { kind: 'emailEvent' }>, data: LoadedKinds): string | undefined {
  const rule = EVENT_RULES[p.operator];
  const types = rule.without ? [rule.happened, rule.without] : [rule.happened];
  const keys = ['emailEvents', ...types.map((t) => `emailEvents:${t}`), `emailEvents:${p.appId}:${p.emailId}`];
  const refused = keys.map((k) => data.unloaded?.get(k)).find((r) => r !== undefined);
  if (refused) return `marketing email events are not in this data (${refused})`;
  if (data.store.emailEvents) return undefined;
  return `marketing email events are not in this data (${data.live ? data.hint : ONLY_JSON_EMAIL_EVENTS})`;
}

/** Why a subscription condition cannot be judged (HubSpot refused, or has no batch read for the channel), or undefined. */
function subscriptionsMissing(p: Extract<PlanNode, { kind: 'subscription' }>, data: LoadedKinds): string | undefined {
  const refused = data.unloaded?.get(`subscriptions:${p.channel}`) ?? data.unloaded?.get('subscriptions');
  if (refused) return `${p.channel === 'EMAIL' ? '' : `${p.channel} `}subscription statuses are not in this data (${refused})`;
  if (data.store.subscriptions) return undefined;
  return `subscription statuses are not in this data (${data.live ? data.hint : 'only JSON records with "subscriptions" carry them'})`;
}
