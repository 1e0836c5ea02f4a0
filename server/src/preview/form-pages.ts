// Whether a form submission was sent on the page of `submitted … on page …` (HubSpot's
// FORM_SUBMISSION_ON_PAGE compares page ids). A submission knows its page by id (JSON records' `pageId`) or
// by address (`pageUrl`, as Form Integrations v1 gives it): an address is that page's when it equals the
// page's url from the pulled pages, ignoring query string, fragment, trailing slash and case (Assumed,
// docs/language.md § Form submissions on a page). When neither can be told, the answer is unknown, never no.

import type { PageRef } from '@hslist/grammar';
import { pageIdOf, pageUrlKey } from '../language/schema-pages';
import type { Schema } from '../language/schema-types';
import type { FormPage } from './plan-types';
import type { FormSubmission, Tri } from './types';

export function submissionOnPage(s: Pick<FormSubmission, 'pageId' | 'pageUrl'>, page: FormPage): Tri {
  if (s.pageId !== undefined) return s.pageId === page.id;
  if (s.pageUrl !== undefined && page.urlKey !== undefined) return pageUrlKey(s.pageUrl) === page.urlKey;
  return 'unknown';
}

/** The page a condition names, for judging submissions; a name that names no one page cannot be judged. */
export function formPageOf(ref: PageRef, schema: Pick<Schema, 'pages'>): FormPage | { unavailable: string } {
  const id = pageIdOf(ref, schema);
  if (id === undefined) return { unavailable: `page "${ref.text}" does not name one page of the pulled pages` };
  const pages = schema.pages;
  const page = pages?.find((p) => p.id === id);
  const urlKey = page && page.url.trim() !== '' ? pageUrlKey(page.url) : undefined;
  // A url two pages share says neither: the submissions sent from it are not told apart (no guess).
  const shared = urlKey !== undefined && (pages ?? []).some((p) => p.id !== id && p.url.trim() !== '' && pageUrlKey(p.url) === urlKey);
  const unknownWhy = !pages
    ? `the pages are not pulled, so a submission's page address cannot be matched to page #${id} (hslist schema pull)`
    : !page
      ? `page #${id} is not among the pulled pages, so a submission's page address cannot be matched to it`
      : urlKey === undefined
        ? `page #${id} has no url in the pulled pages, so a submission's page address cannot be matched to it`
        : shared
          ? `page #${id} shares its url with another pulled page, so a submission's page address does not tell them apart`
          : 'some submissions carry neither a page id nor a page address';
  return { id, ...(urlKey !== undefined && !shared ? { urlKey } : {}), unknownWhy };
}
