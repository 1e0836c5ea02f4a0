// The figures the data-aware checks (language/checks/sync-data.ts) quote, from one simulation.

import type { SyncDataFacts } from '../language/checks/sync-data';
import type { HubSpotContacts } from './contacts';
import type { SyncSimulation } from './types';

export function syncDataFacts(sim: SyncSimulation, contacts: HubSpotContacts, source: string): SyncDataFacts {
  let members = 0;
  let undecided = 0;
  for (let row = 0; row < contacts.size; row++) {
    const membership = contacts.membership(row);
    if (membership === true) members++;
    else if (membership === 'unknown') undecided++;
  }
  return { source, contacts: contacts.size, members, undecided, autoCreates: sim.autoCreates, frozen: sim.frozen };
}
