// One contact's Salesforce side as lines of text (the CLI prints them; the editor shows them under the
// list's explanation).

import type { RecordSummary, SyncExplanation } from './explain';
import type { FieldWrite } from './types';

const DIRECTION: Record<FieldWrite['direction'], string> = { 'to-salesforce': 'HubSpot → Salesforce', 'to-hubspot': 'Salesforce → HubSpot', undecided: 'undecided' };

function shown(value: string | null): string {
  return value === null ? '(empty)' : JSON.stringify(value);
}

function recordText(r: RecordSummary): string {
  return `${r.object} ${r.id}${r.email ? ` <${r.email}>` : ''}${r.lastModified ? `, updated ${r.lastModified.slice(0, 10)}` : ''}${r.converted ? ', converted' : ''}`;
}

export function writeLine(w: FieldWrite): string {
  const refused = w.rejected ? `, refused: ${w.rejected}` : '';
  return `${w.property} ↔ ${w.field}: ${shown(w.old)} → ${shown(w.new)} (${DIRECTION[w.direction]}, ${w.rule}${refused})`;
}

export function syncExplanationLines(e: SyncExplanation): string[] {
  const list = e.inclusionList ? `"${e.inclusionList}": ${e.membership === true ? 'in' : e.membership === false ? 'not in' : 'cannot be judged'}` : 'no inclusion list (E1)';
  const lines = [`Salesforce side of ${e.contact} (id ${e.id}); inclusion list ${list}`, `  ${e.outcome} — ${e.rule}: ${e.reason}`, `  rule ${e.rule}: ${e.ruleText}`];
  if (e.record) lines.push(`  matched: ${recordText(e.record)}`);
  for (const other of e.otherRecords) lines.push(`  not synced: ${recordText(other)}`);
  if (e.writes.length === 0 && (e.outcome === 'update' || e.outcome === 'create' || e.outcome === 'in-sync')) lines.push('  field writes: none');
  for (const w of e.writes) lines.push(`  ${writeLine(w)}`);
  return lines;
}
