// From the engine's results to the CLI's report: the funnel with line numbers, samples, the
// explanation, and, when the list is published and HubSpot is connected, who would enter and leave.

import type { ListNode } from '@hslist/grammar';
import type { HubSpotAccount } from '../hubspot/account/types';
import type { LineIndex } from '../language/positions';
import { membershipDiff } from '../preview/diff';
import { findContactRow, type ListPreview } from '../preview/run';
import { explainStep, type Explanation, type ListReport, type Published } from './preview-report';

/** `source` is the file's text: funnel clauses are shown as written (they are all in this file). */
export function listReport(preview: ListPreview, source: { text: string; lineIndex: LineIndex }, explainWho: string | undefined): ListReport {
  const r = preview.result;
  const report: ListReport = {
    list: preview.list,
    total: r.total,
    count: r.count,
    maxCount: r.maxCount,
    complete: r.complete,
    funnel: r.clauses.map((c) => ({
      line: source.lineIndex.positionAt(c.span.start).line + 1,
      text: source.text.slice(c.span.start, c.span.end).replace(/\s+/g, ' ').trim() || c.text,
      count: c.count,
      maxCount: c.maxCount,
      survivors: c.funnel ?? c.count,
      ...(c.notPreviewable || c.count !== c.maxCount ? { notPreviewable: c.notPreviewable ?? 'some of its conditions are not previewable locally' } : {}),
    })),
    notPreviewable: dedupe(r.notPreviewable.map((p) => ({ text: p.text, reason: p.reason }))),
    properties: preview.properties,
    samples: preview.samples,
  };
  if (preview.membersNotInData) report.membersNotInData = preview.membersNotInData;
  if (explainWho !== undefined && preview.explanation) report.explain = explanation(explainWho, preview);
  return report;
}

function explanation(who: string, preview: ListPreview): Explanation {
  const e = preview.explanation!;
  if ('error' in e) return { contact: who, error: e.error };
  const tree = explainStep(e);
  return { contact: who, id: preview.store.ids.at(findContactRow(preview.store, who)), result: tree.result, tree };
}

function dedupe<T extends { text: string; reason: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.text}\u0000${i.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The list's HubSpot counterpart (by name) and the enter/leave comparison; undefined when it is not published. */
export async function publishedComparison(account: HubSpotAccount, preview: ListPreview, list: ListNode, syncsToSalesforce: boolean, sampleSize: number): Promise<Published | undefined> {
  try {
    const found = await account.findListByName(list.name.text);
    if (!found) return undefined;
    const members = await account.listMemberships(found.listId);
    return { ...membershipDiff(preview, found.listId, members.map((m) => m.recordId), sampleSize), syncsToSalesforce };
  } catch (error) {
    return { error: `could not compare with the published list: ${(error as Error).message}` };
  }
}
