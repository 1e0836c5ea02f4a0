// The plan: for every list of the workspace (and every list the state file knows), what HubSpot holds,
// what would change, and why something cannot or must not change without the user's say-so.

import type { HubSpotList } from '../hubspot/account/types';
import type { DesiredList } from './desired';
import type { SheetLine } from './settings-sheet';
import type { PropertyPlan } from './sync-properties';
import type { SalesforceFieldPlan } from './salesforce-fields';

export type PlanStatus =
  /** Not in HubSpot yet: apply creates it. */
  | 'create'
  /** In HubSpot; apply changes its filters, name or folder, or records it in the state file. */
  | 'change'
  | 'unchanged'
  /** Changed (or deleted) in HubSpot since our last publish: apply leaves it alone unless --force. */
  | 'drifted'
  /** Cannot be published as it stands (errors, a change of type HubSpot cannot make, a missing reference). */
  | 'blocked'
  /** In the state file, gone from the files: apply --prune deletes it. */
  | 'delete'
  /** Published from code before, gone from the files, kept in HubSpot (no --prune). */
  | 'not-in-code';

export type Change =
  | { kind: 'create' }
  /** Deleted in HubSpot: restore it (HubSpot keeps deleted lists 90 days), else create it anew. */
  | { kind: 'restore' }
  | { kind: 'filters' }
  | { kind: 'rename'; from: string; to: string }
  /** `from` undefined: in a folder the plan did not read. Paths; "" is the root. */
  | { kind: 'move'; from: string | undefined; to: string }
  /** Only the state file changes: the list is already as the files say. */
  | { kind: 'record' }
  /** The state file forgets a list that is gone from HubSpot and from the files. */
  | { kind: 'forget' }
  | { kind: 'delete' }
  /** A static list's members: record ids to add and to remove (only the difference). */
  | { kind: 'members'; add: string[]; remove: string[] };

/** A static list's members in the files against HubSpot's. */
export interface MemberPlan {
  /** Contacts the files name that HubSpot has. */
  wanted: number;
  add: string[];
  remove: string[];
  /** Members named in the files with no contact in HubSpot (`#id` or email): reported, never sent. */
  unmatched: string[];
}

export interface ContactSample {
  id: string;
  email: string | null;
  name: string | null;
}

export interface Impact {
  /** Certainly match the new criteria and not the current ones. */
  enter: number;
  leave: number;
  /** Contacts the data cannot judge for one side or the other. */
  undecided: number;
  /** Members after the change, as far as the data tells. */
  after: number;
  enterSamples: ContactSample[];
  leaveSamples: ContactSample[];
  /** Where the contacts came from ("contacts.csv (300 contacts)", "HubSpot (api.hubapi.com)"). */
  source: string;
}

export interface PlanEntry {
  name: string;
  status: PlanStatus;
  /** The HubSpot id, when the list exists there (or existed: drifted by deletion). */
  listId?: string;
  processingType: string;
  /** What apply does; for a drifted entry, what apply --force does. */
  changes: Change[];
  /** Why it is drifted, blocked, protected, or a note worth reading. */
  reasons: string[];
  /** Changing it needs --force (drifted, or a protected change of the inclusion list). */
  needsForce: boolean;
  /** Applying it asks first (the inclusion list's criteria change), unless --yes. */
  needsConfirmation: boolean;
  inclusion: boolean;
  /** "file:line" of its definition. */
  location?: string;
  desired?: DesiredList;
  /** HubSpot's list, with filters, when it was read. */
  remote?: HubSpotList;
  /** The list's name in the state file, when it has an entry there (a rename changes it). */
  stateName?: string;
  /** For drifted lists: HubSpot's criteria as .hslist text, and a diff against the file. */
  drift?: { remoteText?: string; diff?: string; note?: string };
  impact?: Impact;
  /** A static list with members in the files: the difference against HubSpot's members. */
  members?: MemberPlan;
}

export interface Plan {
  portalId: string;
  host: string;
  entries: PlanEntry[];
  inclusionList?: string;
  /** Lists the files refer to by name that are not kept as code: lowercased name → HubSpot id. */
  foreignIds: Record<string, string>;
  /** Contact lists in the portal that are neither in the files nor in the state file. */
  notInCode: { listId: string; name: string; processingType: string }[];
  /** Sentences for the whole plan (pruning refused, no contact data, …). */
  notes: string[];
  /** The sync block's settings no API sets, each with its place in HubSpot's UI (settings-sheet.ts). */
  settings?: SheetLine[];
  /** With `--properties`: the contact property changes the mappings need (sync-properties.ts). */
  properties?: PropertyPlan;
  /** With `--salesforce-fields`: the Salesforce custom fields and picklist values the mappings need (salesforce-fields.ts). */
  salesforceFields?: SalesforceFieldPlan;
}

export function hasWork(entry: PlanEntry): boolean {
  return entry.changes.length > 0 && (entry.status === 'create' || entry.status === 'change' || entry.status === 'delete');
}
