// The text of `hslist sync-plan`: the settings, the data, then each side's outcomes with counts, the rule
// that decided them and samples; field writes per mapping; the import's effect; the delta when asked.

import type { SyncDelta } from '../sync/delta';
import type { Sample } from '../sync/types';
import type { OutcomeLine, SyncPlanReport } from './sync-report';

const n = (value: number): string => value.toLocaleString('en-US');

function settingsLine(report: SyncPlanReport): string {
  const s = report.settings;
  const list = s.inclusionList ? `inclusion list "${s.inclusionList}"` : 'no inclusion list (every contact with an email, E1)';
  const creates = s.createsIn ? `HubSpot creates ${s.createsIn.toLowerCase()}s` : 'HubSpot creates what its settings say (not set here)';
  const auto = s.salesforceCreatesContacts === undefined ? 'Salesforce-created contacts: not set here' : s.salesforceCreatesContacts ? 'Salesforce creates HubSpot contacts' : 'Salesforce creates no HubSpot contacts';
  return `Sync to Salesforce: ${list} · ${creates} · ${auto}`;
}

function sampleText(sample: Sample): string {
  return `${sample.email ?? `(no email) ${sample.id}`}: ${sample.note}`;
}

function outcomeBlock(items: OutcomeLine[], width: number): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.count === 0) continue;
    out.push(`  ${n(item.count).padStart(width)}  ${item.label.padEnd(46)} ${item.rule}`);
    for (const sample of item.samples) out.push(`  ${' '.repeat(width)}    e.g. ${sampleText(sample)}`);
  }
  return out;
}

function writeLines(report: SyncPlanReport): string[] {
  if (report.writes.length === 0) return ['  none (no mapping of the block writes on this data)'];
  return report.writes.map((w) => {
    const parts = [`to Salesforce ${n(w.toSalesforce)}`, `to HubSpot ${n(w.toHubSpot)}`];
    if (w.undecided > 0) parts.push(`undecided ${n(w.undecided)} (R3 without change times)`);
    if (w.refusedBySalesforce > 0) parts.push(`refused by Salesforce ${n(w.refusedBySalesforce)} (restricted picklist, A-PICKLIST)`);
    if (w.refusedByHubSpot > 0) parts.push(`refused by HubSpot ${n(w.refusedByHubSpot)} (not an option, A-OPTION)`);
    return `  ${w.property} ↔ ${w.field} (${w.rule}): ${parts.join(' · ')}`;
  });
}

function deltaLines(delta: SyncDelta & { before: string }): string[] {
  const signed = (v: number): string => (v > 0 ? `+${n(v)}` : v < 0 ? `−${n(-v)}` : '±0');
  const out = [
    `Against ${delta.before}: ${n(delta.starts)} start syncing · ${n(delta.stops)} stop syncing`,
    `  creates: leads ${signed(delta.creates.Lead)}, contacts ${signed(delta.creates.Contact)}${delta.creates.unset ? `, unset ${signed(delta.creates.unset)}` : ''} · failing creates ${signed(delta.createFails)}`,
    `  Salesforce records creating HubSpot contacts ${signed(delta.autoCreates)} · frozen ${signed(delta.frozen)} · writes to Salesforce ${signed(delta.toSalesforce)}, to HubSpot ${signed(delta.toHubSpot)}`,
  ];
  for (const s of delta.startSamples) out.push(`  + ${sampleText(s)}`);
  for (const s of delta.stopSamples) out.push(`  − ${sampleText(s)}`);
  return out;
}

function soqlLines(report: SyncPlanReport): string[] {
  if (!report.soql || report.soql.length === 0) return [];
  const out = ['', `The inclusion list as SOQL (records whose values, as HubSpot would hold them, meet its criteria):`];
  for (const line of report.soql) {
    if (line.error) {
      out.push(`  ${line.object}: no SOQL: ${line.error}`);
      continue;
    }
    const counted = line.counted !== undefined ? ` · Salesforce counts ${n(line.counted)}${line.counted === line.simulated ? '' : ' (differs!)'}` : line.countError ? ` · not counted in Salesforce: ${line.countError}` : '';
    out.push(`  ${line.object}: ${n(line.simulated ?? 0)} records${counted}`, `    ${line.query}`);
  }
  return out;
}

export function renderSyncPlan(report: SyncPlanReport): string {
  const { contacts, salesforce } = report.data;
  const width = Math.max(5, n(Math.max(report.contacts.total, report.salesforce.total)).length);
  const c = report.creates;
  const out = [
    settingsLine(report),
    `Data: ${contacts.source} (${n(contacts.rowsLoaded)} contacts) · Salesforce: ${salesforce.source} (${n(salesforce.rowsLoaded)} leads and contacts)`,
    '',
    `HubSpot → Salesforce (${n(report.contacts.total)} contacts): ${n(c.Lead)} new leads · ${n(c.Contact)} new contacts${c.unset ? ` · ${n(c.unset)} new (object set in HubSpot)` : ''}`,
    ...outcomeBlock(report.contacts.outcomes, width),
    '',
    `Salesforce → HubSpot (${n(report.salesforce.total)} leads and contacts): ${n(report.salesforce.autoCreates.Lead)} leads and ${n(report.salesforce.autoCreates.Contact)} contacts create HubSpot contacts · ${n(report.salesforce.frozen)} frozen (C2)`,
    ...outcomeBlock(report.salesforce.outcomes, width),
    '',
    'Field writes (mappings of the sync block):',
    ...writeLines(report),
    '',
    'After an import of the Salesforce records (per email, I1–I3):',
    ...outcomeBlock(report.import, width),
  ];
  out.push(...soqlLines(report));
  if (report.delta) out.push('', ...deltaLines(report.delta));
  for (const note of report.notes) out.push('', `Note: ${note}`);
  return `${out.join('\n')}\n`;
}
