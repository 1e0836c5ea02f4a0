// Hover on `marketing email any <event> [in last N days]`: what it stands for (the contact property
// condition it is written out as, any-email.ts) and what HubSpot gets, as ordered enumerations show theirs.

import { printExpr, type EmailEventCondition } from '@hslist/grammar';
import { anyEmailMeaning } from './any-email';
import { operationFor } from './operators';
import type { PropertyDef } from './schema-types';

const DID: Readonly<Record<string, string>> = {
  opened: 'opened', clicked: 'clicked a link in', sent: 'was sent', received: 'received', delivered: 'received', bounced: 'bounced from',
};

function windowWords(c: EmailEventCondition): string {
  return c.withinLastDays?.kind === 'number' ? ` in the last ${c.withinLastDays.value} days` : ' at some time';
}

/** The markdown for an any-email condition, given the contact properties of the schema. */
export function anyEmailHelp(c: EmailEventCondition, properties: ReadonlyMap<string, PropertyDef>): string {
  const meaning = anyEmailMeaning(c);
  if ('problem' in meaning) return `**Any marketing email**: ${meaning.problem}.`;
  const event = c.event.text.toLowerCase();
  const def = properties.get(meaning.property);
  const lines = [
    `**Any marketing email**: the contact ${DID[event] ?? event} some marketing email${windowWords(c)}.`,
    '',
    `Here: \`${printExpr(meaning.condition)}\`: HubSpot's EMAIL_EVENT filter takes one email, so this is the contact property HubSpot keeps for the event over all marketing emails${def ? ` (${def.label})` : ''}. \`not\` negates it as it negates that condition.`,
  ];
  const row = def ? operationFor(meaning.condition.operator, meaning.condition.operands.kind, def) : undefined;
  if (row) lines.push('', `HubSpot: \`PROPERTY\` \`${meaning.property}\`, \`${row.operationType}\` \`${row.operator}\`.`);
  if (!def) lines.push('', `The workspace schema has no contact property \`${meaning.property}\`, so this cannot be compiled.`);
  return lines.join('\n');
}
