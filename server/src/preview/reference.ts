// The reference interpreter: contact by contact, over plain records, straight from
// docs/semantics.md. Slow and obviously right; the fast evaluator is tested against it.
// Kleene logic: a condition that needs data that was not loaded is 'unknown', never guessed.

import { inSubmissionWindow, submissionCountPasses, submissionCountVerdict } from './form-window';
import type { PlanNode } from './plan-types';
import type { AssociatedRecord, CompanyRecord, ContactRecord, OptState, SubscriptionRecord, Tri } from './types';
import type { AssociatedObjectName } from '../language/schema-types';
import { judgeFilter } from './judge';
import { EVENT_RULES, urlMatcher } from './events';
import { memberEmailFilter } from './plan';
import { submissionOnPage } from './form-pages';

export function triAnd(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes('unknown') ? 'unknown' : true;
}

export function triOr(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}

export function triNot(v: Tri): Tri {
  return v === 'unknown' ? 'unknown' : !v;
}

/** Does the contact match the plan? */
export function evaluateContact(plan: PlanNode, contact: ContactRecord): Tri {
  switch (plan.kind) {
    case 'and':
      return plan.children.length === 0 ? true : triAnd(plan.children.map((c) => evaluateContact(c, contact)));
    case 'or':
      return triOr(plan.children.map((c) => evaluateContact(c, contact)));
    case 'not':
      return triNot(evaluateContact(plan.child, contact));
    case 'filter':
      return judgeFilter(plan.filter, contact.properties, contact.history);
    case 'inList':
      return contact.listMemberships ? contact.listMemberships.includes(plan.listId) : 'unknown';
    case 'inWorkspaceList':
      return evaluateContact(plan.plan, contact);
    case 'association':
      return judgeAssociation(plan, contact);
    case 'associationCount':
      return judgeCount(plan, contact);
    case 'form':
      return judgeForm(plan, contact);
    case 'subscription':
      return judgeSubscription(plan, contact);
    case 'emailEvent':
      return judgeEmailEvent(plan, contact);
    case 'pageView':
      return judgePageView(plan, contact);
    case 'webinar':
      return contact.webinars ? contact.webinars.some((w) => (plan.webinarId === undefined || w.id === plan.webinarId) && w[plan.action]) : 'unknown';
    case 'cta':
      return judgeCta(plan, contact);
    case 'adsSeen':
      return contact.adViews ? contact.adViews.some((v) => inSubmissionWindow(plan, v.timestamp)) : 'unknown';
    case 'constant':
      return plan.accept;
    case 'members':
      return plan.ids.includes(contact.id) || (plan.emails.length > 0 && judgeFilter(memberEmailFilter(plan.emails), contact.properties, contact.history) === true);
    case 'unavailable':
      return 'unknown';
  }
}

/** The contact's associated records of the node's object (the primary company only; with the label only); undefined when not loaded. */
function associatedRecords(plan: { object: AssociatedObjectName; primary: boolean; label?: string }, contact: ContactRecord): AssociatedRecord[] | undefined {
  const all = plan.object === 'companies' ? contact.companies : plan.object === 'deals' ? contact.deals : contact.tickets;
  if (!all) return undefined;
  return all.filter((r) => (!plan.primary || (r as CompanyRecord).primary === true) && (plan.label === undefined || (r.labels ?? []).includes(plan.label)));
}

/** Some associated record (the primary company only, for `primary`) satisfies the branch; none → false. */
function judgeAssociation(plan: Extract<PlanNode, { kind: 'association' }>, contact: ContactRecord): Tri {
  const candidates = associatedRecords(plan, contact);
  if (!candidates) return 'unknown';
  return triOr(candidates.map((c) => evaluateContact(plan.records, { id: c.id, properties: c.properties })));
}

/** NUM_OCCURRENCES over the associated records: at least min, at most max. */
function judgeCount(plan: Extract<PlanNode, { kind: 'associationCount' }>, contact: ContactRecord): Tri {
  const records = associatedRecords({ ...plan, label: undefined }, contact);
  if (!records) return 'unknown';
  return records.length >= plan.min && (plan.max === undefined || records.length <= plan.max);
}

function judgeForm(plan: Extract<PlanNode, { kind: 'form' }>, contact: ContactRecord): Tri {
  if (!contact.formSubmissions) return 'unknown';
  // `in last N days` compiles to a RELATIVE_COMPARATIVE AFTER now − N days window: strictly after, as IS_AFTER.
  const inWindow = contact.formSubmissions.filter((s) => (plan.formId === undefined || s.formId === plan.formId) && inSubmissionWindow(plan, s.timestamp));
  const page = plan.page;
  if (!page) return submissionCountPasses(plan, inWindow.length);
  // On the page: the count lies between the submissions surely on it and those plus the ones whose page cannot be told.
  const on = inWindow.map((s) => submissionOnPage(s, page));
  return submissionCountVerdict(plan, on.filter((x) => x === true).length, on.filter((x) => x === 'unknown').length);
}

/** The contact's status for one subscription of the channel ('' = the channel portal-wide); no entry is NOT_OPTED (Assumed). */
export function subscriptionStatus(records: SubscriptionRecord[], channel: string, id: string): OptState {
  const found = records.filter((r) => r.channel === channel && (r.subscriptionId ?? '') === id);
  return found.length > 0 ? found[found.length - 1].status : 'NOT_OPTED';
}

function judgeSubscription(plan: Extract<PlanNode, { kind: 'subscription' }>, contact: ContactRecord): Tri {
  if (!contact.subscriptions) return 'unknown';
  const ids = plan.all ? [''] : plan.ids;
  return ids.every((id) => subscriptionStatus(contact.subscriptions!, plan.channel, id) === plan.status);
}

function judgeEmailEvent(plan: Extract<PlanNode, { kind: 'emailEvent' }>, contact: ContactRecord): Tri {
  if (!contact.emailEvents) return 'unknown';
  const rule = EVENT_RULES[plan.operator];
  const ofEmail = contact.emailEvents.filter((e) => e.appId === plan.appId && e.emailId === plan.emailId);
  // A link (clickUrl): the click must be on that URL, compared ignoring case (Assumed, as page URLs).
  const onLink = (e: { url?: string }) => plan.clickUrl === undefined || (e.url ?? '').toLowerCase() === plan.clickUrl.toLowerCase();
  const happened = ofEmail.some((e) => e.type === rule.happened && inSubmissionWindow(plan, e.timestamp) && onLink(e));
  return happened && !(rule.without !== undefined && ofEmail.some((e) => e.type === rule.without));
}

function judgePageView(plan: Extract<PlanNode, { kind: 'pageView' }>, contact: ContactRecord): Tri {
  if (!contact.pageViews) return 'unknown';
  const matches = urlMatcher(plan.match, plan.url);
  if (typeof matches === 'string') return 'unknown';
  const viewed = contact.pageViews.filter((v) => (plan.since === undefined || v.timestamp > plan.since) && matches(v.url)).length;
  return viewed >= (plan.minTimes ?? 1);
}

/** The CTA's clicks (views) in the window, counted as form submissions are. */
function judgeCta(plan: Extract<PlanNode, { kind: 'cta' }>, contact: ContactRecord): Tri {
  if (!contact.ctaEvents) return 'unknown';
  const type = plan.action === 'clicked' ? 'CLICK' : 'VIEW';
  const inWindow = contact.ctaEvents.filter((e) => e.cta === plan.ctaName && e.type === type && inSubmissionWindow(plan, e.timestamp));
  return submissionCountPasses(plan, inWindow.length);
}

/** Every contact's result, for tests and the benchmark's reference figure. */
export function evaluateAll(plan: PlanNode, contacts: Iterable<ContactRecord>): { matched: string[]; unknown: string[] } {
  const matched: string[] = [];
  const unknown: string[] = [];
  for (const c of contacts) {
    const r = evaluateContact(plan, c);
    if (r === true) matched.push(c.id);
    else if (r === 'unknown') unknown.push(c.id);
  }
  return { matched, unknown };
}
