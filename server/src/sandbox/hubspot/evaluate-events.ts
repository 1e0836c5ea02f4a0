// Filters on what a contact agreed to, from the JSON alone (docs/language.md, Matching semantics):
// EMAIL_SUBSCRIPTION, COMMUNICATION_SUBSCRIPTION, EMAIL_EVENT and PAGE_VIEW. Written apart from the preview's evaluators so
// that the three can be compared.

import { asArray, type EvalContact, type EvalContext, type Json } from './evaluate-types';

/** The contact's status for one subscription of a channel ('' = portal-wide); none recorded is NOT_OPTED (Assumed). */
function statusOf(contact: EvalContact, channel: string, id: string): string {
  let status = 'NOT_OPTED';
  for (const s of contact.subscriptions ?? []) if (s.channel === channel && (s.subscriptionId ?? '') === id) status = s.status;
  return status;
}

/** Every listed subscription has the one accepted status (several ids: all of them, Assumed). */
function everyHas(contact: EvalContact, channel: string, ids: string[], accepted: unknown[], ctx: EvalContext, type: string): boolean {
  if (accepted.length !== 1) {
    ctx.report?.(`A ${type} filter takes exactly one accepted status; it matches no one here.`);
    return false;
  }
  return ids.every((id) => statusOf(contact, channel, id) === accepted[0]);
}

export function evaluateEmailSubscription(filter: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const ids = asArray(filter.subscriptionIds).map(String);
  if (ids.length === 0) return false;
  return everyHas(contact, 'EMAIL', ids, asArray(filter.acceptedStatuses), ctx, 'EMAIL_SUBSCRIPTION');
}

export function evaluateCommunicationSubscription(filter: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const channel = String(filter.channel);
  const ids = filter.subscriptionType === 'PORTAL_WIDE' ? [''] : asArray(filter.subscriptionIds).map(String);
  if (filter.subscriptionType !== 'PORTAL_WIDE' && filter.subscriptionType !== 'INDIVIDUAL_SUBSCRIPTION') {
    ctx.report?.(`Cannot evaluate a ${String(filter.subscriptionType)} COMMUNICATION_SUBSCRIPTION; it matches no one here.`);
    return false;
  }
  if (ids.length === 0) return false;
  return everyHas(contact, channel, ids, asArray(filter.acceptedOptStates), ctx, 'COMMUNICATION_SUBSCRIPTION');
}

/** For each EMAIL_EVENT operator: the event that must have happened (in the window) and the one that must never have. */
const EMAIL_OPERATORS: Record<string, [string, string?]> = {
  SENT: ['SENT'],
  RECEIVED: ['DELIVERED'],
  OPENED: ['OPEN'],
  LINK_CLICKED: ['CLICK'],
  REPLIED: ['REPLY'],
  BOUNCED: ['BOUNCE'],
  UNSUBSCRIBED: ['UNSUBSCRIBE'],
  MARKED_SPAM: ['SPAMREPORT'],
  OPENED_BUT_LINK_NOT_CLICKED: ['OPEN', 'CLICK'],
  OPENED_BUT_NOT_REPLIED: ['OPEN', 'REPLY'],
  RECEIVED_BUT_NOT_OPENED: ['DELIVERED', 'OPEN'],
  SENT_BUT_LINK_NOT_CLICKED: ['SENT', 'CLICK'],
  SENT_BUT_NOT_RECEIVED: ['SENT', 'DELIVERED'],
};

type Window = (at: number) => boolean;

/** The event for the email happened in the window; for "… but not …", the second never did (Assumed, docs/preview.md). */
export function evaluateEmailEvent(filter: Json, contact: EvalContact, ctx: EvalContext, inWindow: Window): boolean {
  const rule = EMAIL_OPERATORS[String(filter.operator)];
  if (!rule) {
    ctx.report?.(`Unknown EMAIL_EVENT operator ${String(filter.operator)}; it matches no one here.`);
    return false;
  }
  // HubSpot allows clickUrl only with LINK_CLICKED (its list filter definitions); elsewhere it is refused here.
  if (filter.clickUrl !== undefined && (filter.operator !== 'LINK_CLICKED' || typeof filter.clickUrl !== 'string')) {
    ctx.report?.(`Cannot evaluate an EMAIL_EVENT ${String(filter.operator)} with "clickUrl"; it matches no one here.`);
    return false;
  }
  const [happened, never] = rule;
  const link = typeof filter.clickUrl === 'string' ? filter.clickUrl.toLowerCase() : undefined;
  const onLink = (e: { url?: string }) => link === undefined || (e.url ?? '').toLowerCase() === link;
  const events = (contact.emailEvents ?? []).filter((e) => String(e.appId) === String(filter.appId) && String(e.emailId) === String(filter.emailId));
  const some = events.some((e) => e.type === happened && inWindow(Date.parse(e.timestamp)) && onLink(e));
  return some && !(never !== undefined && events.some((e) => e.type === never));
}

/** A view in the window whose URL equals / contains (ignoring case) or wholly matches the pattern; NOT_HAS_…: none. */
export function evaluatePageView(filter: Json, contact: EvalContact, ctx: EvalContext, inWindow: Window): boolean {
  const operator = String(filter.operator);
  const wanted = String(filter.pageUrl ?? '');
  let matches: (url: string) => boolean;
  if (operator.endsWith('_EQ')) matches = (url) => url.toLowerCase() === wanted.toLowerCase();
  else if (operator.endsWith('_CONTAINS')) matches = (url) => url.toLowerCase().includes(wanted.toLowerCase());
  else if (operator === 'HAS_PAGEVIEW_MATCHES_REGEX') {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${wanted})$`);
    } catch {
      ctx.report?.(`PAGE_VIEW pageUrl "${wanted}" is not a regular expression; it matches no one here.`);
      return false;
    }
    matches = (url) => re.test(url);
  } else {
    ctx.report?.(`Unknown PAGE_VIEW operator ${operator}; it matches no one here.`);
    return false;
  }
  const count = (contact.pageViews ?? []).filter((v) => inWindow(Date.parse(v.timestamp)) && matches(v.url)).length;
  const viewed = count >= 1 && withinOccurrences(count, filter.coalescingRefineBy, ctx);
  return operator.startsWith('NOT_') ? !viewed : viewed;
}

/**
 * A coalescingRefineBy NUM_OCCURRENCES: at least `minOccurrences` (1 when absent: a view must have happened) and
 * at most `maxOccurrences` of the views in the window (HubSpot's filters overview: prune, then coalesce). Another
 * refine type is reported and matches no one.
 */
function withinOccurrences(count: number, refine: unknown, ctx: EvalContext): boolean {
  if (refine === undefined) return true;
  const r = refine as Json;
  if (r?.type !== 'NUM_OCCURRENCES') {
    ctx.report?.(`Cannot evaluate a PAGE_VIEW coalescingRefineBy of type ${String(r?.type)}; it matches no one here.`);
    return false;
  }
  return count >= (typeof r.minOccurrences === 'number' ? r.minOccurrences : 1) && (typeof r.maxOccurrences !== 'number' || count <= r.maxOccurrences);
}
