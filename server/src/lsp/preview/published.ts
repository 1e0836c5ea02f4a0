// The enter/leave comparison in the editor: each previewed list's published counterpart in HubSpot
// (same name, a contact list) and its current members, handed to the worker once per data load, so
// every later evaluation also says who would enter and who would leave. The portal's lists are read
// once per generation (one search), so typing a new list name costs no request; members are read once
// per published list. A generation ends when the data is reloaded or an account changes.

import { createHubSpotAccount } from '../../hubspot/account/account';
import type { HubSpotAccount, HubSpotList } from '../../hubspot/account/types';
import type { ServerContext } from '../context';
import { askHubSpotConnection } from './live-connection';
import type { PublishedComparison } from './protocol';
import type { PreviewRunner } from './runner';

const CONTACTS = '0-1';
type Lookup = { state: 'pending' } | { state: 'members'; listId: string; fetchedAt: string } | Exclude<PublishedComparison, { state: 'compared' }>;

export class PublishedLists {
  private readonly lookups = new Map<string, Lookup>();
  private catalog: Promise<Catalog> | undefined;
  private generation = 0;

  constructor(private readonly ctx: ServerContext) {}

  /** Start again: the worker's data (and its members) is new, or the account changed. */
  forget(): void {
    this.generation++;
    this.lookups.clear();
    this.catalog = undefined;
  }

  lookup(name: string): Lookup | undefined {
    return this.lookups.get(name);
  }

  /** Names not looked up yet in this generation. */
  unknown(names: string[]): string[] {
    return names.filter((n) => !this.lookups.has(n));
  }

  /**
   * Looks the names up and hands the members of published ones to the worker; resolves with the names
   * whose members were handed over (their previews need a new evaluation to carry the comparison).
   */
  async lookUp(names: string[], runner: PreviewRunner): Promise<string[]> {
    const generation = this.generation;
    for (const n of names) this.lookups.set(n, { state: 'pending' });
    // One hand-over of the connection for the whole batch (a local only: never kept on the session).
    const live = await askHubSpotConnection(this.ctx);
    if ('unavailable' in live) {
      if (generation === this.generation) for (const n of names) this.lookups.set(n, { state: 'not-connected', message: `Not compared with HubSpot: ${live.unavailable}.` });
      return [];
    }
    const account = createHubSpotAccount(live.options);
    const catalog = await (this.catalog ??= readCatalog(account, live.host));
    const handed: string[] = [];
    for (const name of names) {
      if (generation !== this.generation) return [];
      const result = await lookUpOne(name, catalog, account, runner);
      if (generation !== this.generation) return [];
      this.lookups.set(name, result);
      if (result.state === 'members') handed.push(name);
    }
    return handed;
  }
}

type Catalog = Map<string, HubSpotList> | { state: 'error'; message: string };

async function lookUpOne(name: string, catalog: Catalog, account: HubSpotAccount, runner: PreviewRunner): Promise<Lookup> {
  if (!(catalog instanceof Map)) return catalog;
  const list = catalog.get(name) ?? catalog.get(name.toLowerCase());
  if (!list) return { state: 'not-published', message: `No contact list named "${name}" exists in the connected HubSpot portal yet.` };
  try {
    const members = await account.listMemberships(list.listId);
    await runner.setMembers(name, list.listId, members.map((m) => m.recordId));
    return { state: 'members', listId: list.listId, fetchedAt: new Date().toISOString() };
  } catch (error) {
    return { state: 'error', message: `Could not read the members of HubSpot list #${list.listId}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The portal's contact lists by name (and by lower-cased name), or why they cannot be read. */
async function readCatalog(account: HubSpotAccount, host: string): Promise<Catalog> {
  try {
    const lists = (await account.searchLists({})).filter((l) => l.objectTypeId === CONTACTS);
    const byName = new Map<string, HubSpotList>();
    for (const l of lists) byName.set(l.name, l);
    for (const l of lists) if (!byName.has(l.name.toLowerCase())) byName.set(l.name.toLowerCase(), l);
    return byName;
  } catch (error) {
    return { state: 'error', message: `Could not read the lists of HubSpot (${host}): ${error instanceof Error ? error.message : String(error)}` };
  }
}
