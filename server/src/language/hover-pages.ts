// Hover on the page of `submitted … on page …`: the page a name or `#id` stands for (with the pulled
// pages): its name, kind, id and url, and the id HubSpot's FORM_SUBMISSION_ON_PAGE filter gets.

import type { PageRef, Span } from '@hslist/grammar';
import { matchPage } from './schema-pages';
import type { CmsPageRef } from './schema-types';

/** hover.ts's HoverResult, said again here: importing it would make hover.ts and this file import each other. */
interface PageHover {
  markdown: string;
  span: Span;
}

export function pageHover(ref: PageRef, pages: readonly CmsPageRef[] | undefined): PageHover | undefined {
  const match = matchPage(ref, pages);
  if (match.kind === 'id' && !match.page) {
    const why = pages ? 'no pulled page has this id' : 'the portal\'s pages are not pulled (hslist schema pull)';
    return { markdown: `Page \`#${match.id}\`: ${why}, so its name is not known here. HubSpot's filter gets the id \`${match.id}\`.`, span: ref };
  }
  const page = match.kind === 'name' || match.kind === 'id' ? match.page : undefined;
  if (!page) return undefined;
  const archived = page.archived ? ' (archived)' : '';
  const url = page.url === '' ? 'no url yet' : `url ${page.url}`;
  const sent = match.kind === 'name' ? ` HubSpot's filter gets its id \`${page.id}\`.` : '';
  return { markdown: `Page **${page.name}**${archived}: ${page.kind}, id \`${page.id}\`, ${url}.${sent}`, span: ref };
}
