// Filters on what a contact agreed to or did, back to their phrases: EMAIL_SUBSCRIPTION and
// COMMUNICATION_SUBSCRIPTION → `opted in to email subscription #123`, `opted out of all sms`; and
// NUM_ASSOCIATIONS → `number of associated deals >= 2`.

import type { CountComparison, Expr, Name } from '@hslist/grammar';
import { associationByTypeId } from '../language/associations';
import * as ast from './decompile-ast';
import { isObject, type Json, type Reporter } from './decompile-report';
import { STATUS_OF } from './compile/subscriptions';
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

function ids(f: Json, path: string, r: Reporter): Name[] | undefined {
  const raw = f.subscriptionIds;
  if (!Array.isArray(raw)) return r.invalid(`${path}.subscriptionIds`, 'must be a list of subscription ids');
  const bad = raw.findIndex((id) => !/^\d+$/.test(String(id)));
  if (bad >= 0) return r.notRepresentable(`${path}.subscriptionIds[${bad}]`, `the subscription id ${JSON.stringify(raw[bad])} (not digits)`);
  return raw.map((id) => ast.name(String(id)));
}

function condition(status: OptState, channel: string, subscriptionIds: Name[], all: boolean): Expr {
  return { ...ast.NO_SPAN, kind: 'subscription', status: STATUS_OF[status], channel: ast.name(channel), ids: subscriptionIds, all };
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
