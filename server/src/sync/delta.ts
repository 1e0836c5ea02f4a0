// A sync delta: what a change of the inclusion list's criteria or of the sync settings changes, judged on the
// same contacts and records: who starts and stops syncing, how many more or fewer leads and contacts would be
// created, Salesforce records creating contacts, frozen ones, and field writes each way.

import type { HubSpotContacts } from './contacts';
import type { SalesforceObject } from './settings';
import type { Sample, SyncSimulation } from './types';

export interface SyncDelta {
  starts: number;
  stops: number;
  startSamples: Sample[];
  stopSamples: Sample[];
  /** After minus before. */
  creates: Record<SalesforceObject | 'unset', number>;
  createFails: number;
  autoCreates: number;
  frozen: number;
  toSalesforce: number;
  toHubSpot: number;
}

function writeTotals(sim: SyncSimulation): { toSalesforce: number; toHubSpot: number } {
  return sim.writes.reduce((t, w) => ({ toSalesforce: t.toSalesforce + w.toSalesforce, toHubSpot: t.toHubSpot + w.toHubSpot }), { toSalesforce: 0, toHubSpot: 0 });
}

export function syncDelta(before: SyncSimulation, after: SyncSimulation, contacts: HubSpotContacts, sampleSize = 5): SyncDelta {
  if (before.contacts !== after.contacts) throw new Error('a sync delta compares two simulations of the same contacts');
  const delta: SyncDelta = {
    starts: 0, stops: 0, startSamples: [], stopSamples: [],
    creates: { Lead: after.creates.Lead - before.creates.Lead, Contact: after.creates.Contact - before.creates.Contact, unset: after.creates.unset - before.creates.unset },
    createFails: after.contactOutcomes['create-fails'] - before.contactOutcomes['create-fails'],
    autoCreates: after.recordOutcomes['create-in-hubspot'] - before.recordOutcomes['create-in-hubspot'],
    frozen: after.frozen - before.frozen,
    toSalesforce: writeTotals(after).toSalesforce - writeTotals(before).toSalesforce,
    toHubSpot: writeTotals(after).toHubSpot - writeTotals(before).toHubSpot,
  };
  for (let row = 0; row < after.contacts; row++) {
    if (before.eligible[row] === after.eligible[row]) continue;
    const sample = { id: contacts.id(row), email: contacts.email(row), note: after.eligible[row] ? 'starts syncing' : 'stops syncing' };
    if (after.eligible[row]) {
      delta.starts++;
      if (delta.startSamples.length < sampleSize) delta.startSamples.push(sample);
    } else {
      delta.stops++;
      if (delta.stopSamples.length < sampleSize) delta.stopSamples.push(sample);
    }
  }
  return delta;
}
