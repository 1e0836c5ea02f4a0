// The emulator's WEBINAR, CTA and ADS_TIME filters over a contact's seeded webinars, CTA events and ads
// seen. Written on the JSON alone, apart from the preview's evaluators, so the differential test compares
// two readings of HubSpot's filter definitions. What it cannot judge is reported and matches no one.

import type { EvalContact, EvalContext, Json } from './evaluate-types';

type Window = (at: number) => boolean;
type Count = (count: number) => boolean;

const WEBINAR_OPERATORS: Record<string, { field: 'registered' | 'attended'; negated: boolean }> = {
  HAS_WEBINAR_REGISTRATION: { field: 'registered', negated: false },
  NOT_HAS_WEBINAR_REGISTRATION: { field: 'registered', negated: true },
  HAS_WEBINAR_ATTENDANCE: { field: 'attended', negated: false },
  NOT_HAS_WEBINAR_ATTENDANCE: { field: 'attended', negated: true },
};

/** A webinar (any, without a webinarId) the contact registered for (attended); NOT_HAS_…: none. */
export function evaluateWebinar(filter: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const op = WEBINAR_OPERATORS[String(filter.operator)];
  if (!op) {
    ctx.report?.(`Unknown WEBINAR operator ${String(filter.operator)}; it matches no one here.`);
    return false;
  }
  const id = typeof filter.webinarId === 'string' ? filter.webinarId : undefined;
  const some = (contact.webinars ?? []).some((w) => (id === undefined || w.id === id) && w[op.field]);
  return op.negated ? !some : some;
}

const CTA_OPERATORS: Record<string, { type: 'CLICK' | 'VIEW'; negated: boolean }> = {
  HAS_CLICKED_CTA: { type: 'CLICK', negated: false },
  HAS_NOT_CLICKED_CTA: { type: 'CLICK', negated: true },
  HAS_OPENED_CTA: { type: 'VIEW', negated: false },
  HAS_NOT_OPENED_CTA: { type: 'VIEW', negated: true },
};

/** Clicks (views: HubSpot's "opened") of the CTA in the window, then counted; HAS_NOT_…: not so. */
export function evaluateCta(filter: Json, contact: EvalContact, ctx: EvalContext, inWindow: Window, counted: Count): boolean {
  const op = CTA_OPERATORS[String(filter.operator)];
  if (!op) {
    ctx.report?.(`Cannot evaluate the CTA operator ${String(filter.operator)} (placements are not seeded here); it matches no one here.`);
    return false;
  }
  const count = (contact.ctaEvents ?? []).filter((e) => e.cta === filter.ctaName && e.type === op.type && inWindow(Date.parse(e.timestamp))).length;
  const happened = count > 0 && counted(count);
  return op.negated ? !happened : happened;
}

/** Some ad seen in the (required) window. */
export function evaluateAdsTime(contact: EvalContact, inWindow: Window): boolean {
  return (contact.adViews ?? []).some((v) => inWindow(Date.parse(v.timestamp)));
}
