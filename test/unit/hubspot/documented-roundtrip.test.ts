// HubSpot's documented request bodies (test/fixtures/hubspot-documented-*.json): each one decompiled,
// printed, parsed again and compiled gives an equivalent request, or no list at all with one
// `not-representable` diagnostic per filter the language cannot say, named by its JSON path.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { decompileList } from '../../../server/src/hubspot/decompile';
import { defaultSchema } from '../../../server/src/language/schema';
import type { Schema } from '../../../server/src/language/schema-types';

interface Documented {
  name: string;
  roundTrips: boolean;
  refused?: string[];
  request: Record<string, unknown>;
}

const FIXTURES = join(__dirname, '../../fixtures');
const lists = JSON.parse(readFileSync(join(FIXTURES, 'hubspot-documented-lists.json'), 'utf8')) as { lists: { name: string; representable: boolean; filterBranch: unknown }[] };
const requests = JSON.parse(readFileSync(join(FIXTURES, 'hubspot-documented-requests.json'), 'utf8')) as { requests: Documented[] };

const DOCUMENTED: Documented[] = [
  ...lists.lists.map((l) => ({ name: l.name, roundTrips: l.representable, request: { name: l.name, objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: l.filterBranch } })),
  ...requests.requests,
];

/** The bundled standard properties, plus the properties of HubSpot's examples that are not bundled. */
function schema(): Schema {
  const base = defaultSchema();
  const contacts = new Map(base.objects.contacts);
  contacts.set('engagements_last_meeting_booked_source', { name: 'engagements_last_meeting_booked_source', label: 'Source of last booking', type: 'string', fieldType: 'text', options: [] });
  contacts.set('hs_latest_open_lead_date', { name: 'hs_latest_open_lead_date', label: 'Latest Open Lead Date', type: 'datetime', fieldType: 'date', options: [] });
  return { ...base, objects: { ...base.objects, contacts } };
}

const TIME_OPERATIONS = new Set(['TIME_POINT', 'TIME_RANGED']);

/** HubSpot's defaults written out and its echo fields left out, so equivalent requests compare equal. */
function normalised(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalised);
  if (typeof v !== 'object' || v === null) return v;
  const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  delete o.filterBranchOperator;
  if (o.filterBranchType === 'AND' || o.filterBranchType === 'OR' || o.filterBranchType === 'ASSOCIATION') o.filterBranches ??= [];
  if (typeof o.filterBranchType === 'string') o.filters ??= [];
  if (typeof o.operationType === 'string') {
    o.includeObjectsWithNoValueSet ??= false;
    if (TIME_OPERATIONS.has(o.operationType)) Object.assign(o, { type: o.operationType, propertyParser: o.propertyParser ?? 'VALUE' });
  }
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, normalised(o[k])]));
}

function roundTrip(doc: Documented, s: Schema) {
  const decompiled = decompileList(doc.request, { schema: s, listNameFor: () => undefined, defaultTimezone: 'UTC' });
  const parsed = decompiled.text === undefined ? undefined : parse(decompiled.text);
  const list = parsed?.file.lists[0];
  const compiled = list && compileList(list, { schema: s, listIdFor: () => undefined, defaultTimezone: 'UTC' });
  return { decompiled, parsed, compiled };
}

describe('HubSpot\'s documented requests: decompile → print → parse → compile', () => {
  const s = schema();
  const trips = DOCUMENTED.filter((d) => d.roundTrips).length;

  it(`${trips} of the ${DOCUMENTED.length} documented requests round-trip; every other one is refused filter by filter`, () => {
    assert.equal(trips, DOCUMENTED.length - 1);
  });

  for (const doc of DOCUMENTED.filter((d) => d.roundTrips)) {
    it(`round-trips: ${doc.name}`, () => {
      const { decompiled, parsed, compiled } = roundTrip(doc, s);
      assert.deepEqual(decompiled.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.deepEqual(parsed?.diagnostics.filter((d) => d.severity === 'error'), [], decompiled.text);
      assert.deepEqual(compiled?.diagnostics.filter((d) => d.severity === 'error'), [], decompiled.text);
      assert.equal(compiled?.request?.processingType, doc.request.processingType);
      assert.deepEqual(normalised(compiled?.request?.filterBranch), normalised(doc.request.filterBranch), decompiled.text);
    });
  }

  for (const doc of DOCUMENTED.filter((d) => !d.roundTrips)) {
    it(`refused, naming each filter: ${doc.name}`, () => {
      const { decompiled } = roundTrip(doc, s);
      assert.equal(decompiled.list, undefined);
      const paths = decompiled.diagnostics.filter((d) => d.code === 'not-representable').map((d) => d.message.split(':')[0]);
      assert.deepEqual(paths, doc.refused);
    });
  }
});
