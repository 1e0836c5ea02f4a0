// How a load's progress reads, for the CLI's bar and the editor's progress notification alike.

import type { Progress } from './hubspot/fetch-contacts';

const PHASES: Record<Progress['phase'], string> = {
  contacts: 'contacts',
  modified: 'modified contacts',
  history: 'property history',
  memberships: 'list memberships',
  companies: 'associated companies',
  saving: 'the snapshot',
};

/** "property history" */
export function phaseName(p: Progress): string {
  return PHASES[p.phase];
}

/** Every phase loads something, except the last, which writes the cache. */
export function progressVerb(p: Progress): string {
  return p.phase === 'saving' ? 'Saving' : 'Loading';
}

/** "contacts: 12,000 of 48,113", or without "of" when the total is unknown. */
export function progressText(p: Progress): string {
  const done = p.done.toLocaleString('en-US');
  return p.total === undefined ? `${PHASES[p.phase]}: ${done}` : `${PHASES[p.phase]}: ${done} of ${p.total.toLocaleString('en-US')}`;
}

/** 0–100 within the contacts phase (the long one), undefined when the total is unknown. */
export function progressPercent(p: Progress): number | undefined {
  if (p.phase === 'saving') return 99;
  if (p.total === undefined || p.total <= 0 || (p.phase !== 'contacts' && p.phase !== 'modified')) return undefined;
  return Math.min(95, Math.floor((p.done / p.total) * 95));
}
