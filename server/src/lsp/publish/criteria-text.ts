// A list's criteria as the files have them and as HubSpot has them, both printed by the canonical
// printer with only the settings HubSpot holds (type, timezone), so that a diff editor shows what
// apply would change and never layout, comments or folders. The same printing as the plan's drift
// diff (publish/drift-text.ts), for every list HubSpot holds with other criteria, not only drifted ones.

import { criteriaTexts, listNamesById, type DriftContext } from '../../publish/drift-text';
import type { Plan, PlanEntry } from '../../publish/plan-types';
import type { CriteriaAnswer } from './protocol';

export type PrintContext = DriftContext;

export { listNamesById };

/** Whether the diff editor has something to show: HubSpot's list was read and the criteria differ. */
export function hasCriteriaDiff(entry: PlanEntry): boolean {
  if (!entry.desired || !entry.remote) return false;
  return entry.status === 'drifted' || (entry.status === 'change' && entry.changes.some((c) => c.kind === 'filters'));
}

export function criteriaAnswer(plan: Plan, entry: PlanEntry, ctx: PrintContext): CriteriaAnswer {
  if (!entry.desired) return { state: 'none', message: `"${entry.name}" is not in the files.` };
  if (!entry.remote || !entry.listId) return { state: 'none', message: `"${entry.name}" is not in HubSpot yet: there is nothing to compare with.` };
  const texts = criteriaTexts(entry, ctx, listNamesById(plan));
  if (texts.remoteText === undefined) return { state: 'none', message: `HubSpot's criteria of "${entry.name}" cannot be read as .hslist: ${texts.dropped.join(' ')}` };
  const note = texts.dropped.length > 0 ? `Parts of HubSpot's criteria have no .hslist phrase and are not shown: ${texts.dropped.join(' ')}` : undefined;
  return {
    state: 'texts',
    name: entry.name,
    listId: entry.listId,
    ...(entry.location ? { location: entry.location } : {}),
    fileText: texts.fileText,
    hubspotText: texts.remoteText,
    ...(note ? { note } : {}),
  };
}
