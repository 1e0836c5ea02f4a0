// Why is a contact in or out? The plan walked for one contact with the reference semantics,
// recording each group's and filter's result together with the contact's actual values.

import type { Span } from '@hslist/grammar';
import { timeRefs, type PlanNode } from './plan-types';
import { type AssociationIndex, type ColumnStore, type FormStore, type HistoryStore, rawValue } from './columns';
import type { CompanyRecord, ContactRecord, EmailEventType, FormSubmission, HistoryEntry, SubscriptionRecord, Tri } from './types';
import { entriesAt } from './columns-entries';
import { activityAt } from './columns-activity';
import { dictEntry } from './string-dict';
import { evaluateContact, triAnd, triNot, triOr } from './reference';
import { planText } from './plan-key';
import { hasBit } from './bitset';

export interface ExplainNode {
  span: Span;
  text: string;
  result: Tri;
  /** The contact's values of the properties this filter reads. */
  values?: Record<string, string | null>;
  /** Why the result is 'unknown'. */
  reason?: string;
  children: ExplainNode[];
}

/** The contact at `row` as an API-shaped record, with the extras the store holds. */
export function recordAt(store: ColumnStore, row: number): ContactRecord {
  const properties: Record<string, string | null> = {};
  for (const [name, col] of store.columns) properties[name] = rawValue(col, row);
  const record: ContactRecord = { id: store.ids.at(row), properties };
  if (store.memberships) record.listMemberships = [...store.memberships].filter(([, b]) => hasBit(b, row)).map(([id]) => id);
  const companies = associatedAt(store.associations, row);
  if (companies) record.companies = companies;
  const deals = associatedAt(store.otherAssociations?.deals, row);
  if (deals) record.deals = deals;
  const tickets = associatedAt(store.otherAssociations?.tickets, row);
  if (tickets) record.tickets = tickets;
  if (store.history && hasBit(store.history.loaded, row)) record.history = historyAt(store.history, row);
  if (store.forms && hasBit(store.forms.loaded, row)) record.formSubmissions = submissionsAt(store.forms, row);
  if (store.emailEvents && hasBit(store.emailEvents.loaded, row)) {
    record.emailEvents = entriesAt(store.emailEvents, row).map(({ texts: [appId, emailId, type, url], timestamp }) => ({ appId, emailId, type: type as EmailEventType, timestamp, ...(url ? { url } : {}) }));
  }
  Object.assign(record, activityAt(store, row));
  if (store.pageViews && hasBit(store.pageViews.loaded, row)) record.pageViews = entriesAt(store.pageViews, row).map(({ texts: [url], timestamp }) => ({ url, timestamp }));
  if (store.subscriptions && hasBit(store.subscriptions.loaded, row)) {
    record.subscriptions = entriesAt(store.subscriptions, row).map(({ texts: [channel, id, status] }) => ({
      channel: channel as SubscriptionRecord['channel'],
      status: status as SubscriptionRecord['status'],
      ...(id ? { subscriptionId: id } : {}),
    }));
  }
  return record;
}

/** The row's associated records with their primary flag and labels; undefined when the row's record did not carry them. */
function associatedAt(a: AssociationIndex | undefined, row: number): CompanyRecord[] | undefined {
  if (!a || (a.loaded && !hasBit(a.loaded, row))) return undefined;
  const out: CompanyRecord[] = [];
  for (let k = a.offsets[row]; k < a.offsets[row + 1]; k++) {
    const { id, properties } = recordAt(a.records, a.rows[k]);
    const labels = a.labels?.[k] ? a.labels[k].split(';') : undefined;
    out.push({ id, properties, ...(a.primary[k] ? { primary: true } : {}), ...(labels ? { labels } : {}) });
  }
  return out;
}

function historyAt(history: HistoryStore, row: number): Record<string, HistoryEntry[]> {
  const out: Record<string, HistoryEntry[]> = {};
  for (const [name, h] of history.columns) {
    if (h.offsets[row] === h.offsets[row + 1]) continue;
    out[name] = [];
    for (let k = h.offsets[row]; k < h.offsets[row + 1]; k++) {
      out[name].push({ value: h.codes[k] === 0 ? null : dictEntry(h.values, h.codes[k]), timestamp: h.timestamps[k] });
    }
  }
  return out;
}

function submissionsAt(forms: FormStore, row: number): FormSubmission[] {
  const out: FormSubmission[] = [];
  for (let k = forms.offsets[row]; k < forms.offsets[row + 1]; k++) {
    const submission: FormSubmission = { formId: forms.formIds[forms.forms[k]], timestamp: forms.timestamps[k] };
    if (forms.pages[k] !== 0) submission.pageId = forms.pageIds[forms.pages[k]];
    // The address as stored (its key): the same page to the judge as the address it came from.
    if (forms.urls[k] !== 0) submission.pageUrl = forms.pageUrls[forms.urls[k]];
    out.push(submission);
  }
  return out;
}

export function explainContact(store: ColumnStore, plan: PlanNode, contactId: string): ExplainNode | { error: string } {
  const row = store.ids.rowOf(contactId);
  if (row < 0) return { error: `There is no contact with id ${contactId} in the loaded data.` };
  return explainNode(plan, recordAt(store, row));
}

export function explainNode(plan: PlanNode, contact: ContactRecord): ExplainNode {
  const base = { span: plan.span, text: planText(plan) };
  switch (plan.kind) {
    case 'and':
    case 'or': {
      const children = plan.children.map((c) => explainNode(c, contact));
      const results = children.map((c) => c.result);
      return { ...base, result: plan.kind === 'and' ? (results.length ? triAnd(results) : true) : triOr(results), children };
    }
    case 'not': {
      const child = explainNode(plan.child, contact);
      return { ...base, result: triNot(child.result), children: [child] };
    }
    case 'filter': {
      const names = [plan.filter.property, ...timeRefs(plan.filter).map((r) => r.property)];
      const values = Object.fromEntries(names.map((n) => [n, contact.properties[n] ?? null]));
      const result = evaluateContact(plan, contact);
      return { ...base, result, values, ...(result === 'unknown' ? { reason: 'the data this condition needs is not loaded' } : {}), children: [] };
    }
    case 'unavailable':
      return { ...base, result: 'unknown', reason: plan.reason, children: [] };
    default: {
      const result = evaluateContact(plan, contact);
      return { ...base, result, ...(result === 'unknown' ? { reason: 'the data this condition needs is not loaded' } : {}), children: [] };
    }
  }
}
