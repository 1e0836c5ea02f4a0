// The emulator's portal: records, lists and forms, plus list membership (DYNAMIC lists evaluated by
// evaluate.ts, MANUAL/SNAPSHOT lists stored). Memberships are cached per state version.

import type { CrmRecord, LinkedRecord, PortalCompany, PortalContact, PortalForm, PortalPage } from '../data/hubspot-records';
import type { Portal } from '../data/hubspot-portal';
import type { EmulatorSchema } from '../data/hubspot-schema';
import { matchesFilterBranch, type EvalContact } from './evaluate';
import { FolderStore, ROOT_FOLDER_ID } from './folders';
import type { Json } from './evaluate-types';

export type ProcessingType = 'MANUAL' | 'DYNAMIC' | 'SNAPSHOT';

export interface EmulatorList {
  listId: string;
  name: string;
  objectTypeId: string;
  processingType: ProcessingType;
  filterBranch?: Json;
  listVersion: number;
  createdAt: string;
  updatedAt: string;
  filtersUpdatedAt: string;
  deletedAt?: string;
  /** Epoch ms of the last create / filter change; PROCESSING until the delay passes or a GET saw it. */
  processingSince: number;
  processingSeen: boolean;
  /** MANUAL / SNAPSHOT members: record id → time added (ISO). */
  members: Map<string, string>;
  /** The list's folder ("0" = root). Emulator state: PublicObjectList has no folder field. */
  folderId: string;
  /** Optional create fields echoed back when PublicObjectList has them (membershipSettings, listPermissions). */
  extra: Json;
}

export interface Membership {
  recordId: string;
  membershipTimestamp: string;
}

export function byNumericId(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export class EmulatorState {
  readonly contacts = new Map<string, PortalContact>();
  readonly companies = new Map<string, PortalCompany>();
  readonly lists = new Map<string, EmulatorList>();
  forms: PortalForm[] = [];
  pages: readonly PortalPage[] = [];
  readonly folders: FolderStore;
  private sortedContactIds: string[] | undefined;
  private sortedCompanyIds: string[] | undefined;
  private linked: Record<LinkedObject, Map<string, CrmRecord>> | undefined;
  private nextListId = 1;
  private version = 0;
  private readonly membershipCache = new Map<string, { key: string; members: Membership[]; ids: Set<string> }>();

  constructor(
    readonly schema: EmulatorSchema,
    readonly now: () => number,
    readonly timeZone = 'UTC',
  ) {
    this.folders = new FolderStore(now);
  }

  reset(): void {
    this.contacts.clear();
    this.companies.clear();
    this.lists.clear();
    this.forms = [];
    this.pages = [];
    this.folders.reset();
    this.nextListId = 1;
    this.touch();
  }

  loadPortal(portal: Portal): void {
    this.forms = portal.forms;
    this.pages = portal.pages;
    for (const company of portal.companies()) this.companies.set(company.id, company);
    const staticMembers = new Map<string, string[]>(portal.staticListNames.map((name) => [name, []]));
    for (const contact of portal.contacts()) {
      this.contacts.set(contact.id, withPageViewCount(contact));
      for (const name of contact.staticListNames) staticMembers.get(name)?.push(contact.id);
    }
    for (const [name, ids] of staticMembers) this.addStaticList(name, ids);
    this.touch();
  }

  upsertContact(contact: PortalContact): void {
    const before = this.contacts.get(contact.id);
    this.contacts.set(contact.id, withPageViewCount(before ? withChangesInHistory(before, contact) : contact));
    this.touch();
  }

  upsertCompany(company: PortalCompany): void {
    this.companies.set(company.id, company);
    this.touch();
  }

  /** Changes with every change of records or lists: what a route caches from the state is keyed by it. */
  get revision(): number {
    return this.version;
  }

  /** Any change of records or lists invalidates cached memberships. */
  touch(): void {
    this.version++;
    this.sortedContactIds = undefined;
    this.sortedCompanyIds = undefined;
    this.linked = undefined;
  }

  /**
   * The portal's deals or tickets, by id in id order: gathered from the contacts that carry them
   * (a record several contacts carry is one record, as the first carrier has it).
   */
  linkedRecords(object: LinkedObject): Map<string, CrmRecord> {
    this.linked ??= { deals: new Map(), tickets: new Map() };
    const records = this.linked[object];
    if (records.size > 0 || this.contacts.size === 0) return records;
    const found = new Map<string, CrmRecord>();
    for (const contact of this.contacts.values()) {
      for (const link of contact[object] ?? []) if (!found.has(link.id)) found.set(link.id, asCrmRecord(link, contact));
    }
    for (const id of [...found.keys()].sort(byNumericId)) records.set(id, found.get(id)!);
    return records;
  }

  contactIds(): string[] {
    this.sortedContactIds ??= [...this.contacts.keys()].sort(byNumericId);
    return this.sortedContactIds;
  }

  companyIds(): string[] {
    this.sortedCompanyIds ??= [...this.companies.keys()].sort(byNumericId);
    return this.sortedCompanyIds;
  }

  newListId(): string {
    return String(this.nextListId++);
  }

  private addStaticList(name: string, ids: string[]): void {
    const at = new Date(this.now()).toISOString();
    const list = newList(this.newListId(), name, 'MANUAL', at, this.now());
    list.processingSeen = true;
    for (const id of ids) list.members.set(id, at);
    this.lists.set(list.listId, list);
  }

  activeListByName(name: string): EmulatorList | undefined {
    const wanted = name.toLowerCase();
    return [...this.lists.values()].find((l) => !l.deletedAt && l.name.toLowerCase() === wanted);
  }

  /** Active lists in a folder, by list id. */
  listsInFolder(folderId: string): EmulatorList[] {
    return [...this.lists.values()].filter((l) => !l.deletedAt && l.folderId === folderId).sort((a, b) => byNumericId(a.listId, b.listId));
  }

  toEvalContact(contact: PortalContact): EvalContact {
    const companies = contact.companyIds.map((id) => this.companies.get(id)).filter((c): c is PortalCompany => c !== undefined)
      .map((c) => (contact.companyLabels?.[c.id] ? { ...c, associationLabels: contact.companyLabels[c.id] } : c));
    // The first associated company is the primary one (as the associations API reports it).
    return { ...contact, history: this.historyWithCurrent(contact), companies, primaryCompanyId: contact.companyIds[0] };
  }

  /** Explicit history, or one entry for the current value at the record's last update. */
  private historyWithCurrent(contact: PortalContact): Record<string, { value: string; timestamp: string }[]> {
    const history: Record<string, { value: string; timestamp: string }[]> = { ...contact.history };
    for (const [name, value] of Object.entries(contact.properties)) {
      if (!history[name] && value !== null && value !== '') history[name] = [{ value, timestamp: contact.updatedAt }];
    }
    return history;
  }

  /** Members ordered by record id. */
  membersOf(list: EmulatorList): Membership[] {
    const cached = this.membershipCache.get(list.listId);
    if (cached && cached.key === this.cacheKey(list)) return cached.members;
    const members = list.processingType === 'DYNAMIC' ? this.evaluateMembers(list) : storedMembers(list);
    this.remember(list, members);
    return members;
  }

  /** Rolling-date filters change with time: recompute at most once a minute of emulator time. */
  private cacheKey(list: EmulatorList): string {
    return `${this.version}:${list.listVersion}:${list.members.size}:${Math.floor(this.now() / 60_000)}`;
  }

  private remember(list: EmulatorList, members: Membership[]): Set<string> {
    const ids = new Set(members.map((m) => m.recordId));
    this.membershipCache.set(list.listId, { key: this.cacheKey(list), members, ids });
    return ids;
  }

  evaluateBranch(branch: Json): string[] {
    const pass: MembershipPass = new Map();
    return this.contactIds().filter((id) => this.matches(branch, this.contacts.get(id)!, pass));
  }

  private evaluateMembers(list: EmulatorList): Membership[] {
    if (!list.filterBranch) return [];
    return this.evaluateBranch(list.filterBranch).map((recordId) => ({ recordId, membershipTimestamp: list.filtersUpdatedAt }));
  }

  private matches(branch: Json, contact: PortalContact, pass: MembershipPass): boolean {
    if (contact.archived) return false;
    return matchesFilterBranch(branch, this.toEvalContact(contact), {
      now: this.now(),
      timeZone: this.timeZone,
      isMember: (listId) => this.isMember(listId, contact, pass),
    });
  }

  /**
   * Membership of a referenced list, each active list's members computed once per evaluation pass (a
   * chain of lists that refer to two earlier ones each would otherwise cost 2^depth per contact). A list
   * met again while its members are being computed is a cycle: "not a member", the same answer as
   * following the references contact by contact.
   */
  private isMember(listId: string, contact: PortalContact, pass: MembershipPass): boolean {
    const list = this.lists.get(listId);
    if (!list || list.deletedAt) return false;
    if (list.processingType !== 'DYNAMIC') return list.members.has(contact.id);
    if (!list.filterBranch) return false;
    const known = pass.get(listId);
    if (known === 'computing') return false;
    if (known) return known.has(contact.id);
    const cached = this.membershipCache.get(listId);
    if (cached && cached.key === this.cacheKey(list)) return cached.ids.has(contact.id);
    pass.set(listId, 'computing');
    const ids = this.contactIds().filter((id) => this.matches(list.filterBranch!, this.contacts.get(id)!, pass));
    const members = this.remember(list, ids.map((recordId) => ({ recordId, membershipTimestamp: list.filtersUpdatedAt })));
    pass.set(listId, members);
    return members.has(contact.id);
  }
}

export type LinkedObject = 'deals' | 'tickets';

/** A contact's deal or ticket as the objects API serves it (its dates from its properties, else the contact's). */
function asCrmRecord(link: LinkedRecord, carrier: PortalContact): CrmRecord {
  const createdAt = link.properties.createdate ?? carrier.createdAt;
  return { id: link.id, properties: link.properties, history: {}, createdAt, updatedAt: link.properties.hs_lastmodifieddate ?? createdAt, archived: false };
}

/** Members of referenced lists found so far in one evaluation ('computing' while being found). */
type MembershipPass = Map<string, Set<string> | 'computing'>;

function storedMembers(list: EmulatorList): Membership[] {
  return [...list.members.entries()]
    .map(([recordId, membershipTimestamp]) => ({ recordId, membershipTimestamp }))
    .sort((a, b) => byNumericId(a.recordId, b.recordId));
}

export function newList(listId: string, name: string, processingType: ProcessingType, at: string, nowMs: number): EmulatorList {
  return {
    listId, name, objectTypeId: '0-1', processingType, listVersion: 1, createdAt: at, updatedAt: at, filtersUpdatedAt: at,
    processingSince: nowMs, processingSeen: false, members: new Map(), folderId: ROOT_FOLDER_ID, extra: {},
  };
}

/**
 * HubSpot's "Number of Pageviews" (`hs_analytics_num_page_views`) kept equal to the page views the
 * contact holds, when it holds some list of them (a contact without `pageViews` keeps what it has).
 */
function withPageViewCount(contact: PortalContact): PortalContact {
  if (contact.pageViews === undefined) return contact;
  const count = String(contact.pageViews.length);
  return contact.properties.hs_analytics_num_page_views === count ? contact : { ...contact, properties: { ...contact.properties, hs_analytics_num_page_views: count } };
}

/**
 * HubSpot records every change of a value in the property's history, newest first, so the history always
 * ends in the current value. A property with explicit history whose value an update changes gets an entry
 * for the new value at the update's time (unless the caller wrote that entry already).
 */
function withChangesInHistory(before: PortalContact, after: PortalContact): PortalContact {
  let history = after.history;
  for (const [name, entries] of Object.entries(after.history)) {
    const value = after.properties[name] ?? '';
    if ((before.properties[name] ?? '') === value || entries[0]?.value === value) continue;
    if (history === after.history) history = { ...after.history };
    history[name] = [{ value, timestamp: after.updatedAt, sourceType: 'API' }, ...entries];
  }
  return history === after.history ? after : { ...after, history };
}
