// Hover over `submitted form "…" [on page "…"] [count] [window]`: what it matches, the refine-bys it compiles to and,
// for an absolute window, the instants (compile/refine.ts computes them, as the compiler does).

import type { FormSubmissionCondition, Value } from '@hslist/grammar';
import { absoluteWindowRefine, isRefineProblem, occurrencesRefine } from '../hubspot/compile/refine';
import type { PruningRefineBy } from '../hubspot/filter-branch';

/** `zoneNote` says where the zone comes from (the list's `timezone:` or the default). */
export function formSubmissionHelp(c: FormSubmissionCondition, zone: string, zoneNote: string): string {
  const page = c.page ? ` on page ${c.page.by === 'id' ? `#${c.page.text}` : `"${c.page.text}"`}` : '';
  const form = `${c.formId ? `form "${c.formId.text}"` : 'any form'}${page}`;
  // On a page the filter is FORM_SUBMISSION_ON_PAGE, which takes the same refine-bys (HubSpot's PublicFormSubmissionOnPageFilter).
  const filterType = c.page ? 'FORM_SUBMISSION_ON_PAGE' : 'FORM_SUBMISSION';
  const count = c.count ? occurrencesRefine(c.count) : undefined;
  if (count && isRefineProblem(count)) return count.message;
  const window = c.window ? absoluteWindowRefine(c.window, zone) : undefined;
  if (window && isRefineProblem(window)) return window.message;
  const counted = count ? ` ${countWords(count.minOccurrences, count.maxOccurrences)}` : '';
  const refines = [
    count ? `counted by \`coalescingRefineBy\` \`NUM_OCCURRENCES\` (${occurrenceFields(count.minOccurrences, count.maxOccurrences)})` : '',
    window ? `within \`pruningRefineBy\` ${windowRefineText(window)} (${zoneNote})` : lastDaysRefineText(c.withinLastDays),
  ].filter(Boolean);
  const not = count
    ? '`not` cannot apply to a count (HubSpot documents no opposite of it)'
    : `with \`not\`, \`NOT_FILLED_OUT\`${c.window || c.withinLastDays ? ': no submission in that window (Assumed)' : ''}`;
  return [
    `**Form submission**: the contact submitted ${form}${counted}${windowWords(c)}.${count ? ' The window is applied first, then the submissions in it are counted.' : ''}`,
    '',
    `HubSpot: \`${filterType}\` \`FILLED_OUT\`${refines.length > 0 ? ` ${refines.join('; ')}` : ''}; ${not}.`,
  ].join('\n');
}

function countWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min} times` : `between ${min} and ${max} times`;
  return min !== undefined ? `at least ${min} times` : `at most ${max} times (and at least once)`;
}

function occurrenceFields(min: number | undefined, max: number | undefined): string {
  return [min !== undefined ? `\`minOccurrences: ${min}\`` : '', max !== undefined ? `\`maxOccurrences: ${max}\`` : ''].filter(Boolean).join(', ');
}

function raw(v: Value): string {
  return v.kind === 'date' || v.kind === 'datetime' ? v.raw : '?';
}

/** ` in the last N days`, ` after D (after its last moment)` …: the window of a form submission or an email event, in words. */
export function windowWords(c: Pick<FormSubmissionCondition, 'withinLastDays' | 'window'>): string {
  if (c.withinLastDays?.kind === 'number') return ` in the last ${c.withinLastDays.value} days`;
  const w = c.window;
  if (!w) return '';
  if (w.kind === 'between') return ` between ${raw(w.low)} and ${raw(w.high)}${w.low.kind === 'date' || w.high.kind === 'date' ? ' (dates: whole days, both included)' : ' (both included)'}`;
  const day = w.at.kind === 'date' ? (w.kind === 'after' ? ' (after its last moment)' : ' (before its first moment)') : '';
  return ` ${w.kind} ${raw(w.at)}${day}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The refine-by a window compiles to, with its instants. */
export function windowRefineText(r: PruningRefineBy): string {
  if (r.type === 'ABSOLUTE_COMPARATIVE') return `\`ABSOLUTE_COMPARATIVE\` \`${r.comparison}\` \`timestamp: ${r.timestamp}\` (${iso(r.timestamp)})`;
  if (r.type === 'ABSOLUTE_RANGED') return `\`ABSOLUTE_RANGED\` \`BETWEEN\` \`lowerTimestamp: ${r.lowerTimestamp}\` (${iso(r.lowerTimestamp)}) and \`upperTimestamp: ${r.upperTimestamp}\` (${iso(r.upperTimestamp)})`;
  return `\`RELATIVE_COMPARATIVE\` \`AFTER\` ${r.timeOffset.amount} days in the past`;
}

function lastDaysRefineText(days: Value | undefined): string {
  return days?.kind === 'number' ? `within \`pruningRefineBy\` \`RELATIVE_COMPARATIVE\` \`AFTER\` ${days.value} days in the past` : '';
}
