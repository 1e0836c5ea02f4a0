// Completion after `on page`: the portal's CMS pages (pages.json) by name; the compiler writes the id. A
// name several live pages share would be ambiguous, so each of those inserts its `#id`; an archived
// namesake of a live page is not offered (the name means the live one); other archived pages come last.

import type { Span } from '@hslist/grammar';
import type { CompletionEntry } from './completion-values';
import type { CmsPageRef } from './schema-types';
import { quoteString } from './walk';

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function pageNameEntries(pages: readonly CmsPageRef[] | undefined, replace: Span): CompletionEntry[] {
  const all = pages ?? [];
  const hasLive = (name: string) => all.some((p) => !p.archived && sameName(p.name, name));
  return all
    .filter((p) => !p.archived || !hasLive(p.name))
    .map((p) => {
      const shared = all.filter((q) => q.archived === p.archived && sameName(q.name, p.name)).length > 1;
      const where = p.url === '' ? 'no url yet' : p.url;
      return {
        label: shared ? `${p.name} (#${p.id})` : p.name,
        kind: 'value' as const,
        detail: `${p.kind} #${p.id}${p.archived ? ' (archived)' : ''}`,
        documentation: `HubSpot ${p.kind} **${p.name}** (${where}); the filter gets its id \`${p.id}\`.${shared ? ' Another page has this name, so its id is written.' : ''}`,
        insertText: shared ? `#${p.id}` : quoteString(p.name),
        filterText: `${quoteString(p.name)} #${p.id}`,
        sortText: `${p.archived ? 1 : 0}${p.name.toLowerCase()} ${p.id.padStart(20, '0')}`,
        replace,
      };
    });
}
