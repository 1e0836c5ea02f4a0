// The JSON source's webinar, CTA and ad records (`webinars`, `ctaEvents`, `adViews` of a contact), read
// strictly as the other extras are (json-extras.ts): one bad entry leaves the whole list out, reported,
// so conditions on it are "not previewable" for that contact rather than judged on part of it.

import type { ReportBuilder } from './report';
import type { AdViewRecord, CtaEventRecord, CtaEventType, WebinarRecord } from '../types';
import { instant, strictList } from './json-extras';

type Raw = Record<string, unknown>;

function webinar(v: unknown): WebinarRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Raw;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : '';
  if (id === '' || typeof o.registered !== 'boolean' || typeof o.attended !== 'boolean') return undefined;
  return { id, registered: o.registered, attended: o.attended };
}

export function readWebinars(value: unknown, line: number, report: ReportBuilder): WebinarRecord[] | undefined {
  return strictList(value, 'webinars', '{ "id": the webinarId, "registered": true|false, "attended": true|false }', webinar, line, report);
}

function ctaEvent(v: unknown): CtaEventRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Raw;
  const type = typeof o.type === 'string' ? o.type.toUpperCase() : '';
  const timestamp = instant(o.timestamp);
  if (typeof o.cta !== 'string' || o.cta === '' || (type !== 'CLICK' && type !== 'VIEW') || Number.isNaN(timestamp)) return undefined;
  return { cta: o.cta, type: type as CtaEventType, timestamp };
}

export function readCtaEvents(value: unknown, line: number, report: ReportBuilder): CtaEventRecord[] | undefined {
  return strictList(value, 'ctaEvents', '{ "cta": the ctaName, "type": "CLICK"|"VIEW", "timestamp": epoch ms or ISO 8601 with its zone }', ctaEvent, line, report);
}

function adView(v: unknown): AdViewRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const timestamp = instant((v as Raw).timestamp);
  return Number.isNaN(timestamp) ? undefined : { timestamp };
}

export function readAdViews(value: unknown, line: number, report: ReportBuilder): AdViewRecord[] | undefined {
  return strictList(value, 'adViews', '{ "timestamp": epoch ms or ISO 8601 with its zone }', adView, line, report);
}
