// The syntax tree of an .hslist file. Every node carries the offsets of the text it came from
// (`start` inclusive, `end` exclusive, both UTF-16 offsets into the document), so that checks,
// completion and formatting can point at exact places. The tree is our own, not Chevrotain's CST:
// later layers never depend on the parser library.

export interface Span {
  start: number;
  end: number;
}

/** A name with the span of its text (the span of a quoted name includes the quotes). */
export interface Name extends Span {
  text: string;
}

export interface Comment extends Span {
  /** Text after `//`, untrimmed. */
  text: string;
  /** True for an end-of-line comment (code before it on its line); the printer keeps it at the end of a line. */
  trailing?: boolean;
}

export interface FileNode extends Span {
  kind: 'file';
  lists: ListNode[];
  syncBlocks: SyncNode[];
  /** `values name = (…)`: named sets of values, used by name where a `(…)` list of values goes. `parse` always sets it. */
  valueSets?: ValueSetNode[];
  /** `condition name { where … }`: named conditions, used as `condition name` in criteria. `parse` always sets it. */
  conditions?: NamedConditionNode[];
  /** Every `//` comment, in order, so the formatter can keep them. */
  comments: Comment[];
}

/** `key: value` inside a list or sync block. Unknown keys are kept, so checks can name them. */
export interface Setting extends Span {
  kind: 'setting';
  /** The words before the colon, lowercased and joined with single spaces: "inclusion list". */
  key: Name;
  value: SettingValue | undefined;
}

export type SettingValue =
  | (Span & { kind: 'string'; value: string })
  | (Span & { kind: 'word'; value: string }) // bare words, lowercased and space-joined: "prefer salesforce unless blank"
  | (Span & { kind: 'number'; value: number })
  /** `(#123, "ann@example.com", …)`: the members of a static list; may span lines. */
  | (Span & { kind: 'members'; items: MemberItem[] });

/** One member of a static list: a contact's record id (`#123`) or its email (`"ann@example.com"`). */
export type MemberItem = (Span & { kind: 'id'; value: string }) | (Span & { kind: 'email'; value: string });

export interface ListNode extends Span {
  kind: 'list';
  name: Name; // the text without quotes
  settings: Setting[]; // type, folder, timezone, description, ...
  where: Expr | undefined;
  /** Span of the `where` keyword, when present. */
  whereKeyword: Span | undefined;
}

export interface SyncNode extends Span {
  kind: 'sync';
  target: Name; // "salesforce"
  settings: Setting[];
  mappings: MappingNode[];
}

/**
 * `values competitors = ("acme.com", "globex.com")`: defined once in the workspace, used by name in
 * any list (`hs_email_domain is any of competitors`); the compiler writes the values in its place.
 */
export interface ValueSetNode extends Span {
  kind: 'valueSet';
  name: Name;
  values: Value[];
  /** The parenthesised values, brackets included. */
  valuesSpan: Span;
}

/**
 * `condition internal_contacts { where … }`: criteria defined once in the workspace and used in any
 * list as `condition internal_contacts`; the compiler writes the criteria in its place.
 */
export interface NamedConditionNode extends Span {
  kind: 'namedCondition';
  name: Name;
  settings: Setting[]; // description
  where: Expr | undefined;
  whereKeyword: Span | undefined;
}

/** `map lifecyclestage to Status: prefer salesforce unless blank` */
export interface MappingNode extends Span {
  kind: 'mapping';
  hubspotProperty: Name;
  salesforceField: Name;
  rule: SettingValue | undefined;
}

// ---------------------------------------------------------------------------------------------
// Criteria

export type Expr = AndExpr | OrExpr | NotExpr | ParenExpr | Condition;

export interface AndExpr extends Span {
  kind: 'and';
  operands: Expr[]; // two or more; `a and b and c` is one node
}

export interface OrExpr extends Span {
  kind: 'or';
  operands: Expr[];
}

export interface NotExpr extends Span {
  kind: 'not';
  operand: Expr;
}

/** Parentheses are kept so the formatter and ranges stay faithful; meaning ignores them. */
export interface ParenExpr extends Span {
  kind: 'paren';
  inner: Expr;
}

export type Condition =
  | PropertyCondition
  | InListCondition
  | AssociationCondition
  | AssociationCountCondition
  | FormSubmissionCondition
  | SubscriptionCondition
  | EmailEventCondition
  | PageViewCondition
  | WebinarCondition
  | CtaCondition
  | AdsSeenCondition
  | ConstantCondition
  | ConditionReference
  | ErrorCondition;

/**
 * `<property> <operator> <operands> [including unknown]`.
 * The operator is the surface phrase; which HubSpot operation it becomes depends on the property's
 * type and is decided by server/src/language/operators.ts.
 */
export interface PropertyCondition extends Span {
  kind: 'property';
  property: Name;
  operator: SurfaceOperator;
  operatorSpan: Span;
  operands: Operand;
  /** `including unknown`: contacts with no value for the property also match. */
  includeUnknown: Span | undefined;
}

/**
 * Every operator phrase the language has. The spelling of each is in docs/language.md; the parser
 * maps phrases to these names.
 */
export type SurfaceOperator =
  // any type
  | 'is known' // is known
  | 'is unknown' // is unknown
  | 'is blank' // is blank (HubSpot's IS_BLANK)
  | 'is not blank' // is not blank (IS_NOT_BLANK)
  | 'updated in last' // was updated in last N days
  | 'not updated in last' // was not updated in last N days
  | 'updated before' // was updated before T (the time of the last update, `propertyParser: UPDATED_AT`)
  | 'updated after' // was updated after T
  | 'updated between' // was updated between T and T
  // equality (string, number, bool, enumeration, date = that whole day)
  | 'is' // is V, = V
  | 'is not' // is not V, != V
  | 'is any of' // is any of (V, ...)
  | 'is none of' // is none of (V, ...)
  // enumeration, multi-value sets
  | 'is exactly' // is exactly (V, ...)
  | 'is not exactly' // is not exactly (V, ...)
  | 'contains all of' // contains all of (V, ...)
  | 'does not contain all of' // does not contain all of (V, ...)
  // strings
  | 'contains' // contains V
  | 'does not contain' // does not contain V
  | 'contains any of' // contains any of (V, ...)
  | 'does not contain any of' // does not contain any of (V, ...)
  | 'starts with' // starts with V | starts with any of (V, ...)
  | 'ends with' // ends with V | ends with any of (V, ...)
  | 'contains exactly' // contains exactly V   (MULTISTRING CONTAINS_EXACTLY: a whole word)
  | 'does not contain exactly'
  // numbers
  | '>'
  | '>='
  | '<'
  | '<='
  | 'is between' // is between A and B (numbers or dates)
  | 'is not between'
  // dates
  | 'is before' // is before DATE | is before property P
  | 'is after' // is after DATE | is after property P
  | 'is less than days ago' // is less than N days ago
  | 'is more than days ago' // is more than N days ago
  | 'is less than days from now' // is less than N days from now
  | 'is more than days from now' // is more than N days from now
  | 'is in this' // is in this day|week|month|quarter|year
  | 'is in this so far' // is in this month so far
  | 'is in next' // is in next [N] month(s)
  | 'is in last' // is in last [N] month(s)
  // ordered enumerations: the options at or after (before) the value in the property's display order;
  // `is after V` / `is before V` on a dropdown or radio property are the same without V itself
  | 'is at least' // is at least V
  | 'is at most' // is at most V
  // history
  | 'has ever been' // has ever been V | has ever been any of (...) | has ever been exactly (...)
  | 'has never been'
  | 'has ever been exactly'
  | 'has never been exactly'
  | 'has ever contained' // strings: has ever contained V; enumerations: has ever contained all of (...)
  | 'has never contained';

export type Operand =
  | (Span & { kind: 'none' })
  | (Span & { kind: 'single'; value: Value })
  /**
   * `(a, b, c)` or `any of (...)`. `anyOf` marks `starts with any of (...)` / `has ever been any of (...)`.
   * Written as the name of a value set (`is any of competitors`), `valueSet` names it and `values` is
   * empty until the workspace puts the set's values in (server/src/language/definitions/resolve.ts).
   */
  | (Span & { kind: 'list'; values: Value[]; anyOf: boolean; valueSet?: Name })
  | (Span & { kind: 'range'; low: Value; high: Value })
  | (Span & { kind: 'days'; count: Value }) // N days (rolling, updated in last)
  | (Span & { kind: 'calendar'; unit: CalendarUnit; count: Value | undefined }) // month | 3 months
  | (Span & { kind: 'property'; property: Name }); // is before property other_date

export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * What a relative time is counted from: `today` (a whole day, like a date literal), `now` (an
 * instant), or the first / last moment of the current day, week, month, quarter or year.
 */
export type RelativeAnchor = 'today' | 'now' | `${'start' | 'end'} of ${CalendarUnit}`;

/** `3 days before`, `1 month after`: moves the anchor by whole calendar units in the list's zone. */
export interface RelativeOffset {
  count: number;
  unit: CalendarUnit;
  direction: 'before' | 'after';
}

export type Value =
  | (Span & { kind: 'string'; value: string }) // "text"
  | (Span & { kind: 'number'; value: number; raw: string }) // 42, -3.5
  | (Span & { kind: 'boolean'; value: boolean }) // true, false
  | (Span & { kind: 'date'; raw: string; year: number; month: number; day: number }) // 2024-01-31
  | (Span & { kind: 'datetime'; raw: string }) // 2024-01-31T10:00:00Z, 2024-01-31T10:00:00+02:00
  /** today, now, start of month, 3 days before today, 2 weeks after start of week (HubSpot's INDEXED time points). */
  | (Span & { kind: 'relative'; anchor: RelativeAnchor; offset: RelativeOffset | undefined })
  /**
   * Another property of the same record as a time (HubSpot's PROPERTY_REFERENCED time point):
   * `property closedate` is its value, `when jobtitle was updated` the time of its last update.
   */
  | (Span & { kind: 'property'; property: Name; updated: boolean })
  | (Span & { kind: 'word'; value: string }); // a bare enumeration option value: marketingqualifiedlead

/** `in list "Name"` / `in list #123` / `not in list ...` is `not` around it. */
export interface InListCondition extends Span {
  kind: 'inList';
  /** A workspace list, by name, or a HubSpot list not managed as code, by its ILS list id. */
  target: (Name & { by: 'name' }) | (Name & { by: 'id' });
}

/**
 * `associated company where <expr over company properties>`; `associated primary company where …`;
 * `associated deal where …`, `associated ticket labeled #123 where …`.
 */
export interface AssociationCondition extends Span {
  kind: 'association';
  /** `company`, `deal` or `ticket`: the singular word, lowercased (the span is the word as written). */
  objectType: Name;
  /** Only the contact's primary company (HubSpot's association type 1), not any associated company. */
  primary: boolean;
  /**
   * `labeled #id` or `labeled "Decision maker"`: only records associated with this label, by its
   * association type id (digits) or its name (resolved with the portal's labels, `hslist schema pull`).
   */
  label?: AssociationLabelRef;
  where: Expr | undefined;
}

/** An association label as written: `#12` (`by: 'id'`, the digits) or `"Decision maker"` (`by: 'name'`). */
export type AssociationLabelRef = Name & { by?: 'id' | 'name' };

/** `number of associated deals >= 2`, `… is between 1 and 3` (HubSpot's NUM_ASSOCIATIONS). */
export interface AssociationCountCondition extends Span {
  kind: 'associationCount';
  /** `company`, `deal` or `ticket`, singular and lowercased. */
  objectType: Name;
  primary: boolean;
  comparison: CountComparison;
}

/** How a count is compared: `>= 2`, `is 0`, `is between 1 and 3`. */
export interface CountComparison extends Span {
  operator: '>' | '>=' | '<' | '<=' | 'is' | 'is between';
  low: Value;
  /** The upper bound of `is between`. */
  high: Value | undefined;
}

/**
 * `submitted form "<form>"` | `submitted any form`, optionally `on page "Pricing"` (or `on page #123`), then
 * optionally a count (`at least 2 times`) and then a window (`in last N days`, `after D`, `before D`,
 * `between D and D`). `not submitted ...` is `not` around it.
 */
export interface FormSubmissionCondition extends Span {
  kind: 'formSubmission';
  formId: Name | undefined; // undefined = any form
  /** The page the submission happened on (HubSpot's FORM_SUBMISSION_ON_PAGE), when written. */
  page?: PageRef;
  /** `at least N times`, `at most N times`, `between N and M times`: HubSpot's coalescingRefineBy NUM_OCCURRENCES. */
  count?: OccurrenceCount;
  withinLastDays: Value | undefined;
  /** `after D`, `before D`, `between D and D`: HubSpot's pruningRefineBy ABSOLUTE_COMPARATIVE / ABSOLUTE_RANGED. */
  window?: TimeWindow;
}

/** A CMS page as written: `#123` (`by: 'id'`, the digits) or `"Pricing"` (`by: 'name'`). */
export type PageRef = Name & { by: 'id' | 'name' };

/** A count of occurrences: `at least N times` (min only), `at most N times` (max only), `between N and M times` (both). */
export interface OccurrenceCount extends Span {
  min: Value | undefined;
  max: Value | undefined;
}

/** An absolute time window: after or before a date (or instant), or between two (both days included). */
export type TimeWindow = Span & ({ kind: 'after' | 'before'; at: Value } | { kind: 'between'; low: Value; high: Value });

/** A subscription status as HubSpot's list filters name them: OPT_IN, OPT_OUT, NOT_OPTED. */
export type SubscriptionStatus = 'opted in' | 'opted out' | 'not opted';

/**
 * `opted in to email subscription #123`, `opted in to email subscription "Newsletter"`, `opted out of sms
 * subscriptions (#1, "Alerts")`, `opted neither in nor out of all whatsapp`: HubSpot's EMAIL_SUBSCRIPTION
 * and COMMUNICATION_SUBSCRIPTION filters.
 */
export interface SubscriptionCondition extends Span {
  kind: 'subscription';
  status: SubscriptionStatus;
  /** The channel word as written (`email`, `sms`, `whatsapp`; the checker reports any other). */
  channel: Name;
  /** The subscriptions as written, by id or by name; empty with `all`. */
  subscriptions: SubscriptionRef[];
  /** `all <channel>`: the contact's status for every subscription of the channel (portal-wide). */
  all: boolean;
}

/**
 * A subscription as written: `#123` (`by: 'id'`, the digits) or `"Newsletter"` (`by: 'name'`, resolved with the
 * portal's subscription definitions that `hslist schema pull` writes). A tree made without `by` holds an id.
 */
export type SubscriptionRef = Name & { by?: 'id' | 'name' };

/**
 * `marketing email #456 of app #113 opened [in last N days]`: HubSpot's EMAIL_EVENT filter. The event is
 * the words as written (`opened`, `marked spam`, `opened but not clicked`, …), lowercased and joined with
 * single spaces; the checker reports a phrase that names no event.
 */
export interface EmailEventCondition extends Span {
  kind: 'emailEvent';
  /** The email: its ids as HubSpot's filter takes them, or its name in the pulled marketing emails. */
  email: EmailTarget;
  event: Name;
  /** `clicked link "https://…"`: the one link clicked (HubSpot's clickUrl, only with LINK_CLICKED). */
  clickUrl: Name | undefined;
  withinLastDays: Value | undefined;
  /** `after D`, `before D`, `between D and D`: HubSpot's pruningRefineBy ABSOLUTE_COMPARATIVE / ABSOLUTE_RANGED (the only windows its list filter definitions give EMAIL_EVENT). */
  window?: TimeWindow;
}

/**
 * `#456 of app #113` (the `#` left out of each) or `"November newsletter"` (optionally `of app #113`). A name with its app is
 * compiled as the email's campaign ids (server/src/language/email-names.ts; which id EMAIL_EVENT takes is not documented: Assumed). `any` (the span is the word) is
 * every marketing email: HubSpot's EMAIL_EVENT takes one email, so it is written out as the contact property HubSpot keeps for
 * the event over all emails before compiling and previewing (server/src/language/any-email.ts).
 */
export type EmailTarget = { by: 'ids'; emailId: Name; appId: Name } | { by: 'name'; name: Name; appId: Name | undefined } | { by: 'any'; any: Span };

/** How a page view's URL is matched: the whole URL, a part of it, or a regular expression. */
export type PageMatch = 'is' | 'containing' | 'matching';

/** `visited page "https://…"`, `visited page containing "/pricing"`, `visited page matching "…"`, with `in last N days`: PAGE_VIEW. */
export interface PageViewCondition extends Span {
  kind: 'pageView';
  match: PageMatch;
  /** The URL, part or pattern (the string's text; the span includes the quotes). */
  url: Name;
  /** `at least N times`: HubSpot's coalescingRefineBy NUM_OCCURRENCES (minOccurrences). */
  atLeastTimes: Value | undefined;
  withinLastDays: Value | undefined;
}

/** A webinar as written: `#123` (`quoted: false`, the digits) or `"…"` (`quoted: true`, the text, for an id that is not digits). */
export type WebinarRef = Name & { quoted: boolean };

/**
 * `registered for webinar #123`, `attended webinar #123`, `registered for any webinar`: HubSpot's WEBINAR filter
 * (HAS_WEBINAR_REGISTRATION / HAS_WEBINAR_ATTENDANCE; `not` gives their NOT_HAS_ forms).
 */
export interface WebinarCondition extends Span {
  kind: 'webinar';
  action: 'registered' | 'attended';
  /** undefined = any webinar (the filter without a webinarId). */
  webinar: WebinarRef | undefined;
}

/**
 * `clicked cta "<ctaName>"`, `viewed cta "<ctaName>"` with the forms' optional count and window: HubSpot's CTA filter
 * (HAS_CLICKED_CTA / HAS_OPENED_CTA; `not` gives their HAS_NOT_ forms).
 */
export interface CtaCondition extends Span {
  kind: 'cta';
  action: 'clicked' | 'viewed';
  /** The CTA's `ctaName` as HubSpot's filter takes it (its list filter definitions' example is a GUID). */
  cta: Name;
  count?: OccurrenceCount;
  withinLastDays: Value | undefined;
  window?: TimeWindow;
}

/** `saw any ad in last 30 days` (or `after D`, `before D`, `between D and D`): HubSpot's ADS_TIME filter, whose window is required. */
export interface AdsSeenCondition extends Span {
  kind: 'adsSeen';
  withinLastDays: Value | undefined;
  window?: TimeWindow;
}

/** `condition internal_contacts`: the criteria of a named condition of the workspace, in this place. */
export interface ConditionReference extends Span {
  kind: 'conditionRef';
  name: Name;
}

/** `everyone` / `no one` (HubSpot's CONSTANT filter). */
export interface ConstantCondition extends Span {
  kind: 'constant';
  accept: boolean;
}

/** Where the parser recovered from a syntax error inside an expression. Checks skip it. */
export interface ErrorCondition extends Span {
  kind: 'error';
}
