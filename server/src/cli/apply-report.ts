// What apply tells the user afterwards: each list it changed, failed on or left alone, where the state
// file is, and — after the inclusion list was published — what the Salesforce integration does next.

import type { ApplyOutcome } from '../publish/apply';
import type { Plan } from '../publish/plan-types';
import { changeText } from './plan-render';

export function outcomeText(outcome: ApplyOutcome, stateFile: string): string {
  const lines: string[] = [];
  for (const a of outcome.applied) lines.push(`✓ "${a.name}"${a.listId ? ` #${a.listId}` : ''}: ${a.changes.map(changeText).join('; ')}`);
  for (const note of outcome.notes) lines.push(`  "${note.name}": ${note.text}`);
  for (const f of outcome.foldersCreated) lines.push(`✓ folder "${f}" created`);
  for (const f of outcome.failed) lines.push(`✗ "${f.name}": ${f.message}`);
  for (const s of outcome.skipped) lines.push(`· "${s.name}" left as it is: ${s.reason}`);
  if (outcome.stopped) lines.push(`Stopped: ${outcome.stopped}.`);
  const counts = `${outcome.applied.length} applied, ${outcome.failed.length} failed, ${outcome.skipped.length} left as they are`;
  lines.push(`Apply: ${counts}. State file: ${stateFile}${outcome.failed.length > 0 || outcome.stopped ? ' (true for what was done; apply again to finish)' : ''}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * HubSpot's knowledge base: selecting a list in the Salesforce settings does not sync it; its members
 * sync when a sync is triggered (a contact entering the list triggers one), and the selection is made in
 * HubSpot's UI only.
 */
export function inclusionAdvice(plan: Plan, outcome: ApplyOutcome): string | undefined {
  if (!plan.inclusionList) return undefined;
  const done = outcome.applied.find((a) => a.name.toLowerCase() === plan.inclusionList!.toLowerCase());
  if (!done) return undefined;
  return [
    `The inclusion list "${done.name}" is published${done.listId ? ` (#${done.listId})` : ''}.`,
    '  Selecting a list in the Salesforce integration does not sync it by itself: its members sync to Salesforce when a sync is triggered',
    '  (a contact entering the list, or an update of a contact in it). To make it the inclusion list, select it in HubSpot under',
    '  Settings > Integrations > Connected apps > Salesforce > Contacts > Limit what syncs (no public API sets it).',
    '',
  ].join('\n');
}
