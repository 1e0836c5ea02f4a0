// What a preview needs from the portal: derived from the resolved plans (plan.ts) of every list in
// the workspace, so one cached snapshot serves every list and a later edit rarely needs new data.

import { timeRefs, type PlanNode } from '../plan-types';
import type { AssociatedObjectName } from '../../language/schema-types';
import { readsHistory } from '../../language/operators';
import { addEventNeeds, coversEventNeeds, mergeEventNeeds, sortedEventNeeds, type EmailEventNeed } from './email-event-needs';
import { addHistoryFilter, LAST_MODIFIED, mergeScopes, scopeCovers, type HistoryScope } from './history-scope';

/** HubSpot's default contact property "Number of Pageviews": loaded with the contacts when page views are needed, so that only contacts with views are asked for them. */
export const PAGE_VIEW_COUNT = 'hs_analytics_num_page_views';

/** Page views the lists ask about (`visited page …`): every contact's, from a time on. */
export interface PageViewNeed {
  /** Epoch ms: views after it are needed (the widest `in last N days`); absent: all time. */
  since?: number;
}

/** Always loaded: samples show each contact's email and name, and `--explain` finds contacts by email. */
export const IDENTITY_PROPERTIES = ['email', 'firstname', 'lastname'] as const;

export interface DataNeeds {
  /** Contact properties read by any filter (plus the identity properties), sorted. */
  contactProperties: string[];
  /** Company properties read inside `associated company where …`, sorted. */
  companyProperties: string[];
  /** HubSpot list ids used as `in list #id`, sorted. */
  listIds: string[];
  /** Contact properties used by has-ever / has-never / updated-in-last filters, sorted. */
  historyProperties: string[];
  /**
   * Which contacts need the history of `historyProperties` (history-scope.ts), when there are some. Absent:
   * every contact's; a manifest says so for a cache that read every contact's history (or was written
   * before hslist read history only where needed).
   */
  historyScope?: HistoryScope;
  /** True when any list filters on associated companies. */
  companies: boolean;
  /** True when any list filters on associated deals (`associated deal …`, `number of associated deals …`). */
  deals?: boolean;
  /** Deal properties read inside `associated deal where …`, sorted. */
  dealProperties?: string[];
  tickets?: boolean;
  ticketProperties?: string[];
  /** Form ids named by `submitted form …`, sorted. */
  formIds?: string[];
  /** True when a list uses `submitted any form`: every form's submissions are read. */
  anyForm?: boolean;
  /** Channels of the subscription statuses the lists ask about (EMAIL, SMS, WHATSAPP), sorted. */
  subscriptionChannels?: string[];
  /** Marketing email events the lists ask about (per app, email and type, from when), sorted by key. */
  emailEvents?: EmailEventNeed[];
  /** Present when a list uses `visited page …`. */
  pageViews?: PageViewNeed;
}

type Holder = 'contacts' | AssociatedObjectName;

interface Collector {
  properties: Record<Holder, Set<string>>;
  listIds: Set<string>;
  history: Set<string>;
  historyScope: HistoryScope;
  associated: Set<AssociatedObjectName>;
  formIds: Set<string>;
  anyForm: boolean;
  channels: Set<string>;
  emailEvents: Map<string, EmailEventNeed>;
  pageViews: PageViewNeed | undefined;
}

function collector(contacts: Iterable<string>): Collector {
  return { properties: { contacts: new Set(contacts), companies: new Set(), deals: new Set(), tickets: new Set() }, listIds: new Set(), history: new Set(), historyScope: { tests: [] }, associated: new Set(), formIds: new Set(), anyForm: false, channels: new Set(), emailEvents: new Map(), pageViews: undefined };
}

/** The union of what the given plans read. */
export function dataNeeds(plans: Iterable<PlanNode>): DataNeeds {
  const c = collector(IDENTITY_PROPERTIES);
  for (const plan of plans) walk(plan, c, 'contacts');
  if (c.pageViews) c.properties.contacts.add(PAGE_VIEW_COUNT);
  // A contact modified before an `updated in last N days` window starts is judged by this, without history.
  if (c.historyScope.windowSince !== undefined) c.properties.contacts.add(LAST_MODIFIED);
  return {
    contactProperties: [...c.properties.contacts].sort(),
    companyProperties: [...c.properties.companies].sort(),
    listIds: [...c.listIds].sort(),
    historyProperties: [...c.history].sort(),
    ...(c.history.size > 0 ? { historyScope: c.historyScope } : {}),
    companies: c.associated.has('companies'),
    deals: c.associated.has('deals'),
    dealProperties: [...c.properties.deals].sort(),
    tickets: c.associated.has('tickets'),
    ticketProperties: [...c.properties.tickets].sort(),
    formIds: [...c.formIds].sort(),
    anyForm: c.anyForm,
    subscriptionChannels: [...c.channels].sort(),
    emailEvents: sortedEventNeeds(c.emailEvents),
    ...(c.pageViews ? { pageViews: c.pageViews } : {}),
  };
}

/** The contact properties one plan reads, in the order its clauses name them (for display columns). */
export function contactPropertiesOf(plan: PlanNode): string[] {
  const c = collector([]);
  walk(plan, c, 'contacts');
  return [...c.properties.contacts];
}

function walk(plan: PlanNode, c: Collector, holder: Holder): void {
  switch (plan.kind) {
    case 'and':
    case 'or':
      plan.children.forEach((child) => walk(child, c, holder));
      return;
    case 'not':
      walk(plan.child, c, holder);
      return;
    case 'inWorkspaceList':
      walk(plan.plan, c, holder);
      return;
    case 'association':
      c.associated.add(plan.object);
      walk(plan.records, c, plan.object);
      return;
    case 'associationCount':
      c.associated.add(plan.object);
      return;
    case 'inList':
      c.listIds.add(plan.listId);
      return;
    case 'form':
      if (plan.formId === undefined) c.anyForm = true;
      else c.formIds.add(plan.formId);
      return;
    case 'subscription':
      c.channels.add(plan.channel);
      return;
    case 'emailEvent':
      addEventNeeds(plan, c.emailEvents);
      return;
    case 'pageView':
      c.pageViews = widerPageViews(c.pageViews, plan.since === undefined ? {} : { since: plan.since });
      return;
    case 'filter': {
      const target = c.properties[holder];
      const ofContact = holder === 'contacts';
      target.add(plan.filter.property);
      for (const ref of timeRefs(plan.filter)) {
        target.add(ref.property);
        if (ofContact && ref.updated) {
          c.history.add(ref.property);
          c.historyScope.everyContact = true;
        }
      }
      if (ofContact && readsHistory(plan.filter)) {
        c.history.add(plan.filter.property);
        addHistoryFilter(c.historyScope, plan.filter);
      }
      return;
    }
    default:
      return;
  }
}

/** True when `have` holds everything `want` asks for (a cached snapshot can then be reused). */
export function coversNeeds(have: DataNeeds, want: DataNeeds): boolean {
  const covers = (a: string[], b: string[]) => b.every((x) => a.includes(x));
  return (
    covers(have.contactProperties, want.contactProperties) &&
    covers(have.companyProperties, want.companyProperties) &&
    covers(have.listIds, want.listIds) &&
    covers(have.historyProperties, want.historyProperties) &&
    (want.historyProperties.length === 0 || scopeCovers(have.historyScope, want.historyScope)) &&
    (have.companies || !want.companies) &&
    (have.deals === true || !want.deals) &&
    covers(have.dealProperties ?? [], want.dealProperties ?? []) &&
    (have.tickets === true || !want.tickets) &&
    covers(have.ticketProperties ?? [], want.ticketProperties ?? []) &&
    (have.anyForm === true || !want.anyForm) &&
    covers(have.formIds ?? [], want.formIds ?? []) &&
    covers(have.subscriptionChannels ?? [], want.subscriptionChannels ?? []) &&
    coversEventNeeds(have.emailEvents, want.emailEvents) &&
    (want.pageViews === undefined || (have.pageViews !== undefined && (have.pageViews.since === undefined || (want.pageViews.since !== undefined && have.pageViews.since <= want.pageViews.since))))
  );
}

/** Both sets of needs together. */
export function mergeNeeds(a: DataNeeds, b: DataNeeds): DataNeeds {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort();
  return {
    contactProperties: union(a.contactProperties, b.contactProperties),
    companyProperties: union(a.companyProperties, b.companyProperties),
    listIds: union(a.listIds, b.listIds),
    historyProperties: union(a.historyProperties, b.historyProperties),
    ...mergedHistoryScope(a, b),
    companies: a.companies || b.companies,
    deals: a.deals === true || b.deals === true,
    dealProperties: union(a.dealProperties ?? [], b.dealProperties ?? []),
    tickets: a.tickets === true || b.tickets === true,
    ticketProperties: union(a.ticketProperties ?? [], b.ticketProperties ?? []),
    formIds: union(a.formIds ?? [], b.formIds ?? []),
    anyForm: a.anyForm === true || b.anyForm === true,
    subscriptionChannels: union(a.subscriptionChannels ?? [], b.subscriptionChannels ?? []),
    emailEvents: mergeEventNeeds(a.emailEvents, b.emailEvents),
    ...(a.pageViews || b.pageViews ? { pageViews: widerPageViews(a.pageViews, b.pageViews) } : {}),
  };
}

/** Both together: a contact is decided only when both decide it; every contact's history when either wants it. */
function mergedHistoryScope(a: DataNeeds, b: DataNeeds): Pick<DataNeeds, 'historyScope'> {
  const scope = (n: DataNeeds) => (n.historyScope ? { historyScope: n.historyScope } : {});
  if (a.historyProperties.length === 0) return scope(b);
  if (b.historyProperties.length === 0) return scope(a);
  return a.historyScope && b.historyScope ? { historyScope: mergeScopes(a.historyScope, b.historyScope) } : {};
}

/** Both windows together: the earlier start, all time when either is. */
export function widerPageViews(a: PageViewNeed | undefined, b: PageViewNeed | undefined): PageViewNeed {
  if (!a || !b) return (a ?? b)!;
  return a.since === undefined || b.since === undefined ? {} : { since: Math.min(a.since, b.since) };
}

/** Whether the lists read form submissions: of any form, or of forms they name. */
export function readsForms(needs: DataNeeds): boolean {
  return needs.anyForm === true || (needs.formIds ?? []).length > 0;
}
