// Publishing from the editor: the custom LSP requests the VS Code client sends (the HubSpot lists view,
// "hslist: Plan", "hslist: Apply", "hslist: Pull lists…") and the shapes they answer with. Type-only
// apart from the method names, so the client bundle can import it without pulling in server code.
// The HubSpot token never appears here: the server asks the client for it right before each use
// (`hslist/account/hubspotConnection`, preview/protocol.ts).

export const PublishRequests = {
  /** PlanParams → PlanAnswer. */
  plan: 'hslist/publish/plan',
  /** ApplyParams → ApplyAnswer; reports cancellable work-done progress. */
  apply: 'hslist/publish/apply',
  /** PullParams → PullAnswer. */
  pull: 'hslist/publish/pull',
  /** {} → PortalListsAnswer: the portal's contact lists that are not kept as code. */
  portalLists: 'hslist/publish/portalLists',
  /** { name } → CriteriaAnswer: the list's criteria in the files and in HubSpot, for a diff editor. */
  criteria: 'hslist/publish/criteria',
  /** CountParams → CountAnswer: HubSpot's own count through temporary lists; cancellable work-done progress. */
  count: 'hslist/publish/count',
} as const;

export const PublishNotifications = {
  /** server → client, {}: the plan changed (a portal read, an apply, a pull, an edit that changes a state). */
  updated: 'hslist/publish/updated',
  /** client → server, {}: the HubSpot account or its API base changed; what was read with the old one is dropped. */
  connectionChanged: 'hslist/publish/connectionChanged',
} as const;

/** The VS Code command a publish code lens runs (registered by the client), with [list name]. */
export const PUBLISH_LENS_COMMAND = 'hslist.publish.lensAction';

export type EntryStatus = 'create' | 'change' | 'unchanged' | 'drifted' | 'blocked' | 'delete' | 'not-in-code';

export interface PlanParams {
  /** Read the portal again (else the last read is reused, and read once when there is none). */
  refresh?: boolean;
  /** Also judge who would enter and leave, on the preview's contact data (implies a fresh read). */
  impacts?: boolean;
  /** Plan the deletion of lists published from the files before and gone from them (`--prune`). */
  prune?: boolean;
}

export interface ImpactView {
  enter: number;
  leave: number;
  undecided: number;
  after: number;
  /** Where the contacts came from ("contacts.csv (300 contacts)"). */
  source: string;
}

export interface EntryView {
  name: string;
  status: EntryStatus;
  listId?: string;
  processingType: string;
  /** "file:line" relative to the workspace root, as the CLI prints it. */
  location?: string;
  /** Where the list is defined, for "open definition" (line 0-based). */
  uri?: string;
  line?: number;
  /** What apply does (for a drifted list: what apply with --force does), as the CLI words it. */
  changes: string[];
  reasons: string[];
  needsForce: boolean;
  needsConfirmation: boolean;
  /** The sync block's inclusion list: who enters starts syncing to Salesforce. */
  inclusion: boolean;
  impact?: ImpactView;
  /** Criteria in the files and in HubSpot can be shown side by side (`criteria` request). */
  hasDiff: boolean;
  /** The code lens's text on the list's line. */
  lens: string;
}

export interface PortalList {
  listId: string;
  name: string;
  processingType: string;
}

export interface PlanView {
  portalId: string;
  host: string;
  /** When HubSpot was read (ISO 8601). */
  readAt: string;
  entries: EntryView[];
  notInCode: PortalList[];
  notes: string[];
  inclusionList?: string;
  counts: Record<EntryStatus, number>;
  /** The CLI's last line: "Plan: 1 to create, …". */
  summary: string;
  /** The plan as `hslist plan` prints it (no colour). */
  text: string;
  /** Identifies what apply would do; apply refuses when a fresh plan differs (files or HubSpot changed). */
  fingerprint: string;
  /** Whether who would enter and leave was judged (PlanParams.impacts). */
  judged: boolean;
  prune: boolean;
}

export type Unavailable = {
  state: 'unavailable';
  /** `not-connected`: no HubSpot account (or a trace would copy the token); `error`: the read failed; `cancelled`: the user cancelled. */
  reason: 'not-connected' | 'error' | 'cancelled';
  /** A sentence for the user. */
  message: string;
};

export type PlanAnswer = { state: 'planned'; plan: PlanView } | Unavailable;

export interface ApplyParams {
  force: boolean;
  prune?: boolean;
  /** The fingerprint of the plan the user confirmed. */
  expect: string;
}

export interface ApplyOutcomeView {
  state: 'applied';
  portalId: string;
  host: string;
  applied: { name: string; listId?: string; changes: string[] }[];
  failed: { name: string; message: string }[];
  skipped: { name: string; reason: string }[];
  /** Why the run stopped early (HubSpot's daily limit, a cancellation). */
  stopped?: string;
  cancelled: boolean;
  foldersCreated: string[];
  /** The outcome as `hslist apply` prints it, and the inclusion-list advice when it was published. */
  text: string;
}

export type ApplyAnswer = ApplyOutcomeView | { state: 'stale'; message: string } | Unavailable;

export interface PullParams {
  listIds: string[];
  /** Absolute folder for the files; the workspace root (hslist.json's folder) when absent. */
  outDir?: string;
  overwrite?: boolean;
}

export interface PullOutcomeView {
  state: 'pulled';
  portalId: string;
  written: { name: string; listId: string; uri: string }[];
  skipped: { name: string; reason: string }[];
  failed: { name: string; listId?: string; reasons: string[] }[];
  /** The outcome as `hslist pull` prints it. */
  text: string;
}

export type PullAnswer = PullOutcomeView | Unavailable;

export type PortalListsAnswer = { state: 'listed'; host: string; lists: PortalList[] } | Unavailable;

export type CriteriaAnswer =
  | { state: 'texts'; name: string; listId: string; location?: string; fileText: string; hubspotText: string; note?: string }
  | { state: 'none'; message: string };

export interface CountParams {
  /** The lists to count, by name (any case). */
  names: string[];
}

export interface CountView {
  state: 'counted';
  portalId: string;
  host: string;
  /** Each list's count, or why it was not counted. */
  lists: { name: string; size?: number; reason?: string }[];
  /** Temporary lists that could not be deleted (the admin must delete them). */
  left: { listId: string; name: string; reason: string }[];
  cancelled: boolean;
  /** As `hslist count` prints it. */
  text: string;
}

export type CountAnswer = CountView | Unavailable;
