// Shared setup for the live-source contract tests: the HubSpot emulator with a seeded portal of a few
// hundred contacts and a clock after all of its data, a workspace parsed from text, and the real
// @hubspot/api-client configured the way the other contract tests configure it (no throttle).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { strict as assert } from 'node:assert';
import type { HubSpotAccountOptions } from '../../../server/src/hubspot/account/account';
import { previewList, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { emulatorMembers } from '../../support/emulator-members';
import { startHubSpotEmulator, type HubSpotEmulator, type HubSpotEmulatorOptions } from '../../../server/src/sandbox/hubspot/server';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';

export const TOKEN = 'pat-na1-preview-contract-5a1d';
/** The emulator's clock: the seeded records all lie before this day, so the first incremental refresh finds nothing old. */
export const START = Date.parse('2026-01-15T00:00:00Z');

export interface LiveHarness {
  emulator: HubSpotEmulator;
  connection: HubSpotAccountOptions;
  now(): number;
  tick(ms: number): void;
  /** Changes a contact the way a HubSpot user would: new values and a new lastmodifieddate. */
  modify(id: string, properties: Record<string, string | null>): void;
}

export async function startLive(contacts = 300, options: HubSpotEmulatorOptions = {}): Promise<LiveHarness> {
  let now = START;
  const emulator = await startHubSpotEmulator({ seed: 23, contacts, tokens: [TOKEN], clock: () => now, processingDelayMs: 0, ...options });
  return {
    emulator,
    connection: { accessToken: TOKEN, basePath: emulator.url, numberOfApiCallRetries: 3, throttle: false },
    now: () => now,
    tick: (ms) => (now += ms),
    modify: (id, properties) => {
      const old = emulator.state.contacts.get(id);
      const at = new Date(now).toISOString();
      const base: PortalContact = old ?? { id, properties: { hs_object_id: id, createdate: at }, history: {}, createdAt: at, updatedAt: at, archived: false, companyIds: [], formSubmissions: [], staticListNames: [] };
      emulator.state.upsertContact({ ...base, properties: { ...base.properties, ...properties, lastmodifieddate: at }, updatedAt: at });
    },
  };
}

/** A workspace folder holding `lists.hslist` with this text, and its parsed lists; `root`: that folder (and its cache) again. */
export function liveWorkspace(text: string, root = mkdtempSync(join(tmpdir(), 'hslist-live-'))): PreviewWorkspace {
  writeFileSync(join(root, 'lists.hslist'), text);
  writeFileSync(join(root, 'hslist.json'), '{}\n');
  const { file } = parse(text);
  return { root, schema: defaultSchema(), lists: file.lists, defaultTimezone: 'UTC' };
}

/** The preview's result for one list of the workspace, at the harness's *now* (a preview error fails the test). */
export function previewResult(h: LiveHarness, ws: PreviewWorkspace, data: PreviewData, name: string) {
  const p = previewList(ws, data, name, { now: h.now() });
  assert.ok(!('error' in p), 'error' in p ? p.error : '');
  return p.result;
}

let emulatorChecks = 0;

/** The emulator's own answer: the list compiled by hslist, created there (under a fresh name), its members counted. */
export async function emulatorCount(h: LiveHarness, ws: PreviewWorkspace, name: string): Promise<number> {
  const list = ws.lists.find((l) => l.name.text === name)!;
  return (await emulatorMembers(h.connection, list, `${name} (emulator check ${++emulatorChecks})`, ws.schema)).ids.length;
}

/** Requests the emulator received with this method and a path matching `path`. */
export function requestsTo(emulator: HubSpotEmulator, method: string, path: RegExp) {
  return emulator.requests.filter((r) => r.method === method && path.test(r.path));
}
