// The portal's marketing emails (`hslist schema pull`'s marketing-emails.json, from Marketing Emails v3), so a
// file can write `marketing email "November newsletter" opened`. A name resolves to the one email it names
// (names compared without case; a live email before an archived namesake) for hover, completion, the check,
// and the compiler, which writes it as its email campaign ids (email-names.ts: HubSpot's documents do not say
// which of an email's ids EMAIL_EVENT's `emailId` is, so that is an Assumed reading the check states).

import type { MarketingEmailRef } from './schema-types';
import { catalogueEntries, entriesNamed, type CatalogueProblem } from './schema-catalogue';

export type { MarketingEmailRef };

export const MARKETING_EMAILS_FILE = 'marketing-emails.json';

const DIGITS = /^\d+$/;

export function parseMarketingEmails(value: unknown, file: string, problems: CatalogueProblem[]): MarketingEmailRef[] | undefined {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return catalogueEntries<MarketingEmailRef>(value, file, 'marketing emails', problems, (e) => {
    if (typeof e.id !== 'string' || !DIGITS.test(e.id) || typeof e.name !== 'string') return { lacks: 'an id of digits and a name (a marketing email)' };
    const campaignIds = Array.isArray(e.emailCampaignIds) ? e.emailCampaignIds : [];
    if (!campaignIds.every((c) => typeof c === 'string' && DIGITS.test(c))) return { lacks: 'emailCampaignIds of digits' };
    const email: MarketingEmailRef = { id: e.id, name: e.name, subject: text(e.subject), state: text(e.state), archived: e.archived === true, emailCampaignIds: campaignIds as string[] };
    if (typeof e.emailCampaignGroupId === 'string' && DIGITS.test(e.emailCampaignGroupId)) email.emailCampaignGroupId = e.emailCampaignGroupId;
    return email;
  });
}

export type MarketingEmailMatch =
  | { kind: 'name'; email: MarketingEmailRef }
  | { kind: 'ambiguous'; emails: MarketingEmailRef[] }
  | { kind: 'unknown' }
  /** A name, but the schema holds no marketing emails to look it up in. */
  | { kind: 'no-catalogue' };

export function matchMarketingEmail(name: string, emails: readonly MarketingEmailRef[] | undefined): MarketingEmailMatch {
  if (!emails) return { kind: 'no-catalogue' };
  const found = entriesNamed(name, emails);
  if (found.kind === 'one') return { kind: 'name', email: found.entry };
  return found.kind === 'many' ? { kind: 'ambiguous', emails: found.entries } : { kind: 'unknown' };
}

/** The pulled emails an id written as `#123` may stand for: its own id, or one of its email campaign ids. */
export function emailsWithId(id: string, emails: readonly MarketingEmailRef[] | undefined): { email: MarketingEmailRef; as: 'email id' | 'email campaign id' | 'campaign group id' }[] {
  const out: { email: MarketingEmailRef; as: 'email id' | 'email campaign id' | 'campaign group id' }[] = [];
  for (const email of emails ?? []) {
    if (email.id === id) out.push({ email, as: 'email id' });
    else if (email.emailCampaignIds.includes(id)) out.push({ email, as: 'email campaign id' });
    else if (email.emailCampaignGroupId === id) out.push({ email, as: 'campaign group id' });
  }
  return out;
}

/** "#1001 (email campaign ids #2001, #2002; campaign group #3001)": every id the email carries. */
export function describeEmailIds(email: MarketingEmailRef): string {
  const parts: string[] = [];
  if (email.emailCampaignIds.length > 0) parts.push(`email campaign id${email.emailCampaignIds.length > 1 ? 's' : ''} ${email.emailCampaignIds.map((c) => `#${c}`).join(', ')}`);
  if (email.emailCampaignGroupId) parts.push(`campaign group #${email.emailCampaignGroupId}`);
  return `#${email.id}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`;
}

export function describeMarketingEmail(email: MarketingEmailRef): string {
  return `"${email.name}" ${describeEmailIds(email)}${email.archived ? ', archived' : ''}`;
}
