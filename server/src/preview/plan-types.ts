// The resolved form of a list's criteria that both evaluators run. Each condition is resolved once
// to its HubSpot operation (server/src/language/operators.ts) with its operands normalised
// (time points turned into instants in the list's zone); what the operation then means is
// docs/semantics.md, applied by reference.ts (literally) and compiled.ts (over columns).

import type { Span, CalendarUnit, PageMatch } from '@hslist/grammar';
import type { EmailEventOperator } from '../hubspot/filter-branch';
import type { OperationType, TypeClass } from '../language/operators';
import type { AssociatedObjectName } from '../language/schema-types';
import type { OptState, SubscriptionChannel } from './types';

export interface PropertyFilter {
  property: string;
  typeClass: TypeClass;
  operationType: OperationType;
  operator: string;
  includeUnknown: boolean;
  /** STRING / MULTISTRING values as written; ENUMERATION option values. */
  values: string[];
  /** NUMBER value, BOOL value as 1/0. */
  value: number;
  /** NUMBER_RANGED and TIME_RANGED bounds (instants for dates). */
  lowerBound: number;
  upperBound: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  /** TIME_POINT instant and endpoint behaviour. */
  timePoint: number;
  inclusive: boolean;
  /** ROLLING_PROPERTY_UPDATED. */
  days: number;
  /** CALENDAR_DATE: the unit, and the [start, end) span the operator selects, already resolved. */
  timeUnit: CalendarUnit | undefined;
  spanStart: number;
  spanEnd: number;
  /**
   * PROPERTY_REFERENCED time points, read per contact: the TIME_POINT's point, the TIME_RANGED's
   * bounds. Where one is set, the number beside it (timePoint, lowerBound, upperBound) is unused.
   */
  pointRef?: TimeRef;
  lowerRef?: TimeRef;
  upperRef?: TimeRef;
  now: number;
  /** `UPDATED_AT`: the filter compares the time of the property's last update (from its history). */
  propertyParser: 'VALUE' | 'UPDATED_AT';
}

/** Another property of the same contact as a time: its value, or the time of its last update (`updated`). */
export interface TimeRef {
  property: string;
  updated: boolean;
}

/** The other properties a filter compares with. */
export function timeRefs(f: PropertyFilter): TimeRef[] {
  return [f.pointRef, f.lowerRef, f.upperRef].filter((r): r is TimeRef => r !== undefined);
}

export type PlanNode =
  | { kind: 'and' | 'or'; span: Span; children: PlanNode[] }
  | { kind: 'not'; span: Span; child: PlanNode }
  | { kind: 'filter'; span: Span; filter: PropertyFilter; text: string }
  | { kind: 'inList'; span: Span; listId: string; text: string }
  | { kind: 'inWorkspaceList'; span: Span; name: string; plan: PlanNode; text: string }
  /** Some associated record of `object` (the primary company only, for `primary`; with `label` only) passes `records`. */
  | { kind: 'association'; span: Span; object: AssociatedObjectName; records: PlanNode; text: string; primary: boolean; label: string | undefined }
  /** The number of associated records of `object` (primary companies only, for `primary`) is within [min, max]. */
  | { kind: 'associationCount'; span: Span; object: AssociatedObjectName; primary: boolean; min: number; max: number | undefined; text: string }
  /**
   * Submissions of the form (any form without an id) in the window: strictly after `since`, strictly before
   * `before`, from `from` to `to` inclusive (each when set); with `page`, only those sent on that page; at least
   * one, and at least `minTimes` and at most `maxTimes` of them when set (HubSpot's filters overview: the window
   * first, then the count).
   */
  | { kind: 'form'; span: Span; formId: string | undefined; since: number | undefined; before?: number; from?: number; to?: number; minTimes?: number; maxTimes?: number; page?: FormPage; text: string }
  /** Every one of `ids` (the channel portal-wide when `all`) has `status`; a subscription with no entry is NOT_OPTED. */
  | { kind: 'subscription'; span: Span; channel: SubscriptionChannel; ids: string[]; all: boolean; status: OptState; text: string }
  /** The contact had the event for the email (app and email id) in the window (bounds as for `form`; docs/preview.md). */
  | { kind: 'emailEvent'; span: Span; appId: string; emailId: string; operator: EmailEventOperator; since: number | undefined; before?: number; from?: number; to?: number; clickUrl?: string; text: string }
  /** The contact viewed a page whose URL is, contains or matches `url`, after `since` when set. */
  | { kind: 'pageView'; span: Span; match: PageMatch; url: string; since: number | undefined; minTimes?: number; text: string }
  /** Registered for (attended) the webinar; any webinar without an id (JSON `webinars`; docs/preview.md). */
  | { kind: 'webinar'; span: Span; action: 'registered' | 'attended'; webinarId: string | undefined; text: string }
  /** Clicked (viewed) the CTA in the window (bounds and count as for `form`; JSON `ctaEvents`). */
  | { kind: 'cta'; span: Span; action: 'clicked' | 'viewed'; ctaName: string; since: number | undefined; before?: number; from?: number; to?: number; minTimes?: number; maxTimes?: number; text: string }
  /** Saw some ad in the window (bounds as for `form`; JSON `adViews`). */
  | { kind: 'adsSeen'; span: Span; since: number | undefined; before?: number; from?: number; to?: number; text: string }
  | { kind: 'constant'; span: Span; accept: boolean }
  /** A static list's own members: contacts with one of these record ids or (lowercase) emails. */
  | { kind: 'members'; span: Span; ids: string[]; emails: string[]; text: string }
  /** Cannot be judged locally: invalid condition, missing data kind, cycle. Never guessed. */
  | { kind: 'unavailable'; span: Span; reason: string; text: string };

/** The page of `submitted … on page …`: its id and, when the pulled pages give it one url of its own, that url's key. */
export interface FormPage {
  id: string;
  /** pageUrlKey of the page's url; absent when the page or its url is not known, so a submission's url cannot be matched. */
  urlKey?: string;
  /** Why a submission's page may not be known, for the count's "up to" (docs/preview.md). */
  unknownWhy: string;
}
