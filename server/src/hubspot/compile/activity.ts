// Webinars, calls-to-action and ads → HubSpot's WEBINAR, CTA and ADS_TIME filters (Lists v3 spec:
// PublicWebinarFilter, PublicCtaAnalyticsFilter, PublicAdsTimeFilter). The count and window of a CTA and
// the window of ads are written as the forms' (refine.ts): NUM_OCCURRENCES, then RELATIVE_COMPARATIVE for
// `in last N days` or ABSOLUTE_COMPARATIVE / ABSOLUTE_RANGED for `after`, `before`, `between`.

import type { AdsSeenCondition, CtaCondition, Span, TimeWindow, Value, WebinarCondition } from '@hslist/grammar';
import type { AdsTimeFilter, CtaFilter, CtaOperator, PruningRefineBy, WebinarFilter, WebinarOperator } from '../filter-branch';
import { absoluteWindowRefine, isRefineProblem, occurrencesRefine } from './refine';
import { lastDaysRefine } from './events';

/** Why a part cannot be compiled, and where. */
export interface ActivityProblem {
  message: string;
  at: Span;
}

export const WEBINAR_OPERATORS: Record<WebinarCondition['action'], { positive: WebinarOperator; negative: WebinarOperator }> = {
  registered: { positive: 'HAS_WEBINAR_REGISTRATION', negative: 'NOT_HAS_WEBINAR_REGISTRATION' },
  attended: { positive: 'HAS_WEBINAR_ATTENDANCE', negative: 'NOT_HAS_WEBINAR_ATTENDANCE' },
};

/** HubSpot names a CTA's view "opened" (HAS_OPENED_CTA); the language says `viewed`, as its UI does. */
export const CTA_OPERATORS: Record<CtaCondition['action'], { positive: CtaOperator; negative: CtaOperator }> = {
  clicked: { positive: 'HAS_CLICKED_CTA', negative: 'HAS_NOT_CLICKED_CTA' },
  viewed: { positive: 'HAS_OPENED_CTA', negative: 'HAS_NOT_OPENED_CTA' },
};

export const CTA_COUNT_NOT = 'HubSpot documents no opposite of a count of CTA interactions (CTA with coalescingRefineBy), so `not` cannot apply to `clicked|viewed cta … at least / at most / between N and M times`.';

export function webinarFilter(c: WebinarCondition, negated: boolean): WebinarFilter {
  const ops = WEBINAR_OPERATORS[c.action];
  const filter: WebinarFilter = { filterType: 'WEBINAR', operator: negated ? ops.negative : ops.positive };
  if (c.webinar) filter.webinarId = c.webinar.text;
  return filter;
}

/** The window of `in last N days` or of an absolute window, or the problem; undefined without either. */
export function activityWindow(days: Value | undefined, window: TimeWindow | undefined, zone: string): PruningRefineBy | undefined | ActivityProblem {
  const last = lastDaysRefine(days);
  if (typeof last === 'string') return { message: last, at: days ?? window ?? { start: 0, end: 0 } };
  if (last) return last;
  if (!window) return undefined;
  const absolute = absoluteWindowRefine(window, zone);
  return isRefineProblem(absolute) ? { message: absolute.message, at: absolute.at } : absolute;
}

export function isActivityProblem(x: unknown): x is ActivityProblem {
  return typeof x === 'object' && x !== null && 'message' in x && 'at' in x;
}

/**
 * The CTA filter; under `not`, the HAS_NOT_ operator. A count under `not` is refused: whether HAS_NOT_CLICKED_CTA
 * with a count means "another count" or "none" is not documented (as for forms and page views).
 */
export function ctaFilter(c: CtaCondition, negated: boolean, zone: string): CtaFilter | ActivityProblem {
  const ops = CTA_OPERATORS[c.action];
  const filter: CtaFilter = { filterType: 'CTA', ctaName: c.cta.text, operator: negated ? ops.negative : ops.positive };
  if (c.count) {
    if (negated) return { message: CTA_COUNT_NOT, at: c.count };
    const count = occurrencesRefine(c.count);
    if (isRefineProblem(count)) return { message: count.message, at: count.at };
    filter.coalescingRefineBy = count;
  }
  const window = activityWindow(c.withinLastDays, c.window, zone);
  if (isActivityProblem(window)) return window;
  if (window) filter.pruningRefineBy = window;
  return filter;
}

/** ADS_TIME; HubSpot has no opposite of it, so `not` is refused by the caller. */
export function adsTimeFilter(c: AdsSeenCondition, zone: string): AdsTimeFilter | ActivityProblem {
  const window = activityWindow(c.withinLastDays, c.window, zone);
  if (isActivityProblem(window)) return window;
  if (!window) return { message: '`saw any ad` needs a window (`in last N days`, `after D`, `before D` or `between D and D`): HubSpot\'s ADS_TIME filter requires one.', at: c };
  return { filterType: 'ADS_TIME', pruningRefineBy: window };
}
