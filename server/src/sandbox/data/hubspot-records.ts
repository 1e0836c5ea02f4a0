// Record shapes shared by the portal generator and the HubSpot emulator's state. Values are strings,
// as HubSpot's API returns them; history is newest first, as `propertiesWithHistory` returns it.

export interface HistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
}

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Explicit history for some properties; the emulator synthesises one entry for the others. */
  history: Record<string, HistoryEntry[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/**
 * The newest change any explicit history records (epoch ms; -Infinity for none). HubSpot's
 * `lastmodifieddate` is "the most recent timestamp of any property update" of the contact, so it is never
 * older than this: the generator and hand-written contacts keep it so.
 */
export function newestChange(history: Record<string, { timestamp: string }[]> | undefined): number {
  let newest = -Infinity;
  for (const entries of Object.values(history ?? {})) {
    for (const e of entries ?? []) {
      const at = Date.parse(e.timestamp);
      if (at > newest) newest = at;
    }
  }
  return newest;
}

export interface FormSubmission {
  formId: string;
  timestamp: string;
  /** The CMS page it was sent on (one of the portal's pages); none for a form sent elsewhere. */
  pageId?: string;
}

/** A subscription status: one subscription of a channel, or the channel portal-wide (no id). */
export interface SubscriptionStatus {
  channel: 'EMAIL' | 'SMS' | 'WHATSAPP';
  subscriptionId?: string;
  status: 'OPT_IN' | 'OPT_OUT' | 'NOT_OPTED';
}

/** A deal or ticket associated with a contact, with the USER_DEFINED labels (type ids) of that association. */
export interface LinkedRecord {
  id: string;
  properties: Record<string, string | null>;
  associationLabels?: string[];
}

export interface PortalContact extends CrmRecord {
  companyIds: string[];
  formSubmissions: FormSubmission[];
  /** Statuses set by hand (admin route); none recorded means not opted in or out. */
  subscriptions?: SubscriptionStatus[];
  /** Marketing email events set by hand (admin route): type SENT, DELIVERED, OPEN, CLICK, REPLY, BOUNCE, UNSUBSCRIBE or SPAMREPORT. */
  emailEvents?: { appId: string; emailId: string; type: string; timestamp: string; url?: string }[];
  /** Pages the contact viewed, set by hand (admin route). */
  pageViews?: { url: string; timestamp: string }[];
  /** Webinars the contact registered for and attended, set by hand (admin route). */
  webinars?: { id: string; registered: boolean; attended: boolean }[];
  /** Clicks (CLICK) and views (VIEW) of calls-to-action by ctaName, set by hand (admin route). */
  ctaEvents?: { cta: string; type: string; timestamp: string }[];
  /** Ads the contact saw, set by hand (admin route). */
  adViews?: { timestamp: string }[];
  /** USER_DEFINED labels (type ids) of some of the contact's company associations, by company id. */
  companyLabels?: Record<string, string[]>;
  /** Associated deals and tickets (the contact's own records), served by the objects and v4 associations routes. */
  deals?: LinkedRecord[];
  tickets?: LinkedRecord[];
  /** Names of the portal's static lists this contact belongs to. */
  staticListNames: string[];
}

export type PortalCompany = CrmRecord;

/** A landing or website page of the portal (CMS Pages v3); form submissions may name one as their page. */
export interface PortalPage {
  id: string;
  name: string;
  url: string;
  kind: 'landing page' | 'website page';
  archived: boolean;
}

export interface PortalForm {
  id: string;
  name: string;
}
