// `opted in to email subscription #123` (or `"Newsletter"`, its name) and the like → EMAIL_SUBSCRIPTION (marketing email
// subscriptions by id) or COMMUNICATION_SUBSCRIPTION (SMS and WhatsApp subscriptions by id; a
// channel portal-wide with `all`). HubSpot takes one accepted status per filter, so `not` becomes the
// other statuses: `not opted in to … #1` = opted out of #1 or opted neither in nor out of #1.

import type { SubscriptionCondition, SubscriptionStatus } from '@hslist/grammar';
import type { Filter, OptState } from '../filter-branch';

export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OPT_STATE: Record<SubscriptionStatus, OptState> = { 'opted in': 'OPT_IN', 'opted out': 'OPT_OUT', 'not opted': 'NOT_OPTED' };
export const STATUS_OF: Record<OptState, SubscriptionStatus> = { OPT_IN: 'opted in', OPT_OUT: 'opted out', NOT_OPTED: 'not opted' };

export function channelOf(c: SubscriptionCondition): Channel | undefined {
  const word = c.channel.text.toLowerCase();
  return (CHANNELS as readonly string[]).includes(word) ? (word as Channel) : undefined;
}

/** The filter for `ids` (none: portal-wide) of a channel having `state`. */
export function subscriptionFilter(channel: Channel, ids: string[], all: boolean, state: OptState): Filter {
  if (channel === 'email' && !all) return { filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: ids, acceptedStatuses: [state] };
  return {
    filterType: 'COMMUNICATION_SUBSCRIPTION',
    channel: channel.toUpperCase() as 'EMAIL',
    subscriptionType: all ? 'PORTAL_WIDE' : 'INDIVIDUAL_SUBSCRIPTION',
    subscriptionIds: all ? [] : ids,
    acceptedOptStates: [state],
  };
}

/**
 * The filters whose OR is the condition's negation: every id (or the channel) with each other status.
 * "Every id has status S" is false when some id has another status (Assumed reading of several ids).
 */
export function negatedSubscriptionFilters(channel: Channel, c: SubscriptionCondition, ids: string[]): Filter[] {
  const others = (Object.keys(STATUS_OF) as OptState[]).filter((s) => s !== OPT_STATE[c.status]);
  const targets = c.all ? [[]] : ids.map((id) => [id]);
  return targets.flatMap((one) => others.map((s) => subscriptionFilter(channel, one, c.all, s)));
}
