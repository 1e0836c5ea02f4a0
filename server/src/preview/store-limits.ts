// How many contacts a local preview holds. 10 million is what `bench:preview --contacts 10000000`
// runs on a 24 GB machine (30 properties: a 2.1 GB snapshot; time and memory grow linearly).
// Past it the hard walls come close: V8 keeps at most 2^24 (16.7M) entries in the Map that interns
// a property's distinct values while a store is built, and the builder's strings live in a heap of
// about 4 GB. So a larger portal gets a clear refusal instead of a crash part-way through.

export const MAX_PREVIEW_CONTACTS = 10_000_000;

/** The data holds more contacts than a local preview can: an answer for the user, never an internal error. */
export class PreviewTooLarge extends Error {
  constructor(readonly limit: number) {
    super(
      `it holds more than ${limit.toLocaleString('en-US')} contacts, the most a local preview holds; ` +
        'preview an export of part of the portal, or count the list in HubSpot itself with `hslist count`',
    );
  }
}

/** Throws PreviewTooLarge when `rows` exceed `limit`. */
export function checkPreviewSize(rows: number, limit = MAX_PREVIEW_CONTACTS): void {
  if (rows > limit) throw new PreviewTooLarge(limit);
}
