// The panel's Salesforce tab as plain texts (no vscode import, unit-tested): each side's outcomes with their
// counts, the rule that decided them and sample contacts or records, from the server's sync summary.

import type { SyncAnswer, SyncSummaryView } from '../../../server/src/lsp/preview/protocol';

export interface SalesforceItem {
  title: string;
  rule: string;
  ruleText: string;
  samples: string[];
}

export interface SalesforceSection {
  heading: string;
  source: string;
  groups: { title: string; items: SalesforceItem[] }[];
}

const SIDES: Record<SyncSummaryView['outcomes'][number]['side'], string> = {
  hubspot: 'HubSpot → Salesforce',
  salesforce: 'Salesforce → HubSpot',
  import: 'After an import of the Salesforce records',
};

const n = (value: number): string => value.toLocaleString('en-US');

function heading(s: SyncSummaryView): string {
  const list = s.inclusionList ? `inclusion list "${s.inclusionList}"` : 'no inclusion list';
  return `${n(s.willSync)} will sync (${list}) · ${n(s.creates.Lead)} new leads · ${n(s.creates.Contact)} new contacts · ${n(s.autoCreates.Lead + s.autoCreates.Contact)} Salesforce records create HubSpot contacts, ${n(s.frozen)} frozen`;
}

/** undefined when there is nothing to show: no sync block, or no Salesforce data named. */
export function salesforceSection(answer: SyncAnswer | undefined): SalesforceSection | { problem: string } | undefined {
  if (!answer) return undefined;
  if (!answer.summary) return answer.problem ? { problem: answer.problem } : undefined;
  const s = answer.summary;
  const groups = (Object.keys(SIDES) as (keyof typeof SIDES)[]).map((side) => ({
    title: SIDES[side],
    items: s.outcomes.filter((o) => o.side === side).map((o) => ({
      title: `${o.label}: ${n(o.count)}`,
      rule: o.rule,
      ruleText: o.ruleText,
      samples: o.samples.map((x) => `${x.email ?? `(no email) ${x.id}`} — ${x.note}`),
    })),
  })).filter((g) => g.items.length > 0);
  return { heading: heading(s), source: `${n(s.contacts)} contacts and ${n(s.records)} Salesforce records: ${s.source}`, groups };
}
