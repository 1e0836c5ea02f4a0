// The `errors` of a batch answer (status 207): HubSpot names there each input it gave no result for. Some
// mean "nothing there" (a record id that does not exist, a contact with no associations of the type) and
// are read as absence; any other means HubSpot could not read that input, and a reader that passed it
// over would show a record, a company or an association as missing in silence. Those fail the read, with
// the first error's category and message.

import { HubSpotAccountError } from './errors';

/** What an error item says (strings only; an item that is not an object says nothing). */
export interface BatchErrorItem {
  category?: string;
  subCategory?: string;
  message?: string;
}

/** The error items that are not read as absence: how many, and the first one's words. */
export interface BatchFailures {
  count: number;
  first?: BatchErrorItem;
}

/** The items of `errors` (a parsed answer's) for which `absence` is false; anything not an array holds none. */
export function batchFailures(errors: unknown, absence: (item: BatchErrorItem) => boolean): BatchFailures {
  const failures: BatchFailures = { count: 0 };
  if (!Array.isArray(errors)) return failures;
  for (const raw of errors) countFailure(failures, errorItem(raw), absence);
  return failures;
}

/** Counts `item` into `failures` unless `absence` reads it as an input with nothing there. */
export function countFailure(failures: BatchFailures, item: BatchErrorItem, absence: (item: BatchErrorItem) => boolean): void {
  if (absence(item)) return;
  failures.count++;
  failures.first ??= item;
}

function errorItem(raw: unknown): BatchErrorItem {
  if (raw === null || typeof raw !== 'object') return {};
  const item: BatchErrorItem = {};
  for (const key of ['category', 'subCategory', 'message'] as const) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string') item[key] = value;
  }
  return item;
}

/** HubSpot could not read some inputs: the read stops rather than show them as absent (kind `server`: HubSpot's answer is at fault). */
export function batchFailuresError(host: string, what: string, failures: BatchFailures, absence: string, consequence: string): HubSpotAccountError {
  const first = failures.first ?? {};
  const kind = [first.category, first.subCategory].filter((k) => k !== undefined).join(' / ') || 'no category';
  const said = first.message === undefined ? 'no message' : `"${first.message}"`;
  const others = failures.count > 1 ? ` (and ${failures.count - 1} more)` : '';
  const errors = failures.count === 1 ? 'an error' : `${failures.count} errors`;
  return new HubSpotAccountError('server', `HubSpot at ${host} answered ${what} with ${errors} other than "${absence}": ${kind}: ${said}${others}; ${consequence}.`);
}
