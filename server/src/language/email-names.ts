// `marketing email "November newsletter" of app #113 opened`: a marketing email written by name is compiled and
// previewed as its email campaign ids (Marketing Emails v3's campaign ids, pulled into marketing-emails.json), one
// EMAIL_EVENT each, or'ed. HubSpot's documents do not say which id EMAIL_EVENT's `emailId` takes. The reading
// here (Assumed) is the email campaign id: the filter's level is EMAIL_API_CAMPAIGN, and HubSpot's Email Events
// API names the email of an event by the same pair (`appId`, `emailCampaignId`) that the filter takes (`appId`,
// `emailId`); the live preview reads events by that pair for an id as well. The checker says so where a name is
// written (checks/marketing-emails.ts), so the reading is never silent.

import type { EmailEventCondition, Expr, ListNode, Name, Span } from '@hslist/grammar';
import { mapListConditions } from './walk';
import { matchMarketingEmail, type MarketingEmailRef } from './schema-emails';
import type { Schema } from './schema-types';

/** What a marketing email written by name compiles to, or why it cannot and where. */
export type EmailNameMeaning = { email: MarketingEmailRef; appId: Name; campaignIds: string[] } | { problem: string; at: Span };

export function emailNameMeaning(c: EmailEventCondition, emails: readonly MarketingEmailRef[] | undefined): EmailNameMeaning | undefined {
  if (c.email.by !== 'name') return undefined;
  const name = c.email.name;
  const match = matchMarketingEmail(name.text, emails);
  if (match.kind !== 'name') return { problem: `marketing email "${name.text}" is not one pulled email`, at: name };
  if (!c.email.appId) return { problem: `marketing email "${name.text}" needs its app: EMAIL_EVENT takes an appId (write \`of app #<appId>\` after the name)`, at: name };
  if (match.email.emailCampaignIds.length === 0) return { problem: `marketing email "${match.email.name}" has no email campaign id (it has not been sent), so no event of it can be named`, at: name };
  return { email: match.email, appId: c.email.appId, campaignIds: match.email.emailCampaignIds };
}

/** `list` with every marketing email written by name (that resolves) written as its campaign ids; the same object when there is none. */
export function writeEmailNames(list: ListNode, schema: Schema): ListNode {
  // Inside `associated … where` an email event is refused as it is for an id, so only the contact's are written.
  return mapListConditions(list, (c) => (c.kind === 'emailEvent' ? (byCampaignIds(c, schema.marketingEmails) ?? c) : c));
}

/** One condition per campaign id, every span at the name (so diagnostics point at what was written), or'ed. */
function byCampaignIds(c: EmailEventCondition, emails: readonly MarketingEmailRef[] | undefined): Expr | undefined {
  const meaning = emailNameMeaning(c, emails);
  if (!meaning || 'problem' in meaning || c.email.by !== 'name') return undefined;
  const at: Span = { start: c.email.name.start, end: c.email.name.end };
  const one = (id: string): EmailEventCondition => ({ ...c, email: { by: 'ids', emailId: { text: id, ...at }, appId: meaning.appId } });
  if (meaning.campaignIds.length === 1) return one(meaning.campaignIds[0]);
  const span: Span = { start: c.start, end: c.end };
  return { kind: 'paren', inner: { kind: 'or', operands: meaning.campaignIds.map(one), ...span }, ...span };
}
