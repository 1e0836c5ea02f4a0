// One sentence of help per operator phrase, for hover (docs/language.md and docs/semantics.md say it
// at length).

import type { EmailEventCondition, EmailTarget, PageViewCondition, SubscriptionCondition, SurfaceOperator, Value } from '@hslist/grammar';
import { EMAIL_EVENT_LEVEL, EMAIL_EVENTS, emailEventOperator, PAGE_OPERATORS } from '../hubspot/compile/events';
import { absoluteWindowRefine, isRefineProblem } from '../hubspot/compile/refine';
import { windowRefineText, windowWords } from './hover-forms';
import { channelOf, OPT_STATE } from '../hubspot/compile/subscriptions';

export const OPERATOR_HELP: Record<SurfaceOperator, string> = {
  'is known': 'Matches contacts that have any value for the property.',
  'is at least': 'The option is this one or one after it in the property\'s order (HubSpot gets them as `is any of`).',
  'is at most': 'The option is this one or one before it in the property\'s order (HubSpot gets them as `is any of`).',
  'is unknown': 'Matches contacts that have no value for the property.',
  'is blank': 'Matches contacts that have no value for the property (HubSpot\'s "is blank").',
  'is not blank': 'Matches contacts that have a value for the property (HubSpot\'s "is not blank").',
  'updated in last': 'Matches contacts whose value changed within the last N days (a day is 24 hours).',
  'updated before': 'The property was last updated before the time (its start for a day).',
  'updated after': 'The property was last updated after the time (its end for a day).',
  'updated between': 'The property was last updated between the two times, both included.',
  'not updated in last': 'Matches contacts whose value did not change within the last N days.',
  is: 'Equal to the value (text ignores case; a multi-select must hold exactly this option; a date is that whole day).',
  'is not': 'Not equal to the value; contacts with no value do not match unless `including unknown`.',
  'is any of': 'Equal to any of the values.',
  'is none of': 'Equal to none of the values.',
  'is exactly': 'The set of selected options is exactly these values.',
  'is not exactly': 'The set of selected options differs from these values.',
  'contains all of': 'The selected options include every one of these values.',
  'does not contain all of': 'The selected options lack at least one of these values.',
  contains: 'The text contains the value, ignoring case (a multi-select: the option is among those selected).',
  'does not contain': 'The text does not contain the value, ignoring case (a multi-select: the option is not selected).',
  'contains any of': 'The text contains at least one of the values (a multi-select: at least one is selected).',
  'does not contain any of': 'The text contains none of the values (a multi-select: none is selected).',
  'starts with': 'The text starts with the value (or with any of the values).',
  'ends with': 'The text ends with the value (or with any of the values).',
  'contains exactly': 'The text contains the value as a whole word.',
  'does not contain exactly': 'The text does not contain the value as a whole word.',
  '>': 'Greater than the number.',
  '>=': 'Greater than or equal to the number.',
  '<': 'Less than the number.',
  '<=': 'Less than or equal to the number.',
  'is between': 'Between the two bounds, both included.',
  'is not between': 'Outside the two bounds.',
  'is before': 'Before the date or relative time (its start, in the list\'s time zone) or before another date property.',
  'is after': 'After the date or relative time (its end, in the list\'s time zone) or after another date property.',
  'is less than days ago': 'From the start of the day N days ago up to now, in the list\'s time zone.',
  'is more than days ago': 'Before the start of the day N days ago.',
  'is less than days from now': 'From now to the end of the day N days ahead.',
  'is more than days from now': 'After the end of the day N days ahead.',
  'is in this': 'In the current calendar unit (day, week from Monday, month, quarter, year) in the list\'s time zone.',
  'is in this so far': 'In the current calendar unit up to now.',
  'is in next': 'In the next N calendar units.',
  'is in last': 'In the last N calendar units.',
  'has ever been': 'The property has had the value at some time, the current value included.',
  'has never been': 'The property has never had the value.',
  'has ever been exactly': 'The set of options has at some time been exactly these values.',
  'has never been exactly': 'The set of options has never been exactly these values.',
  'has ever contained': 'The property has at some time contained the value (or all of the values).',
  'has never contained': 'The property has never contained the value (or all of the values).',
};

const STATUS_HELP: Record<SubscriptionCondition['status'], string> = {
  'opted in': 'has opted in to',
  'opted out': 'has opted out of',
  'not opted': 'has neither opted in to nor out of',
};

/** What a subscription condition matches and the HubSpot filter it becomes. */
export function subscriptionHelp(c: SubscriptionCondition): string {
  const channel = channelOf(c);
  if (!channel) return `\`${c.channel.text}\` is not a subscription channel (email, sms, whatsapp).`;
  const what = c.all ? `all ${channel} (the channel portal-wide)` : `${c.subscriptions.length === 1 ? 'subscription' : 'every one of the subscriptions'} ${c.subscriptions.map((s) => (s.by === 'name' ? `"${s.text}"` : `#${s.text}`)).join(', ')} (${channel})`;
  const filter = channel === 'email' && !c.all ? 'EMAIL_SUBSCRIPTION' : `COMMUNICATION_SUBSCRIPTION (${c.all ? 'PORTAL_WIDE' : 'INDIVIDUAL_SUBSCRIPTION'})`;
  return [
    `**Subscription status**: the contact ${STATUS_HELP[c.status]} ${what}.`,
    '',
    `HubSpot: \`${filter}\` with status \`${OPT_STATE[c.status]}\`. A subscription the contact has no status for counts as not opted in or out.`,
  ].join('\n');
}

/** `is after` / `is before` with an option of a dropdown or radio property: the order of its options, not time. */
export const ORDERED_ENUMERATION_HELP: Record<'is after' | 'is before', string> = {
  'is after': 'The option is one after this one in the property\'s order, this one left out (HubSpot gets them as `is any of`).',
  'is before': 'The option is one before this one in the property\'s order, this one left out (HubSpot gets them as `is any of`).',
};

/** What each email event phrase means, in words. */
const EVENT_HELP: Record<string, string> = {
  sent: 'was sent',
  received: 'received (it was delivered)',
  opened: 'opened',
  clicked: 'clicked a link in',
  replied: 'replied to',
  bounced: 'bounced from',
  unsubscribed: 'unsubscribed through',
  'marked spam': 'marked as spam',
  'opened but not clicked': 'opened, and never clicked a link in,',
  'opened but not replied': 'opened, and never replied to,',
  'received but not opened': 'received, and never opened,',
  'sent but not clicked': 'was sent, and never clicked a link in,',
  'sent but not received': 'was sent, and never received,',
};

function windowText(days: Value | undefined): string {
  return days && days.kind === 'number' ? ` in the last ${days.value} days` : '';
}

function emailWords(email: EmailTarget): string {
  if (email.by === 'ids') return `#${email.emailId.text} (app #${email.appId.text})`;
  return email.by === 'name' ? `"${email.name.text}"` : 'of any';
}

/** What an email event condition matches and the HubSpot filter it becomes. */
export function emailEventHelp(c: EmailEventCondition, zone: string, zoneNote: string): string {
  const operator = emailEventOperator(c);
  if (!operator) return `\`${c.event.text}\` is not a marketing email event: ${Object.keys(EMAIL_EVENTS).join(', ')}.`;
  const absolute = c.window ? absoluteWindowRefine(c.window, zone) : undefined;
  if (absolute && isRefineProblem(absolute)) return absolute.message;
  const phrase = c.event.text.toLowerCase();
  const windowed = c.withinLastDays || c.window;
  const window = windowed ? `${c.window ? windowWords(c) : windowText(c.withinLastDays!)}${phrase.includes(' but ') ? ' (the second event: never, Assumed)' : ''}` : '';
  const refine = absolute ? `; \`pruningRefineBy\` ${windowRefineText(absolute)} (${zoneNote})` : '';
  return [
    `**Marketing email event**: the contact ${EVENT_HELP[phrase]} marketing email ${emailWords(c.email)}${c.clickUrl ? `, on the link "${c.clickUrl.text}" (clickUrl; the same URL, ignoring case, Assumed)` : ''}${window}.`,
    '',
    `HubSpot: \`EMAIL_EVENT\` \`${operator}\` (level \`${EMAIL_EVENT_LEVEL}\`, Assumed)${refine}. \`not\` cannot apply to it.`,
  ].join('\n');
}

const PAGE_HELP: Record<PageViewCondition['match'], string> = {
  is: 'whose URL is',
  containing: 'whose URL contains',
  matching: 'whose whole URL matches the regular expression',
};

/** What a page view condition matches and the HubSpot filter it becomes. */
export function pageViewHelp(c: PageViewCondition): string {
  const { positive, negated } = PAGE_OPERATORS[c.match];
  const times = c.atLeastTimes?.kind === 'number' ? c.atLeastTimes.value : undefined;
  const viewed = times === undefined ? 'viewed a page' : `viewed pages`;
  const count = times === undefined ? '' : ` at least ${times} times`;
  const refine = times === undefined ? '' : ` counted by \`coalescingRefineBy\` \`NUM_OCCURRENCES\` (\`minOccurrences: ${times}\`)`;
  const not = negated && times === undefined ? `; with \`not\`, \`${negated}\`` : '; `not` cannot apply to it';
  return [
    `**Page view**: the contact ${viewed} ${PAGE_HELP[c.match]} "${c.url.text}"${count}${windowText(c.withinLastDays)}.`,
    '',
    `HubSpot: \`PAGE_VIEW\` \`${positive}\`${refine}${not}.`,
  ].join('\n');
}
