// The store's webinar, CTA and ad entries (columns.ts `webinars`, `ctaEvents`, `adViews`), each loaded
// only for the rows whose record carried that list, so a row without it stays unknown, never false.

import type { ColumnStore } from './columns';
import { EntryBuilder, entriesAt } from './columns-entries';
import { hasBit } from './bitset';
import type { ContactRecord, CtaEventType } from './types';

export class ActivityBuilder {
  private readonly webinars = new EntryBuilder(2);
  private readonly ctaEvents = new EntryBuilder(2);
  private readonly adViews = new EntryBuilder(0);

  add(row: number, record: Partial<Pick<ContactRecord, 'webinars' | 'ctaEvents' | 'adViews'>>): void {
    if (record.webinars) {
      const entries = record.webinars.flatMap((w) => [...(w.registered ? [{ texts: [w.id, 'registered'] }] : []), ...(w.attended ? [{ texts: [w.id, 'attended'] }] : [])]);
      this.webinars.add(row, entries);
    }
    if (record.ctaEvents) this.ctaEvents.add(row, record.ctaEvents.map((e) => ({ texts: [e.cta, e.type], timestamp: e.timestamp })));
    if (record.adViews) this.adViews.add(row, record.adViews.map((v) => ({ texts: [], timestamp: v.timestamp })));
  }

  finish(size: number): Pick<ColumnStore, 'webinars' | 'ctaEvents' | 'adViews'> {
    return { webinars: this.webinars.finish(size), ctaEvents: this.ctaEvents.finish(size), adViews: this.adViews.finish(size) };
  }
}

/** A row's webinars, CTA events and ads seen as records (those its record carried), for explain. */
export function activityAt(store: ColumnStore, row: number): Partial<Pick<ContactRecord, 'webinars' | 'ctaEvents' | 'adViews'>> {
  const out: Partial<Pick<ContactRecord, 'webinars' | 'ctaEvents' | 'adViews'>> = {};
  if (store.webinars && hasBit(store.webinars.loaded, row)) {
    const byId = new Map<string, { id: string; registered: boolean; attended: boolean }>();
    for (const { texts: [id, action] } of entriesAt(store.webinars, row)) {
      const w = byId.get(id) ?? { id, registered: false, attended: false };
      w[action as 'registered' | 'attended'] = true;
      byId.set(id, w);
    }
    out.webinars = [...byId.values()];
  }
  if (store.ctaEvents && hasBit(store.ctaEvents.loaded, row)) out.ctaEvents = entriesAt(store.ctaEvents, row).map(({ texts: [cta, type], timestamp }) => ({ cta, type: type as CtaEventType, timestamp }));
  if (store.adViews && hasBit(store.adViews.loaded, row)) out.adViews = entriesAt(store.adViews, row).map(({ timestamp }) => ({ timestamp }));
  return out;
}
