// The portal's CMS pages (`hslist schema pull`'s pages.json: landing pages and website pages from HubSpot's
// CMS Pages API), so a file can write `submitted form "Demo request" on page "Pricing"`: HubSpot's
// FORM_SUBMISSION_ON_PAGE filter takes the page's id, which only the page editor's address shows. A name
// resolves to the one page it names (names compared without case, a live page before an archived one of
// the same name); an id (`#123`) stays accepted and is shown by its name.

import type { PageRef } from '@hslist/grammar';
import type { CmsPageRef, Schema } from './schema-types';
import { catalogueEntries, entriesNamed, type CatalogueProblem } from './schema-catalogue';

export type { CmsPageRef };

export const PAGES_FILE = 'pages.json';

const KINDS: ReadonlySet<string> = new Set(['landing page', 'website page']);

export function parsePages(value: unknown, file: string, problems: CatalogueProblem[]): CmsPageRef[] | undefined {
  return catalogueEntries<CmsPageRef>(value, file, 'pages', problems, (p) =>
    typeof p.id !== 'string' || p.id === '' || typeof p.name !== 'string' || typeof p.url !== 'string' || typeof p.kind !== 'string' || !KINDS.has(p.kind)
      ? { lacks: 'a string id, name and url and a kind ("landing page" or "website page") (a page)' }
      : { id: p.id, name: p.name, url: p.url, kind: p.kind as CmsPageRef['kind'], archived: p.archived === true },
  );
}

export type PageMatch =
  | { kind: 'id'; id: string; page: CmsPageRef | undefined }
  | { kind: 'name'; page: CmsPageRef }
  | { kind: 'ambiguous'; pages: CmsPageRef[] }
  | { kind: 'unknown' }
  /** A name, but the schema holds no pages to look it up in. */
  | { kind: 'no-catalogue' };

export function matchPage(ref: Pick<PageRef, 'text' | 'by'>, pages: readonly CmsPageRef[] | undefined): PageMatch {
  if (ref.by === 'id') return { kind: 'id', id: ref.text, page: pages?.find((p) => p.id === ref.text) };
  if (!pages) return { kind: 'no-catalogue' };
  const found = entriesNamed(ref.text, pages);
  if (found.kind === 'one') return { kind: 'name', page: found.entry };
  return found.kind === 'many' ? { kind: 'ambiguous', pages: found.entries } : { kind: 'unknown' };
}

/** The id HubSpot gets for a written page: the id itself, or the id of the one page the name names; else undefined. */
export function pageIdOf(ref: Pick<PageRef, 'text' | 'by'>, schema: Pick<Schema, 'pages'>): string | undefined {
  const match = matchPage(ref, schema.pages);
  return match.kind === 'id' ? match.id : match.kind === 'name' ? match.page.id : undefined;
}

export function describePage(page: CmsPageRef): string {
  return `"${page.name}" (#${page.id}, ${page.kind}${page.archived ? ', archived' : ''})`;
}

/**
 * A page address as the preview compares them (Assumed, docs/language.md § Form submissions on a page): the
 * query string, the fragment and a trailing slash dropped, case ignored. A submission's pageUrl and a pulled
 * page's url are the same page when their keys are equal.
 */
export function pageUrlKey(url: string): string {
  const bare = url.trim().replace(/[?#].*$/s, '');
  return bare.replace(/\/+$/, '').toLowerCase();
}

/** Page url key → the page's id, from the pulled pages; a url two pages share maps to neither (no guess). */
export function pageIdsByUrl(pages: readonly CmsPageRef[]): Map<string, string> {
  const byUrl = new Map<string, string | undefined>();
  for (const page of pages) {
    if (page.url.trim() === '') continue;
    const key = pageUrlKey(page.url);
    byUrl.set(key, byUrl.has(key) && byUrl.get(key) !== page.id ? undefined : page.id);
  }
  return new Map([...byUrl].filter((e): e is [string, string] => e[1] !== undefined));
}
