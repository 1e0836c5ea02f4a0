// Marketing email events and page views → EMAIL_EVENT and PAGE_VIEW filters (HubSpot's list filters
// reference; the fields are the SDK's PublicEmailEventFilter and PublicPageViewAnalyticsFilter).
// `in last N days` is a pruningRefineBy, as for form submissions. HubSpot has no opposite of an email
// event, nor of a page matching a pattern, so `not` on them is refused (never a broader list).

import type { EmailEventCondition, PageViewCondition, Value } from '@hslist/grammar';
import type { EmailEventFilter, EmailEventOperator, PageViewFilter, PageViewOperator, RelativeComparativeRefineBy } from '../filter-branch';

/** The event phrases of the language and HubSpot's operator for each. */
export const EMAIL_EVENTS: Readonly<Record<string, EmailEventOperator>> = {
  sent: 'SENT',
  received: 'RECEIVED',
  opened: 'OPENED',
  clicked: 'LINK_CLICKED',
  replied: 'REPLIED',
  bounced: 'BOUNCED',
  unsubscribed: 'UNSUBSCRIBED',
  'marked spam': 'MARKED_SPAM',
  'opened but not clicked': 'OPENED_BUT_LINK_NOT_CLICKED',
  'opened but not replied': 'OPENED_BUT_NOT_REPLIED',
  'received but not opened': 'RECEIVED_BUT_NOT_OPENED',
  'sent but not clicked': 'SENT_BUT_LINK_NOT_CLICKED',
  'sent but not received': 'SENT_BUT_NOT_RECEIVED',
};

export const EVENT_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(EMAIL_EVENTS).map(([phrase, op]) => [op, phrase]));

/**
 * The `level` the compiler writes. HubSpot's "List filter definitions (BETA)" page lists EMAIL_API_CAMPAIGN,
 * EMAIL_API_CAMPAIGN_GROUP and HUBSPOT_CAMPAIGN, and its one example pairs EMAIL_API_CAMPAIGN with an
 * `emailId` and an `appId`, as the language writes them; what each level means is not said (Assumed:
 * docs/language.md#marketing-email-events).
 */
export const EMAIL_EVENT_LEVEL = 'EMAIL_API_CAMPAIGN';

export function emailEventOperator(c: EmailEventCondition): EmailEventOperator | undefined {
  // Own keys only: `constructor` or `tostring` written as the event is no event.
  const phrase = c.event.text.toLowerCase();
  return Object.hasOwn(EMAIL_EVENTS, phrase) ? EMAIL_EVENTS[phrase] : undefined;
}

export const PAGE_OPERATORS: Record<PageViewCondition['match'], { positive: PageViewOperator; negated?: PageViewOperator }> = {
  is: { positive: 'HAS_PAGEVIEW_EQ', negated: 'NOT_HAS_PAGEVIEW_EQ' },
  containing: { positive: 'HAS_PAGEVIEW_CONTAINS', negated: 'NOT_HAS_PAGEVIEW_CONTAINS' },
  matching: { positive: 'HAS_PAGEVIEW_MATCHES_REGEX' },
};

/** The count of `at least N times`: undefined without one, a string when it is no whole number ≥ 1. */
export function timesCount(times: Value | undefined): number | undefined | string {
  if (!times) return undefined;
  if (times.kind !== 'number' || !Number.isInteger(times.value) || times.value < 1) return 'The number after `at least` must be a whole number, 1 or more.';
  return times.value;
}

/** "After N days in the past": the window of `in last N days`; a string when the count is no whole number ≥ 1. */
export function lastDaysRefine(days: Value | undefined): RelativeComparativeRefineBy | undefined | string {
  if (!days) return undefined;
  if (days.kind !== 'number' || !Number.isInteger(days.value) || days.value < 1) return 'The number of days after `in last` must be a whole number, 1 or more.';
  return { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount: days.value } };
}

export function emailEventFilter(ids: { emailId: string; appId: string }, operator: EmailEventOperator, window: EmailEventFilter['pruningRefineBy'], clickUrl?: string): EmailEventFilter {
  const filter: EmailEventFilter = { filterType: 'EMAIL_EVENT', appId: ids.appId, emailId: ids.emailId, level: EMAIL_EVENT_LEVEL, operator };
  if (clickUrl !== undefined) filter.clickUrl = clickUrl;
  if (window) filter.pruningRefineBy = window;
  return filter;
}

export function pageViewFilter(c: PageViewCondition, operator: PageViewOperator, window: RelativeComparativeRefineBy | undefined, minTimes?: number): PageViewFilter {
  const filter: PageViewFilter = { filterType: 'PAGE_VIEW', pageUrl: c.url.text, operator };
  // HubSpot's filters overview: pruningRefineBy narrows the views to a window, then coalescingRefineBy counts them.
  if (minTimes !== undefined) filter.coalescingRefineBy = { type: 'NUM_OCCURRENCES', minOccurrences: minTimes };
  if (window) filter.pruningRefineBy = window;
  return filter;
}
