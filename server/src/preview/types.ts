// Shapes shared by the preview's sources, store and evaluators. A contact is kept exactly as
// HubSpot's API returns it (every value a string), so the reference interpreter can follow
// docs/semantics.md literally and the columnar store is only a faster encoding of the same data.

/** One value of a property's history, newest first (as `propertiesWithHistory` returns it). */
export interface HistoryEntry {
  value: string | null;
  /** Epoch milliseconds. */
  timestamp: number;
}

/** A record associated with the contact (a company, a deal, a ticket), with the labels of that association. */
export interface AssociatedRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
  /** The USER_DEFINED association labels (type ids) of this contact's association with the record. */
  labels?: string[];
}

export interface CompanyRecord extends AssociatedRecord {
  /** The contact's primary company (HubSpot's association type 1), for `associated primary company`. */
  primary?: boolean;
}

export interface FormSubmission {
  formId: string;
  /** Epoch milliseconds. */
  timestamp: number;
  /** The CMS page it was sent on, when the data says (JSON records' `pageId`). */
  pageId?: string;
  /** The address it was sent from (the live source's Form Integrations `pageUrl`, or JSON records'). */
  pageUrl?: string;
}

export type SubscriptionChannel = 'EMAIL' | 'SMS' | 'WHATSAPP';
export type OptState = 'OPT_IN' | 'OPT_OUT' | 'NOT_OPTED';

/**
 * A contact's status for one subscription of a channel, or for the channel as a whole (portal-wide,
 * `subscriptionId` absent). A subscription with no entry is NOT_OPTED (docs/language.md, Assumed).
 */
export interface SubscriptionRecord {
  channel: SubscriptionChannel;
  subscriptionId?: string;
  status: OptState;
}

/**
 * The kinds of marketing email event a source records (the names of HubSpot's Email Events API where it
 * has one: SENT, DELIVERED, OPEN, CLICK, BOUNCE, SPAMREPORT; REPLY and UNSUBSCRIBE are ours).
 */
export const EMAIL_EVENT_TYPES = ['SENT', 'DELIVERED', 'OPEN', 'CLICK', 'REPLY', 'BOUNCE', 'UNSUBSCRIBE', 'SPAMREPORT'] as const;
export type EmailEventType = (typeof EMAIL_EVENT_TYPES)[number];

/** One marketing email event of a contact: which email (of which app), what happened, when (epoch ms). */
export interface EmailEventRecord {
  appId: string;
  emailId: string;
  type: EmailEventType;
  timestamp: number;
  /** The link clicked (CLICK events), as HubSpot's Email Events API gives it. */
  url?: string;
}

/** One page the contact viewed, and when (epoch ms). */
export interface PageViewRecord {
  url: string;
  timestamp: number;
}

/** A webinar of the contact: whether it registered for it and whether it attended (JSON `webinars`). */
export interface WebinarRecord {
  id: string;
  registered: boolean;
  attended: boolean;
}

/** A click on or a view of a call-to-action (its ctaName), and when (epoch ms); JSON `ctaEvents`. */
export interface CtaEventRecord {
  cta: string;
  type: CtaEventType;
  timestamp: number;
}

export type CtaEventType = 'CLICK' | 'VIEW';

/** An ad the contact saw, and when (epoch ms); JSON `adViews`. */
export interface AdViewRecord {
  timestamp: number;
}

/**
 * A contact with the optional extras a source may load. An extra that is `undefined` was not
 * loaded at all: filters that need it are "not previewable locally" (never guessed as empty).
 */
export interface ContactRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
  history?: Record<string, HistoryEntry[]>;
  /** ILS list ids the contact is a member of (for `in list #id`). */
  listMemberships?: string[];
  companies?: CompanyRecord[];
  deals?: AssociatedRecord[];
  tickets?: AssociatedRecord[];
  formSubmissions?: FormSubmission[];
  subscriptions?: SubscriptionRecord[];
  emailEvents?: EmailEventRecord[];
  pageViews?: PageViewRecord[];
  webinars?: WebinarRecord[];
  ctaEvents?: CtaEventRecord[];
  adViews?: AdViewRecord[];
}

/** Kleene logic: `'unknown'` = this contact cannot be judged from the loaded data. */
export type Tri = boolean | 'unknown';

/** One rejected or questionable piece of input, with where it was. */
export interface SourceIssue {
  /** 1-based line of the input (CSV line, NDJSON line; for a JSON array the record's index + 1). */
  line: number;
  code:
    | 'malformed-line'
    | 'unknown-column'
    | 'bad-number'
    | 'bad-boolean'
    | 'bad-date'
    | 'unknown-option'
    | 'missing-id'
    | 'duplicate-id'
    | 'bad-record';
  message: string;
  column?: string;
}

/** What a load did: rows loaded vs rejected, and every issue (capped list, exact counts). */
export interface SourceReport {
  source: string;
  rowsLoaded: number;
  rowsRejected: number;
  /** Count of issues by code, never capped. */
  counts: Partial<Record<SourceIssue['code'], number>>;
  /** The first issues, in input order (capped so a broken file cannot exhaust memory). */
  issues: SourceIssue[];
  /** Columns that were ignored because the schema does not know them. */
  unknownColumns: string[];
  /** What the source read but could not tie to a contact, said beside the counts (the live source's email events). */
  notes?: string[];
}
