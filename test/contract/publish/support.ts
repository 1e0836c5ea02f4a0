// Shared setup for the publish contract tests: a HubSpot emulator (its own portal id, no seeded static
// lists unless asked), a workspace folder written from .hslist text, and the CLI run in-process with the
// environment a user would set. Everything goes through the real @hubspot/api-client over HTTP.

import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import type { HubSpotAccount } from '../../../server/src/hubspot/account/types';
import type { StateFile } from '../../../server/src/publish/state-file';
import { startHubSpotEmulator, type HubSpotEmulator, type HubSpotEmulatorOptions } from '../../../server/src/sandbox/hubspot/server';

export const TOKEN = 'pat-na1-publish-contract-7c41';

export interface Portal {
  emulator: HubSpotEmulator;
  env: NodeJS.ProcessEnv;
  /** An account on the portal, as another HubSpot user (or the tests) would change it. */
  account: HubSpotAccount;
  stop(): Promise<void>;
}

export async function startPortal(options: HubSpotEmulatorOptions = {}): Promise<Portal> {
  const emulator = await startHubSpotEmulator({ seed: 3, contacts: 60, tokens: [TOKEN], processingDelayMs: 0, ...options });
  return {
    emulator,
    env: { HSLIST_HUBSPOT_TOKEN: TOKEN, HSLIST_HUBSPOT_BASE_URL: emulator.url },
    account: createHubSpotAccount({ accessToken: TOKEN, basePath: emulator.url, throttle: false }),
    stop: () => emulator.stop(),
  };
}

export function workspace(files: Record<string, string>, config = '{ "timezone": "Europe/Warsaw" }\n'): string {
  const root = mkdtempSync(join(tmpdir(), 'hslist-publish-'));
  writeFileSync(join(root, 'hslist.json'), config);
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}

export function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function hslist(root: string, env: NodeJS.ProcessEnv, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd: root, out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

export function stateOf(root: string): StateFile {
  return JSON.parse(readFileSync(join(root, 'hslist.lock.json'), 'utf8')) as StateFile;
}

/** The emulator's lists that are not deleted, by name. */
export function portalLists(portal: Portal): Map<string, { listId: string; processingType: string; filterBranch?: unknown; folderId?: string }> {
  const lists = new Map<string, { listId: string; processingType: string; filterBranch?: unknown }>();
  for (const l of portal.emulator.state.lists.values()) if (!l.deletedAt) lists.set(l.name, l);
  return lists;
}

/** Plan as JSON, with its exit code. */
export async function planJson(root: string, env: NodeJS.ProcessEnv, ...extra: string[]): Promise<{ code: number; plan: PlanJson; err: string }> {
  const run = await hslist(root, env, 'plan', '--json', ...extra);
  return { code: run.code, plan: run.out ? (JSON.parse(run.out) as PlanJson) : ({ entries: [] } as unknown as PlanJson), err: run.err };
}

export interface PlanJson {
  portalId: string;
  counts: Record<string, number>;
  entries: { name: string; status: string; listId: string | null; changes: { kind: string; from?: string; to?: string }[]; reasons: string[]; needsForce: boolean; impact?: { enter: number; leave: number; after: number }; drift?: { remoteText?: string; diff?: string } }[];
  notInCode: { listId: string; name: string }[];
  notes: string[];
}

export function entry(plan: PlanJson, name: string): PlanJson['entries'][number] {
  const found = plan.entries.find((e) => e.name === name);
  if (!found) throw new Error(`no plan entry "${name}" in ${JSON.stringify(plan.entries.map((e) => e.name))}`);
  return found;
}

/** Every folder of the emulator's portal (not the root), depth first. */
export function portalFolders(portal: Portal): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  const walk = (id: string) => {
    for (const f of portal.emulator.state.folders.childrenOf(id)) {
      out.push({ id: f.id, name: f.name ?? '' });
      walk(f.id);
    }
  };
  walk('0');
  return out;
}
