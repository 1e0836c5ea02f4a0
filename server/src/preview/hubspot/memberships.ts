// The members of the HubSpot lists used as `in list #id` (memberships API), read a few lists at a time
// (each list's pages one after another). They need no contact, so a full fetch reads them while the
// contacts come (early-reads.ts); extras.ts folds them into each contact's lists.

import { readInParallel } from '../../hubspot/account/parallel-reads';
import type { HubSpotAccount, ListMembership } from '../../hubspot/account/types';
import type { PortalListRef, Schema } from '../../language/schema-types';
import { throwIfAborted, untilAborted } from './abort';
import type { Progress } from './fetch-contacts';

interface Options {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  schema?: Pick<Schema, 'lists'>;
}

/** Each `#id` list's members, in the lists' order, or 'no such list'. */
export type MembershipPages = (ListMembership[] | 'no such list')[];

/** The members of every `#id` list, a few lists at a time (each list's pages one after another). Needs no contact (early-reads.ts). */
export function readMembershipPages(account: HubSpotAccount, listIds: string[], options: Options): Promise<MembershipPages> {
  const lists = listLabels(listIds, options.schema?.lists);
  const progress = (done: number) => options.onProgress?.({ phase: 'memberships', done, total: listIds.length, lists });
  progress(0);
  return readInParallel(listIds, async (listId) => {
    throwIfAborted(options.signal);
    try {
      return await untilAborted(account.listMemberships(listId), options.signal);
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      return 'no such list' as const;
    }
  }, { concurrency: account.readConcurrency, onDone: progress });
}

/** `"Webinar registrants"` for a list the catalogue names, else `#4711`. */
export function listLabels(listIds: string[], catalogue: Map<string, PortalListRef> | undefined): string[] {
  const names = new Map([...(catalogue?.values() ?? [])].map((l) => [l.listId, l.name]));
  return listIds.map((id) => (names.has(id) ? `"${names.get(id)}"` : `#${id}`));
}
