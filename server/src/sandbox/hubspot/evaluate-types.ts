// Inputs of the filterBranch evaluator: records as HubSpot's API returns them (string values), with
// the extras docs/semantics.md lists (history, list memberships, companies, form submissions).

export type Json = Record<string, unknown>;

export interface EvalHistoryEntry {
  value: string;
  timestamp: string;
}

export interface EvalRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
  /** Newest first; includes the current value. Absent: the current value is the only history known. */
  history?: Record<string, EvalHistoryEntry[]>;
  /** For an associated record: the USER_DEFINED labels (association type ids) of its association with the contact. */
  associationLabels?: string[];
}

export interface EvalContact extends EvalRecord {
  companies?: EvalRecord[];
  /** The id of the contact's primary company (association type 1), one of `companies`. */
  primaryCompanyId?: string;
  deals?: EvalRecord[];
  tickets?: EvalRecord[];
  /** `pageId`: the CMS page it was sent on; none for a form on another site (or embedded off HubSpot's pages). */
  formSubmissions?: { formId: string; timestamp: string; pageId?: string }[];
  /** Subscription statuses: one subscription of a channel, or the channel portal-wide (no id). */
  subscriptions?: { channel: string; subscriptionId?: string; status: string }[];
  /** Marketing email events (types as docs/preview.md lists them). */
  emailEvents?: { appId: string; emailId: string; type: string; timestamp: string; url?: string }[];
  pageViews?: { url: string; timestamp: string }[];
  /** Webinars the contact registered for and attended (WEBINAR). */
  webinars?: { id: string; registered: boolean; attended: boolean }[];
  /** Clicks and views of calls-to-action, by ctaName (CTA). */
  ctaEvents?: { cta: string; type: string; timestamp: string }[];
  /** Ads the contact saw (ADS_TIME). */
  adViews?: { timestamp: string }[];
}

export interface EvalContext {
  /** Epoch ms; injectable so tests and "as of" previews are deterministic. */
  now: number;
  /** IANA zone for calendar units and time points without their own zone. Default UTC. */
  timeZone?: string;
  /** Membership of another list (IN_LIST / NOT_IN_LIST). Absent: no list has members. */
  isMember?(listId: string, contact: EvalContact): boolean;
  /**
   * The HubSpot type (`number`, `bool`, `datetime`, …) of a property (a contact's, or a company's
   * inside an association branch), so IS_KNOWN / IS_UNKNOWN treat unparsable values as unknown
   * (docs/semantics.md). Absent: only absent, null and "" are unknown.
   */
  propertyType?(property: string): string | undefined;
  /** Told about values that do not parse and filters this evaluator cannot judge. */
  report?(problem: string): void;
}

export const DAY_MS = 86_400_000;

export function asJson(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function isUnknownValue(value: string | null | undefined): value is null | undefined | '' {
  return value === undefined || value === null || value === '';
}
