// Catalogues HubSpot pages by `after` with live and archived items apart (`archived=true` gives only
// the archived ones), such as owners and forms: both kinds are read, since records may still refer to
// an archived one (a deactivated owner, a form archived since it was filled out).

import { arrayOf, type Api } from './api';
import { nextAfter } from './account-lists';
import { withQuery } from './paths';

/** Every item at `path`, live then archived; `toItem` checks one item's shape (and throws, worded, when it is wrong). */
export async function liveAndArchived<T>(api: Api, path: string, what: string, pageSize: number, toItem: (value: unknown, archived: boolean) => T): Promise<T[]> {
  const items: T[] = [];
  for (const archived of [false, true]) {
    let after: string | undefined;
    do {
      const page = await api.call('GET', withQuery(path, { limit: pageSize, after, archived }));
      for (const item of arrayOf(page, 'results', what, api.host)) items.push(toItem(item, archived));
      after = nextAfter(page);
    } while (after);
  }
  return items;
}
