// Checks on `submitted … on page …`: HubSpot's FORM_SUBMISSION_ON_PAGE filter takes a CMS page's id. A file
// may name the page instead when the portal's pages are pulled (pages.json); the compiler then writes its id.
//   `page-not-id` (error): a name while no pages are pulled, so HubSpot would get no id to compare;
//   `unknown-page` (error): a name no pulled page has (did-you-mean); (warning) an id missing from the pull;
//   `ambiguous-page` (error): a name two live pages share, with a fix per page writing its `#id`.

import { diagnostic, type Diagnostic, type PageRef } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { clip } from '../clip';
import { describePage, matchPage, type CmsPageRef } from '../schema-pages';
import { allConditions, quoteString } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';

function pageProblem(target: PageRef, pages: readonly CmsPageRef[] | undefined, ctx: FileCheckContext): Diagnostic | undefined {
  const match = matchPage(target, pages);
  switch (match.kind) {
    case 'name':
      return undefined;
    case 'id': {
      if (!pages || match.page) return undefined;
      const message = `No page #${target.text} among the portal's ${pages.length} pages pulled into the schema; HubSpot matches no submission on it unless the page is newer than the pull (hslist schema pull).`;
      return diagnostic('unknown-page', message, target, 'warning');
    }
    case 'no-catalogue': {
      const message = `HubSpot's form-on-page filter takes a page id, so "${clip(target.text)}" cannot be sent. Write the page's id (\`on page #123\`), or run hslist schema pull (or "hslist: Refresh schema") so pages can be named.`;
      return diagnostic('page-not-id', message, target, 'error');
    }
    case 'ambiguous': {
      const message = `"${clip(target.text)}" names ${match.pages.length} pages: ${match.pages.map(describePage).join(', ')}. Write the id of the one you mean.`;
      const fixes = replaceFixes(target, match.pages.map((p) => ({ value: p.id, distance: 0, matched: target.text })), (id) => `#${id}`);
      return diagnostic('ambiguous-page', message, target, 'error', fixes);
    }
    case 'unknown': {
      const candidates = (pages ?? []).filter((p) => !p.archived).map((p) => ({ value: p.name }));
      const suggestions = suggest(target.text, candidates, 3, ctx.suggestBudget);
      const message = withDidYouMean(`No page named "${clip(target.text)}" among the portal's ${pages?.length ?? 0} pages pulled into the schema`, suggestions, (v) => `"${v}"`);
      return diagnostic('unknown-page', message, target, 'error', replaceFixes(target, suggestions, quoteString));
    }
  }
}

export function checkPages(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition } of allConditions(ctx.file)) {
    const target = condition.kind === 'formSubmission' ? condition.page : undefined;
    const problem = target ? pageProblem(target, ctx.schema.pages, ctx) : undefined;
    if (problem) out.push(problem);
  }
  return out;
}
