// Marketing Emails v3 (`GET /marketing/v3/emails`): the portal's marketing emails, so a file can name one
// (`marketing email "November newsletter" opened`) and hover and completion can show its ids. Live and
// archived emails are both read: a contact's events of an email archived since are still its events.

import type { Api } from './api';
import { liveAndArchived } from './account-catalogue';
import { toAccountError } from './errors';
import type { HubSpotMarketingEmail, Json } from './types';

/** The spec gives no maximum; 100 keeps a page small while few portals need more than a few pages. */
const EMAILS_PAGE = 100;

export async function allMarketingEmails(api: Api): Promise<HubSpotMarketingEmail[]> {
  return liveAndArchived(api, api.paths.marketingEmails(), 'the marketing emails', EMAILS_PAGE, (item, archived) => toMarketingEmail(item, api.host, archived));
}

function toMarketingEmail(value: unknown, host: string, archived: boolean): HubSpotMarketingEmail {
  const e = value as Json | null;
  if (!e || typeof e !== 'object' || !isId(e.id) || typeof e.name !== 'string') {
    throw toAccountError(new Error(`HubSpot at ${host} answered the marketing emails with an entry that has no id or name`), host);
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const primary = isId(e.primaryEmailCampaignId) ? [String(e.primaryEmailCampaignId)] : [];
  const all = Array.isArray(e.allEmailCampaignIds) ? (e.allEmailCampaignIds as unknown[]).filter(isId).map(String) : [];
  const email: HubSpotMarketingEmail = {
    id: String(e.id),
    name: e.name,
    subject: text(e.subject),
    state: text(e.state),
    archived: e.archived === true || archived,
    emailCampaignIds: [...new Set([...primary, ...all])],
  };
  if (isId(e.emailCampaignGroupId)) email.emailCampaignGroupId = String(e.emailCampaignGroupId);
  return email;
}

function isId(v: unknown): v is string | number {
  return (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));
}
