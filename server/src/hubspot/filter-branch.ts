// The JSON the Lists API v3 takes and returns for list definitions (HubSpot's Lists API reference and its
// "List (segment) filters overview"). Only the shapes the compiler emits are typed closely; the decompiler reads anything
// (`unknown`) and validates it against these shapes.

export type ProcessingType = 'DYNAMIC' | 'MANUAL' | 'SNAPSHOT';

/** Body of `POST /crm/v3/lists`. `listFolderId` is left out: it is numeric and known only at publish. */
export interface ListCreateRequest {
  name: string;
  objectTypeId: '0-1';
  processingType: ProcessingType;
  /** Absent for MANUAL (static) lists, which HubSpot does not filter. */
  filterBranch?: OrBranch;
  listFolderId?: number;
}

/** The part of a `PublicObjectList` response the decompiler reads. */
export interface PublicObjectListLike {
  listId?: string;
  name: string;
  processingType: string;
  filterBranch?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Branches

/** The root: no filters, one or more AND children. */
export interface OrBranch {
  filterBranchType: 'OR';
  filters: [];
  filterBranches: AndBranch[];
}

export interface AndBranch {
  filterBranchType: 'AND';
  filters: Filter[];
  filterBranches: AssociationBranch[];
}

/** "Some associated record of `objectTypeId` passes all `filters`." Only directly under AND. */
export interface AssociationBranch {
  filterBranchType: 'ASSOCIATION';
  objectTypeId: string;
  associationTypeId: number;
  /** HUBSPOT_DEFINED for the unlabeled and primary associations; USER_DEFINED for a label (`labeled #id`). */
  associationCategory: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
  /** Only IN_LIST is emitted: NOT_IN_LIST on a branch is in the spec but UNCONFIRMED. */
  operator: 'IN_LIST';
  filters: PropertyFilter[];
  filterBranches: [];
}

// ---------------------------------------------------------------------------------------------
// Filters

export type Filter =
  | PropertyFilter
  | InListFilter
  | FormSubmissionFilter
  | FormSubmissionOnPageFilter
  | ConstantFilter
  | EmailSubscriptionFilter
  | CommunicationSubscriptionFilter
  | NumAssociationsFilter
  | EmailEventFilter
  | PageViewFilter
  | WebinarFilter
  | CtaFilter
  | AdsTimeFilter;

export interface PropertyFilter {
  filterType: 'PROPERTY';
  property: string;
  operation: PropertyOperation;
}

export interface InListFilter {
  filterType: 'IN_LIST';
  /** The ILS list id, or the placeholder `$list:<name>` that publish replaces. */
  listId: string;
  operator: 'IN_LIST' | 'NOT_IN_LIST';
}

export interface FormSubmissionFilter {
  filterType: 'FORM_SUBMISSION';
  operator: 'FILLED_OUT' | 'NOT_FILLED_OUT';
  formId?: string;
  /** `at least N times` …: the submissions (within the pruning window) are counted. */
  coalescingRefineBy?: NumOccurrencesRefineBy;
  pruningRefineBy?: PruningRefineBy;
}

/** The windows the language writes: the last N days, or after / before / between instants. */
export type PruningRefineBy = RelativeComparativeRefineBy | AbsoluteComparativeRefineBy | AbsoluteRangedRefineBy;

/** Strictly after (before) `timestamp`, epoch milliseconds. */
export interface AbsoluteComparativeRefineBy {
  type: 'ABSOLUTE_COMPARATIVE';
  comparison: 'AFTER' | 'BEFORE';
  timestamp: number;
}

/** From `lowerTimestamp` to `upperTimestamp`, both included (BETWEEN; the language writes no NOT_BETWEEN). */
export interface AbsoluteRangedRefineBy {
  type: 'ABSOLUTE_RANGED';
  rangeType: 'BETWEEN';
  lowerTimestamp: number;
  upperTimestamp: number;
}

/** A submission on one CMS page (HubSpot's FORM_SUBMISSION_ON_PAGE): the page's id is required. */
export interface FormSubmissionOnPageFilter {
  filterType: 'FORM_SUBMISSION_ON_PAGE';
  operator: 'FILLED_OUT' | 'NOT_FILLED_OUT';
  pageId: string;
  formId?: string;
  /** As on FORM_SUBMISSION (HubSpot's PublicFormSubmissionOnPageFilter takes both refine-bys). */
  coalescingRefineBy?: NumOccurrencesRefineBy;
  pruningRefineBy?: PruningRefineBy;
}

/** "Within the last N days": the submission happened after now − N days. */
export interface RelativeComparativeRefineBy {
  type: 'RELATIVE_COMPARATIVE';
  comparison: 'AFTER' | 'BEFORE';
  timeOffset: { offsetDirection: 'PAST' | 'FUTURE'; timeUnit: 'DAYS' | 'WEEKS'; amount: number };
}

/** HubSpot's subscription statuses (its list filter definitions: OPT_IN, OPT_OUT, NOT_OPTED). */
export type OptState = 'OPT_IN' | 'OPT_OUT' | 'NOT_OPTED';

/**
 * The contact's status for marketing email subscriptions. HubSpot's filter definitions allow one
 * accepted status per filter; with several ids, every one must have it (docs/language.md, Assumed).
 */
export interface EmailSubscriptionFilter {
  filterType: 'EMAIL_SUBSCRIPTION';
  subscriptionIds: string[];
  acceptedStatuses: [OptState];
}

/** The same for a channel (SMS, WhatsApp, or email as a whole): one subscription each, or the channel portal-wide. */
export interface CommunicationSubscriptionFilter {
  filterType: 'COMMUNICATION_SUBSCRIPTION';
  channel: 'EMAIL' | 'SMS' | 'WHATSAPP';
  subscriptionType: 'INDIVIDUAL_SUBSCRIPTION' | 'PORTAL_WIDE';
  subscriptionIds: string[];
  acceptedOptStates: [OptState];
}

/** How many times something happened, or how many records there are: at least `minOccurrences` (0 when absent), at most `maxOccurrences`. */
export interface NumOccurrencesRefineBy {
  type: 'NUM_OCCURRENCES';
  minOccurrences?: number;
  maxOccurrences?: number;
}

/** The number of records associated with the contact by one association type (HubSpot's NUM_ASSOCIATIONS, 2025-09 specs and later). */
export interface NumAssociationsFilter {
  filterType: 'NUM_ASSOCIATIONS';
  associationTypeId: number;
  associationCategory: 'HUBSPOT_DEFINED';
  coalescingRefineBy: NumOccurrencesRefineBy;
}

/** HubSpot's EMAIL_EVENT operators (the SDK's PublicEmailEventFilter). */
export type EmailEventOperator =
  | 'SENT' | 'RECEIVED' | 'OPENED' | 'LINK_CLICKED' | 'REPLIED' | 'BOUNCED' | 'UNSUBSCRIBED' | 'MARKED_SPAM'
  | 'OPENED_BUT_LINK_NOT_CLICKED' | 'OPENED_BUT_NOT_REPLIED' | 'RECEIVED_BUT_NOT_OPENED' | 'SENT_BUT_LINK_NOT_CLICKED' | 'SENT_BUT_NOT_RECEIVED';

/**
 * "The contact had this event for this marketing email" (within the window, if any). `appId`, `emailId`,
 * `level` and `operator` are required by HubSpot's spec; the compiler writes EMAIL_API_CAMPAIGN, the level
 * of HubSpot's documented example (its meaning is not documented: docs/language.md, Assumed).
 */
export interface EmailEventFilter {
  filterType: 'EMAIL_EVENT';
  appId: string;
  emailId: string;
  level: string;
  operator: EmailEventOperator;
  /** The one link clicked; HubSpot allows it only with LINK_CLICKED. */
  clickUrl?: string;
  /** HubSpot's list filter definitions: "only supports" ABSOLUTE_COMPARATIVE and ABSOLUTE_RANGED (`in last N days`'s relative one is unconfirmed). */
  pruningRefineBy?: PruningRefineBy;
}

/** HubSpot's PAGE_VIEW operators (its list filters reference). */
export type PageViewOperator = 'HAS_PAGEVIEW_EQ' | 'HAS_PAGEVIEW_CONTAINS' | 'HAS_PAGEVIEW_MATCHES_REGEX' | 'NOT_HAS_PAGEVIEW_EQ' | 'NOT_HAS_PAGEVIEW_CONTAINS';

/** "The contact viewed (or never viewed) a page whose URL is, contains or matches `pageUrl`" (within the window, if any). */
export interface PageViewFilter {
  filterType: 'PAGE_VIEW';
  pageUrl: string;
  operator: PageViewOperator;
  /** `at least N times`: views are counted (within the pruning window) and N or more pass. */
  coalescingRefineBy?: NumOccurrencesRefineBy;
  pruningRefineBy?: RelativeComparativeRefineBy;
}

/** WEBINAR (Lists v3 `PublicWebinarFilter`): without a webinarId, any webinar (Assumed: docs/language.md). */
export interface WebinarFilter {
  filterType: 'WEBINAR';
  operator: WebinarOperator;
  webinarId?: string;
}

export type WebinarOperator = 'HAS_WEBINAR_REGISTRATION' | 'NOT_HAS_WEBINAR_REGISTRATION' | 'HAS_WEBINAR_ATTENDANCE' | 'NOT_HAS_WEBINAR_ATTENDANCE';

/** CTA (Lists v3 `PublicCtaAnalyticsFilter`): the refine-bys the language writes are the forms'. */
export interface CtaFilter {
  filterType: 'CTA';
  ctaName: string;
  operator: CtaOperator;
  coalescingRefineBy?: NumOccurrencesRefineBy;
  pruningRefineBy?: PruningRefineBy;
}

export type CtaOperator = 'HAS_CLICKED_CTA' | 'HAS_NOT_CLICKED_CTA' | 'HAS_OPENED_CTA' | 'HAS_NOT_OPENED_CTA';

/** ADS_TIME (Lists v3 `PublicAdsTimeFilter`): some ad seen in the window, which is required. */
export interface AdsTimeFilter {
  filterType: 'ADS_TIME';
  pruningRefineBy: PruningRefineBy;
}

export interface ConstantFilter {
  filterType: 'CONSTANT';
  shouldAccept: boolean;
}

// ---------------------------------------------------------------------------------------------
// PROPERTY operations (§2.3). Every one carries the no-value flag.

interface OperationBase {
  operator: string;
  includeObjectsWithNoValueSet: boolean;
}

export type PropertyOperation =
  | (OperationBase & { operationType: 'ALL_PROPERTY' })
  | (OperationBase & { operationType: 'STRING'; value: string })
  | (OperationBase & { operationType: 'MULTISTRING'; values: string[] })
  | (OperationBase & { operationType: 'NUMBER'; value: number })
  | (OperationBase & { operationType: 'NUMBER_RANGED'; lowerBound: number; upperBound: number })
  | (OperationBase & { operationType: 'BOOL'; value: boolean })
  | (OperationBase & { operationType: 'ENUMERATION'; values: string[] })
  | TimePointOperation
  | TimeRangedOperation
  | (OperationBase & { operationType: 'ROLLING_PROPERTY_UPDATED'; numberOfDays: number })
  | CalendarDateOperation
  | (OperationBase & { operationType: 'COMPARATIVE_DATE'; comparisonPropertyName: string });

export type EndpointBehavior = 'INCLUSIVE' | 'EXCLUSIVE';

export interface TimePointOperation extends OperationBase {
  operationType: 'TIME_POINT';
  type: 'TIME_POINT';
  operator: 'IS_BEFORE' | 'IS_AFTER';
  timePoint: TimePoint;
  endpointBehavior: EndpointBehavior;
  propertyParser: PropertyParser;
}

/** `VALUE` compares the property's value; `UPDATED_AT` the time it was last updated. */
export type PropertyParser = 'VALUE' | 'UPDATED_AT';

export type TimePoint = DateTimePoint | IndexedTimePoint | PropertyReferencedTimePoint;

export interface TimeRangedOperation extends OperationBase {
  operationType: 'TIME_RANGED';
  type: 'TIME_RANGED';
  operator: 'IS_BETWEEN' | 'IS_NOT_BETWEEN';
  lowerBoundTimePoint: TimePoint;
  upperBoundTimePoint: TimePoint;
  lowerBoundEndpointBehavior: EndpointBehavior;
  upperBoundEndpointBehavior: EndpointBehavior;
  propertyParser: PropertyParser;
}

export interface CalendarDateOperation extends OperationBase {
  operationType: 'CALENDAR_DATE';
  timeUnit: 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
  timeUnitCount?: number;
  useFiscalYear: false;
}

/** A wall-clock time in `zoneId` (the list's time zone). */
export interface DateTimePoint extends WallClock {
  timeType: 'DATE';
  timezoneSource: 'CUSTOM';
  zoneId: string;
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * A time relative to when HubSpot evaluates the list: a reference (today, now, the current week,
 * month, quarter or year, with an optional time of day) moved by an offset, in `zoneId`.
 */
export interface IndexedTimePoint {
  timeType: 'INDEXED';
  timezoneSource: 'CUSTOM';
  zoneId: string;
  indexReference: IndexReference;
  offset?: IndexOffset;
}

export interface IndexReference {
  referenceType: 'TODAY' | 'NOW' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
  /** WEEK: the day of the current week (weeks start on Monday). */
  dayOfWeek?: 'MONDAY' | 'SUNDAY';
  /** QUARTER: the month within the quarter (1–3); YEAR: the month of the year. */
  month?: number;
  /** MONTH, QUARTER, YEAR: the day of that month. */
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

export interface IndexOffset {
  years?: number;
  quarters?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

/** Another property of the same record: its value (`VALUE`) or the time of its last update (`UPDATED_AT`). */
export interface PropertyReferencedTimePoint {
  timeType: 'PROPERTY_REFERENCED';
  timezoneSource: 'CUSTOM';
  zoneId: string;
  property: string;
  referenceType: 'VALUE' | 'UPDATED_AT';
}

// ---------------------------------------------------------------------------------------------
// Constants of the contact → company association.

export const CONTACTS_OBJECT_TYPE_ID = '0-1';
export const COMPANIES_OBJECT_TYPE_ID = '0-2';
/**
 * HubSpot-defined, unlabeled contact → company association (any associated company). HubSpot's
 * associations overview uses 279 for it; 1 is "Contact with Primary Company", which would narrow
 * the filter to the primary company only.
 */
export const CONTACT_TO_COMPANY_TYPE_ID = 279;
/** HubSpot-defined "Contact with Primary Company": `associated primary company where …`. */
export const PRIMARY_COMPANY_TYPE_ID = 1;

/** HubSpot's limit on filters per list (counting every filter in every branch). */
export const MAX_FILTERS = 250;
/** Our own guard on OR-of-AND expansion: each AND branch holds at least one filter anyway. */
export const MAX_AND_BRANCHES = 250;

/** Placeholder list id for a workspace list not yet published; publish replaces it. */
export function listPlaceholder(name: string): string {
  return `$list:${name}`;
}
