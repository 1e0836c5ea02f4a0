// Carrying out the property changes (sync-properties.ts) through the Properties API, idempotently: each
// change looks at the property first (a property that exists with the type, or options already there, is
// left alone), and every write is read back and checked before it counts as done.

import type { HubSpotAccount } from '../hubspot/account/types';
import type { PropertyDef } from '../language/schema-types';
import type { PropertyChange } from './sync-properties';

export interface PropertyOutcome {
  change: PropertyChange;
  result: 'done' | 'already' | 'failed';
  message?: string;
}

function hasOptions(property: PropertyDef, options: { value: string }[]): boolean {
  return options.every((o) => property.options.some((p) => p.value === o.value));
}

async function createProperty(account: HubSpotAccount, change: PropertyChange): Promise<PropertyOutcome> {
  const existing = await account.getProperty('contacts', change.property);
  if (existing) {
    const same = existing.type === change.body.type;
    return same ? { change, result: 'already' } : { change, result: 'failed', message: `\`${change.property}\` exists already as ${existing.type}, not ${String(change.body.type)}; hslist does not change a property's type` };
  }
  await account.createProperty('contacts', change.body);
  const read = await account.getProperty('contacts', change.property);
  if (read && read.type === change.body.type && hasOptions(read, change.options)) return { change, result: 'done' };
  return { change, result: 'failed', message: `HubSpot accepted \`${change.property}\` but does not return it as created` };
}

async function addOptions(account: HubSpotAccount, change: PropertyChange): Promise<PropertyOutcome> {
  const existing = await account.getProperty('contacts', change.property);
  if (!existing) return { change, result: 'failed', message: `\`${change.property}\` no longer exists in the portal` };
  const missing = change.options.filter((o) => !existing.options.some((p) => p.value === o.value));
  if (missing.length === 0) return { change, result: 'already' };
  // The options sent replace the property's options: send the ones it has, then the new ones.
  const kept = existing.options.map((o, i) => ({ label: o.label, value: o.value, displayOrder: o.displayOrder ?? i, hidden: o.hidden ?? false }));
  const added = missing.map((o, i) => ({ ...o, displayOrder: kept.length + i, hidden: false }));
  await account.updateProperty('contacts', change.property, { options: [...kept, ...added] });
  const read = await account.getProperty('contacts', change.property);
  if (read && hasOptions(read, [...existing.options, ...change.options])) return { change, result: 'done' };
  return { change, result: 'failed', message: `HubSpot accepted the options of \`${change.property}\` but does not return them` };
}

/** One change after the other; a failure is reported and the next change still runs. */
export async function applyPropertyChanges(account: HubSpotAccount, changes: PropertyChange[]): Promise<PropertyOutcome[]> {
  const outcomes: PropertyOutcome[] = [];
  for (const change of changes) {
    try {
      outcomes.push(await (change.kind === 'create-property' ? createProperty(account, change) : addOptions(account, change)));
    } catch (error) {
      outcomes.push({ change, result: 'failed', message: (error as Error).message });
    }
  }
  return outcomes;
}
