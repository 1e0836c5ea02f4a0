// Filters on what a contact agreed to or did, back to their phrases: EMAIL_SUBSCRIPTION and
// COMMUNICATION_SUBSCRIPTION → `opted in to email subscription #123`, `opted out of all sms`; and
// NUM_ASSOCIATIONS → `number of associated deals >= 2`; EMAIL_EVENT → `marketing email #456 of app #113
// opened`; PAGE_VIEW → `visited page containing "/pricing"` (NOT_HAS_… → `not visited page …`).

import type { CountComparison, Expr, Name, PageMatch, SubscriptionRef } from '@hslist/grammar';
import { associationByTypeId } from '../language/associations';
import * as ast from './decompile-ast';
import { readWindow, windowDays, type WindowEnv } from './decompile-window';
import { isObject, type Json, type Reporter } from './decompile-report';
import { STATUS_OF } from './compile/subscriptions';
import { EMAIL_EVENT_LEVEL, EVENT_OF } from './compile/events';
import type { OptState } from './filter-branch';

function oneState(f: Json, key: string, path: string, r: Reporter): OptState | undefined {
  const states = f[key];
  if (!Array.isArray(states) || states.length === 0) return r.invalid(`${path}.${key}`, 'must list the accepted status');
  // HubSpot's filter definitions: "There can only be one acceptedStatus per filterType".
  if (states.length > 1) return r.notRepresentable(`${path}.${key}`, 'several accepted statuses in one subscription filter');
  const state = states[0];
  if (state === 'OPT_IN' || state === 'OPT_OUT' || state === 'NOT_OPTED') return state;
  return r.notRepresentable(`${path}.${key}[0]`, `the subscription status ${String(state)}`);
}

/** The ids as `#123` (like forms' and owners' ids, `hslist pull` writes ids; hover shows a pulled definition's name). */
function ids(f: Json, path: string, r: Reporter): SubscriptionRef[] | undefined {
  const raw = f.subscriptionIds;
  if (!Array.isArray(raw)) return r.invalid(`${path}.subscriptionIds`, 'must be a list of subscription ids');
  const bad = raw.findIndex((id) => !/^\d+$/.test(String(id)));
  if (bad >= 0) return r.notRepresentable(`${path}.subscriptionIds[${bad}]`, `the subscription id ${JSON.stringify(raw[bad])} (not digits)`);
  return raw.map((id) => ({ ...ast.name(String(id)), by: 'id' as const }));
}

function condition(status: OptState, channel: string, subscriptions: SubscriptionRef[], all: boolean): Expr {
  return { ...ast.NO_SPAN, kind: 'subscription', status: STATUS_OF[status], channel: ast.name(channel), subscriptions, all };
}

export function decompileEmailSubscription(f: Json, path: string, r: Reporter): Expr | undefined {
  if (f.subscriptionType !== undefined && f.subscriptionType !== 'SUBSCRIPTION') {
    return r.notRepresentable(`${path}.subscriptionType`, `an EMAIL_SUBSCRIPTION of type ${String(f.subscriptionType)}`);
  }
  const state = oneState(f, 'acceptedStatuses', path, r);
  const list = ids(f, path, r);
  if (!state || !list) return undefined;
  if (list.length === 0) return r.invalid(`${path}.subscriptionIds`, 'must name at least one subscription');
  return condition(state, 'email', list, false);
}

const CHANNEL_WORDS: Record<string, string> = { EMAIL: 'email', SMS: 'sms', WHATSAPP: 'whatsapp' };

export function decompileCommunicationSubscription(f: Json, path: string, r: Reporter): Expr | undefined {
  const channel = typeof f.channel === 'string' ? CHANNEL_WORDS[f.channel] : undefined;
  if (!channel) return r.notRepresentable(`${path}.channel`, `the channel ${String(f.channel)}`);
  const state = oneState(f, 'acceptedOptStates', path, r);
  if (!state) return undefined;
  if (f.subscriptionType === 'PORTAL_WIDE') return condition(state, channel, [], true);
  if (f.subscriptionType !== 'INDIVIDUAL_SUBSCRIPTION') {
    return r.notRepresentable(`${path}.subscriptionType`, `a ${String(f.subscriptionType)} communication subscription`);
  }
  // The language writes an email subscription by id as EMAIL_SUBSCRIPTION; this one would come back as that.
  if (channel === 'email') return r.notRepresentable(`${path}.channel`, 'an EMAIL subscription by id as a COMMUNICATION_SUBSCRIPTION');
  const list = ids(f, path, r);
  if (!list) return undefined;
  if (list.length === 0) return r.invalid(`${path}.subscriptionIds`, 'must name at least one subscription');
  return condition(state, channel, list, false);
}


function occurrence(o: Json, key: string, path: string, r: Reporter): number | undefined | null {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  r.invalid(`${path}.${key}`, 'must be a whole number, 0 or more');
  return null;
}

/** The phrase of a [min, max] count: `>= 2`, `<= 3`, `is 0`, `is between 1 and 3`. */
function comparisonOf(min: number, max: number | undefined): CountComparison {
  const n = (v: number) => ({ ...ast.NO_SPAN, kind: 'number' as const, value: v, raw: String(v) });
  if (max === undefined) return { ...ast.NO_SPAN, operator: '>=', low: n(min), high: undefined };
  if (min === max) return { ...ast.NO_SPAN, operator: 'is', low: n(min), high: undefined };
  if (min === 0) return { ...ast.NO_SPAN, operator: '<=', low: n(max), high: undefined };
  return { ...ast.NO_SPAN, operator: 'is between', low: n(min), high: n(max) };
}

export function decompileCount(f: Json, path: string, r: Reporter): Expr | undefined {
  const found = f.associationCategory === 'HUBSPOT_DEFINED' ? associationByTypeId(f.associationTypeId) : undefined;
  // A label's type id does not say which object it is for, so a count by label has no phrase.
  if (!found) return r.notRepresentable(`${path}.associationTypeId`, `a count of ${String(f.associationCategory)} associations of type ${String(f.associationTypeId)}`);
  const refine = f.coalescingRefineBy;
  if (!isObject(refine) || refine.type !== 'NUM_OCCURRENCES') return r.notRepresentable(`${path}.coalescingRefineBy`, 'a count refined other than by NUM_OCCURRENCES');
  const min = occurrence(refine, 'minOccurrences', `${path}.coalescingRefineBy`, r);
  const max = occurrence(refine, 'maxOccurrences', `${path}.coalescingRefineBy`, r);
  if (min === null || max === null) return undefined;
  if (max !== undefined && max < (min ?? 0)) return r.invalid(`${path}.coalescingRefineBy`, 'maxOccurrences is below minOccurrences');
  const { kind, primary } = found;
  return { ...ast.NO_SPAN, kind: 'associationCount', objectType: ast.name(kind.word), primary, comparison: comparisonOf(min ?? 0, max) };
}


function digitsId(f: Json, key: string, path: string, r: Reporter): Name | undefined | null {
  const v = f[key];
  if (typeof v !== 'string' && typeof v !== 'number') {
    r.invalid(`${path}.${key}`, v === undefined ? 'is missing' : 'must be an id');
    return null;
  }
  if (!/^\d+$/.test(String(v))) {
    r.notRepresentable(`${path}.${key}`, `the id ${JSON.stringify(v)} (not digits)`);
    return null;
  }
  return ast.name(String(v));
}

export function decompileEmailEvent(f: Json, path: string, env: WindowEnv): Expr | undefined {
  const r = env.r;
  const event = typeof f.operator === 'string' ? EVENT_OF[f.operator] : undefined;
  if (!event) return r.notRepresentable(`${path}.operator`, `the email event ${String(f.operator)}`);
  // Other levels (documented by name only) would read as ours: no phrase rather than another list.
  if (f.level !== EMAIL_EVENT_LEVEL) return r.notRepresentable(`${path}.level`, `an EMAIL_EVENT of level ${String(f.level)}`);
  // HubSpot allows clickUrl only with LINK_CLICKED (its list filter definitions): elsewhere it has no phrase.
  if (f.clickUrl !== undefined && (f.operator !== 'LINK_CLICKED' || typeof f.clickUrl !== 'string' || f.clickUrl === '')) return r.notRepresentable(`${path}.clickUrl`, `a clickUrl on ${String(f.operator)}`);
  const emailId = digitsId(f, 'emailId', path, r);
  const appId = digitsId(f, 'appId', path, r);
  const window = readWindow(f.pruningRefineBy, `${path}.pruningRefineBy`, env);
  if (!emailId || !appId || window === null) return undefined;
  const withinLastDays = typeof window === 'number' ? ast.numberValue(window) : undefined;
  const clickUrl = typeof f.clickUrl === 'string' ? ast.name(f.clickUrl) : undefined;
  return { ...ast.NO_SPAN, kind: 'emailEvent', email: { by: 'ids', emailId, appId }, event: ast.name(event), clickUrl, withinLastDays, ...(typeof window === 'object' ? { window } : {}) };
}

const PAGE_MATCHES: Record<string, { match: PageMatch; negated: boolean }> = {
  HAS_PAGEVIEW_EQ: { match: 'is', negated: false },
  HAS_PAGEVIEW_CONTAINS: { match: 'containing', negated: false },
  HAS_PAGEVIEW_MATCHES_REGEX: { match: 'matching', negated: false },
  NOT_HAS_PAGEVIEW_EQ: { match: 'is', negated: true },
  NOT_HAS_PAGEVIEW_CONTAINS: { match: 'containing', negated: true },
};

export function decompilePageView(f: Json, path: string, r: Reporter): Expr | undefined {
  const found = typeof f.operator === 'string' ? PAGE_MATCHES[f.operator] : undefined;
  if (!found) return r.notRepresentable(`${path}.operator`, `the page view operator ${String(f.operator)}`);
  if (typeof f.pageUrl !== 'string' || f.pageUrl === '') return r.invalid(`${path}.pageUrl`, 'must be a URL');
  const times = viewCount(f.coalescingRefineBy, found.negated, `${path}.coalescingRefineBy`, r);
  if (times === null) return undefined;
  // enableTracking is not documented; false is read as absent (docs/language.md, Assumed).
  if (f.enableTracking !== undefined && f.enableTracking !== false) return r.notRepresentable(`${path}.enableTracking`, `enableTracking ${String(f.enableTracking)}`);
  const days = windowDays(f.pruningRefineBy, `${path}.pruningRefineBy`, r);
  if (days === null) return undefined;
  const withinLastDays = days === undefined ? undefined : ast.numberValue(days);
  const atLeastTimes = times === undefined ? undefined : ast.numberValue(times);
  const cond: Expr = { ...ast.NO_SPAN, kind: 'pageView', match: found.match, url: ast.name(f.pageUrl), atLeastTimes, withinLastDays };
  return found.negated ? ast.not(cond) : cond;
}

/**
 * `at least N times` from a NUM_OCCURRENCES count with a minimum of 1 or more and no maximum, on a view that
 * happened; any other count (a maximum, or on NOT_HAS_…) has no phrase. Null when refused.
 */
function viewCount(refine: unknown, negated: boolean, path: string, r: Reporter): number | undefined | null {
  if (refine === undefined) return undefined;
  const c = refine as Json | null;
  const min = c?.minOccurrences;
  const plain = c !== null && typeof c === 'object' && c.type === 'NUM_OCCURRENCES' && c.maxOccurrences === undefined && typeof min === 'number' && Number.isInteger(min) && min >= 1;
  if (!plain || negated) {
    r.notRepresentable(path, negated ? 'a count of page views on a view that did not happen' : 'a count of page views other than "at least N times"');
    return null;
  }
  return min as number;
}
