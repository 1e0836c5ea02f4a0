// How a load's progress reads, for the CLI's bar and the editor's progress notification alike.

import type { Progress } from './hubspot/fetch-contacts';

const PHASES: Record<Progress['phase'], string> = {
  export: 'an export of the contacts',
  exportFile: "contacts from HubSpot's export",
  contacts: 'contacts',
  modified: 'modified contacts',
  history: 'property history',
  memberships: 'list memberships',
  companies: 'associated companies',
  deals: 'associated deals',
  tickets: 'associated tickets',
  forms: 'form submissions',
  subscriptions: 'email subscription statuses',
  emailEvents: 'marketing email events',
  pageViews: 'page views',
  saving: 'the snapshot',
};

/** The Events API gives one contact's views a request (or more): what the count costs is said with it. */
const PAGE_VIEW_UNIT = ' contacts with page views (a request or more each)';

/** Lists named in a progress line before "and N more". */
const LISTS_NAMED = 3;

/**
 * "property history"; for memberships also which lists and why: `in list` names HubSpot lists that no
 * file defines, so whether a contact is in one can only come from HubSpot's own member list.
 */
export function phaseName(p: Progress): string {
  if (p.phase !== 'memberships' || !p.lists || p.lists.length === 0) return PHASES[p.phase];
  const named = p.lists.slice(0, LISTS_NAMED).join(', ') + (p.lists.length > LISTS_NAMED ? ` and ${p.lists.length - LISTS_NAMED} more` : '');
  const which = p.lists.length === 1 ? 'a HubSpot list' : 'HubSpot lists';
  return `list memberships of ${named} (${which} that \`in list\` names and no .hslist file defines: HubSpot has the members)`;
}

/** Every phase loads something, except the export's, which waits for HubSpot, and the last, which writes the cache. */
export function progressVerb(p: Progress): string {
  return p.phase === 'saving' ? 'Saving' : p.phase === 'export' ? 'HubSpot is preparing' : 'Loading';
}

/** "contacts: 12,000 of 48,113", or without "of" when the total is unknown; the export: "an export of the contacts (PROCESSING, 12 s)". */
export function progressText(p: Progress): string {
  const done = p.done.toLocaleString('en-US');
  if (p.phase === 'export') return `${PHASES.export} (${p.exportStatus ?? 'started'}, ${done} s)`;
  if (p.total === undefined) return `${PHASES[p.phase]}: ${done}`;
  // "1 of 1" alone would not say of what: memberships are counted in lists, not contacts.
  const unit = p.phase === 'memberships' ? (p.total === 1 ? ' list' : ' lists') : p.phase === 'forms' ? (p.total === 1 ? ' form' : ' forms') : p.phase === 'emailEvents' ? (p.total === 1 ? ' email' : ' emails') : p.phase === 'pageViews' ? PAGE_VIEW_UNIT : '';
  return `${PHASES[p.phase]}: ${done} of ${p.total.toLocaleString('en-US')}${unit}`;
}

/** What the CLI's plain progress says once a phase is over. */
export function finishedText(p: Progress): string {
  return p.phase === 'export' ? `Waited ${p.done.toLocaleString('en-US')} s for HubSpot's export (${p.exportStatus ?? 'started'})` : `Loaded ${progressText(p)}`;
}

/** 0–100 within the contacts phase (the long one), undefined when the total is unknown. */
export function progressPercent(p: Progress): number | undefined {
  if (p.phase === 'saving') return 99;
  if (p.total === undefined || p.total <= 0 || (p.phase !== 'contacts' && p.phase !== 'modified' && p.phase !== 'exportFile')) return undefined;
  return Math.min(95, Math.floor((p.done / p.total) * 95));
}
