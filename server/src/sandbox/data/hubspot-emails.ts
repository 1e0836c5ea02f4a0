// The sandbox portal's marketing emails: a few live ones, two live emails of one name (so checks of email
// names meet an ambiguity) and an archived one whose name a live email also has (the live one is meant).
// Each carries the ids Marketing Emails v3 gives: its own id, its email campaign ids and campaign group.

export interface SandboxMarketingEmail {
  id: string;
  name: string;
  subject: string;
  state: 'PUBLISHED' | 'DRAFT' | 'SCHEDULED';
  archived: boolean;
  primaryEmailCampaignId?: string;
  allEmailCampaignIds: string[];
  emailCampaignGroupId?: string;
}

const email = (id: string, name: string, subject: string, campaigns: string[], state: SandboxMarketingEmail['state'] = 'PUBLISHED', archived = false): SandboxMarketingEmail => ({
  id,
  name,
  subject,
  state,
  archived,
  ...(campaigns.length > 0 ? { primaryEmailCampaignId: campaigns[0], emailCampaignGroupId: String(Number(id) + 500_000) } : {}),
  allEmailCampaignIds: campaigns,
});

export const SANDBOX_MARKETING_EMAILS: readonly SandboxMarketingEmail[] = [
  email('150001', 'November newsletter', 'What changed in November', ['250001']),
  email('150002', 'Webinar invitation', 'Join our Salesforce sync webinar', ['250002', '250012']),
  email('150003', 'Product update', 'New: lists as code', ['250003']),
  email('150004', 'Product update', 'New: lists as code (EMEA)', ['250004']),
  email('150005', 'December newsletter', 'Coming in December', [], 'DRAFT'),
  email('150006', 'November newsletter', 'What changed in November (old draft)', ['250006'], 'PUBLISHED', true),
];
