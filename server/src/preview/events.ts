// What the marketing email event and page view filters ask of a contact's recorded events, shared by
// both evaluators as a table (each evaluates it its own way): docs/preview.md and docs/language.md
// give the readings, each marked Assumed where HubSpot's docs do not settle it.

import type { EmailEventOperator } from '../hubspot/filter-branch';
import type { PageMatch } from '@hslist/grammar';
import type { EmailEventType } from './types';

/**
 * An email event filter passes when the contact has an event of type `happened` for the email (inside
 * the window, if any) and, for the "… but not …" operators, no event of type `without` for that email at
 * any time (Assumed: the narrower reading; a window never excuses the second event).
 */
export const EVENT_RULES: Readonly<Record<EmailEventOperator, { happened: EmailEventType; without?: EmailEventType }>> = {
  SENT: { happened: 'SENT' },
  RECEIVED: { happened: 'DELIVERED' },
  OPENED: { happened: 'OPEN' },
  LINK_CLICKED: { happened: 'CLICK' },
  REPLIED: { happened: 'REPLY' },
  BOUNCED: { happened: 'BOUNCE' },
  UNSUBSCRIBED: { happened: 'UNSUBSCRIBE' },
  MARKED_SPAM: { happened: 'SPAMREPORT' },
  OPENED_BUT_LINK_NOT_CLICKED: { happened: 'OPEN', without: 'CLICK' },
  OPENED_BUT_NOT_REPLIED: { happened: 'OPEN', without: 'REPLY' },
  RECEIVED_BUT_NOT_OPENED: { happened: 'DELIVERED', without: 'OPEN' },
  SENT_BUT_LINK_NOT_CLICKED: { happened: 'SENT', without: 'CLICK' },
  SENT_BUT_NOT_RECEIVED: { happened: 'SENT', without: 'DELIVERED' },
};

/**
 * Whether a viewed URL matches (Assumed): `is` the whole URL and `containing` a part of it, both ignoring
 * case as HubSpot's string filters do; `matching` a regular expression over the whole URL.
 */
export function urlMatcher(match: PageMatch, wanted: string): ((url: string) => boolean) | string {
  if (match === 'is') {
    const lower = wanted.toLowerCase();
    return (url) => url.toLowerCase() === lower;
  }
  if (match === 'containing') {
    const lower = wanted.toLowerCase();
    return (url) => url.toLowerCase().includes(lower);
  }
  try {
    const re = new RegExp(`^(?:${wanted})$`);
    return (url) => re.test(url);
  } catch (e) {
    return `"${wanted}" is not a regular expression (${(e as Error).message})`;
  }
}
