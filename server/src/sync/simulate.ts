// The simulator: pure over its inputs (settings, HubSpot contacts with their inclusion-list membership,
// Salesforce records). Every contact and every record is judged once by contact-outcome.ts and
// record-outcome.ts; this file only counts, samples and sums the field writes.

import { prepare, type SimulationContext, type SimulationInput } from './context';
import { judgeContact } from './contact-outcome';
import { judgeEmailGroup, judgeImport, noEmailResult, type ImportResult } from './record-outcome';
import {
  CONTACT_OUTCOMES, IMPORT_OUTCOMES, RECORD_OUTCOMES,
  type ContactResult, type FieldWrite, type RecordResult, type Sample, type SyncSimulation, type WriteCount,
} from './types';

export type { SimulationInput } from './context';

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function addSample<K extends string>(samples: Partial<Record<K, Sample[]>>, key: K, sample: Sample, max: number): void {
  const list = (samples[key] ??= []);
  if (list.length < max) list.push(sample);
}

class WriteCounter {
  /** By property, then field: no key string is made per write. */
  private readonly counts = new Map<string, Map<string, WriteCount>>();

  private countOf(w: FieldWrite): WriteCount {
    let byField = this.counts.get(w.property);
    if (!byField) this.counts.set(w.property, (byField = new Map()));
    let count = byField.get(w.field);
    if (!count) byField.set(w.field, (count = { property: w.property, field: w.field, toSalesforce: 0, toHubSpot: 0, undecided: 0, refusedBySalesforce: 0, refusedByHubSpot: 0 }));
    return count;
  }

  add(writes: readonly FieldWrite[]): void {
    for (const w of writes) {
      const count = this.countOf(w);
      if (w.rejected && w.direction === 'to-salesforce') count.refusedBySalesforce++;
      else if (w.rejected) count.refusedByHubSpot++;
      else if (w.direction === 'to-salesforce') count.toSalesforce++;
      else if (w.direction === 'to-hubspot') count.toHubSpot++;
      else count.undecided++;
    }
  }

  list(): WriteCount[] {
    return [...this.counts.values()].flatMap((byField) => [...byField.values()]);
  }
}

function emptySimulation(ctx: SimulationContext): SyncSimulation {
  const size = ctx.input.contacts.size;
  return {
    contacts: size, records: ctx.input.salesforce.records.length,
    contactOutcomes: zeros(CONTACT_OUTCOMES), matchedContacts: 0, creates: { Lead: 0, Contact: 0, unset: 0 },
    recordOutcomes: zeros(RECORD_OUTCOMES), autoCreates: { Lead: 0, Contact: 0 }, frozen: 0, importOutcomes: zeros(IMPORT_OUTCOMES), writes: [],
    samples: { contacts: {}, records: {}, imports: {} },
    eligible: new Uint8Array(size), outcomeCodes: new Uint8Array(size),
  };
}

function countContact(sim: SyncSimulation, result: ContactResult, ctx: SimulationContext, max: number): void {
  sim.contactOutcomes[result.outcome]++;
  if (result.record !== undefined) sim.matchedContacts++;
  sim.outcomeCodes[result.row] = CONTACT_OUTCOMES.indexOf(result.outcome);
  if (result.outcome === 'create') sim.creates[result.object ?? 'unset']++;
  if (result.membership === true && result.outcome !== 'no-email') sim.eligible[result.row] = 1;
  const contacts = ctx.input.contacts;
  addSample(sim.samples.contacts, result.outcome, { id: contacts.id(result.row), email: contacts.email(result.row), note: result.reason }, max);
}

function countRecord(sim: SyncSimulation, result: RecordResult, ctx: SimulationContext, max: number): void {
  sim.recordOutcomes[result.outcome]++;
  const record = ctx.input.salesforce.records[result.record];
  if (result.outcome === 'create-in-hubspot') sim.autoCreates[record.object]++;
  if (result.frozen) sim.frozen++;
  addSample(sim.samples.records, result.outcome, { id: record.id, email: record.email, note: `${record.object}: ${result.reason}` }, max);
}

function countImport(sim: SyncSimulation, result: ImportResult, email: string, id: string, max: number): void {
  sim.importOutcomes[result.outcome]++;
  addSample(sim.samples.imports, result.outcome, { id, email, note: result.reason }, max);
}

export function simulateSync(input: SimulationInput): SyncSimulation {
  const ctx = prepare(input);
  const sim = emptySimulation(ctx);
  const max = input.sampleSize ?? 5;
  const writes = new WriteCounter();
  for (let row = 0; row < input.contacts.size; row++) {
    const result = judgeContact(ctx, row);
    countContact(sim, result, ctx, max);
    writes.add(result.writes);
  }
  const records = input.salesforce.records;
  for (const [key, candidates] of ctx.recordsByEmail) {
    for (const result of judgeEmailGroup(ctx, key, candidates)) {
      countRecord(sim, result, ctx, max);
      writes.add(result.writes);
    }
    const first = records[candidates[0]];
    countImport(sim, judgeImport(ctx, key, first.email ?? key), first.email ?? key, first.id, max);
  }
  records.forEach((record, at) => {
    if (record.email === null) countRecord(sim, noEmailResult(at), ctx, max);
  });
  sim.writes = writes.list();
  return sim;
}
