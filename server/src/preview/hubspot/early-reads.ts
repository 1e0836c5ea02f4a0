// Reads of a full fetch that need no contact: the members of the `#id` lists and the forms' submissions.
// They start while HubSpot prepares the contacts' CRM export (fetch-export.ts calls `whileWaiting`)
// instead of after the contacts: the rate limit is idle then. They are not started beside the contact
// pages: the pages already use the limit, and the submissions held meanwhile raised a 100,000-contact
// fetch's peak memory by about 50 MB (bench:fetch, one run). Their progress is said when the extras reach
// them (extras.ts), so the phases still come one after another; the forms' submissions are matched to
// the contacts as soon as both are in (extras.ts), while the associations are read. A failure is not
// lost: it is thrown where the extras await it, as it would have been thrown had they been read there.
// When the fetch fails first, `cancel` stops them and waits for them, so no read outlives the fetch.

import type { HubSpotAccount } from '../../hubspot/account/types';
import type { Schema } from '../../language/schema-types';
import { readMembershipPages, type MembershipPages } from './memberships';
import { readsForms, type DataNeeds } from './needs';
import { readFormPages, type FormPages } from './submissions';

export interface EarlyReads {
  memberships?: Promise<MembershipPages>;
  forms?: Promise<FormPages>;
  /** Stops the reads still running and waits until each has settled. */
  cancel(): Promise<void>;
}

/**
 * `accountFor` gives the account the reads go through, bound to a signal of their own: aborting it stops
 * the pages a read has yet to ask for (a form's next page), not only the wait for them.
 */
export function startEarlyReads(accountFor: (signal: AbortSignal) => HubSpotAccount, needs: DataNeeds, options: { signal?: AbortSignal; schema?: Pick<Schema, 'lists'> }): EarlyReads {
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  const account = accountFor(controller.signal);
  const quiet = { signal: controller.signal, schema: options.schema };
  const memberships = needs.listIds.length > 0 ? handled(readMembershipPages(account, needs.listIds, quiet)) : undefined;
  const forms = readsForms(needs) ? handled(readFormPages(account, needs, quiet)) : undefined;
  return {
    memberships,
    forms,
    cancel: async () => {
      controller.abort(options.signal?.reason);
      await Promise.allSettled([memberships, forms]);
      options.signal?.removeEventListener('abort', stop);
    },
  };
}

/** The same promise, with a handler attached, so a read that fails before it is awaited is no unhandled rejection; awaiting it still throws. */
export function handled<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}
