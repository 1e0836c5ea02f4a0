// The one-line state of a list in the connected portal, shown as a code lens on its `list "…"` line
// and as the description in the HubSpot lists view. Pure, so the wording is unit-tested.

import type { PlanEntry } from '../../publish/plan-types';

const MAX_REASON = 90;

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= MAX_REASON ? one : `${one.slice(0, MAX_REASON - 1)}…`;
}

function published(entry: PlanEntry, state: string): string {
  return entry.listId ? `published #${entry.listId} · ${state}` : state;
}

/** Only the state file changes: HubSpot already holds what the files say. */
function onlyRecords(entry: PlanEntry): boolean {
  return entry.changes.length > 0 && entry.changes.every((c) => c.kind === 'record');
}

/** "published #123 · in sync", "not published", "blocked: …"; undefined for entries without a list in the files. */
export function lensTitle(entry: PlanEntry): string | undefined {
  switch (entry.status) {
    case 'unchanged':
      return published(entry, 'in sync');
    case 'create':
      return 'not published';
    case 'change':
      return onlyRecords(entry) ? published(entry, 'in sync (apply records it in hslist.lock.json)') : published(entry, 'changed since publish');
    case 'drifted':
      return entry.changes.some((c) => c.kind === 'restore') ? published(entry, 'deleted in HubSpot') : published(entry, 'drifted in HubSpot');
    case 'blocked':
      return `blocked: ${shorten(entry.reasons[0] ?? 'it cannot be published as it stands')}`;
    case 'delete':
    case 'not-in-code':
      return undefined;
  }
}

/** The description in the lists view (lists deleted from the files have no lens, but a row). */
export function stateText(entry: PlanEntry): string {
  if (entry.status === 'delete') return `deleted from files · apply deletes #${entry.listId ?? '?'}`;
  if (entry.status === 'not-in-code') return `deleted from files · still in HubSpot as #${entry.listId ?? '?'}`;
  if (entry.status === 'blocked') return 'blocked';
  if (!entry.desired && entry.status === 'change') return 'gone from HubSpot and the files · apply removes it from hslist.lock.json';
  return lensTitle(entry) ?? entry.status;
}
