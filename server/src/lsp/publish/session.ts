// The editor's picture of the connected portal: the last read of it (the engine's RemotePortal), and
// the plan recomputed from that read, the state file and the files as they are now. Recomputing is
// pure and cheap (no HubSpot request), so lenses and the lists view follow every edit; HubSpot is read
// again only on Refresh, after apply or pull, and when the connection changes. Operations that talk to
// HubSpot run one at a time.

import { statSync } from 'node:fs';
import type { Plan } from '../../publish/plan-types';
import type { RemotePortal } from '../../publish/remote';
import { planFromRemote, planPublish, type Planned, type PublishWorkspace } from '../../publish/session';
import { readStateFile, statePath } from '../../publish/state-file';
import type { WorkspaceAnalysis } from '../../language/workspace';
import type { ServerContext } from '../context';
import { failure, isUnavailable, openAccount, type OpenedAccount } from './account';
import { planFingerprint } from './plan-view';
import type { Unavailable } from './protocol';

interface Snapshot {
  remote: RemotePortal;
  readAt: string;
}

interface Memo {
  analysis: WorkspaceAnalysis;
  snapshot: Snapshot;
  stateStamp: string;
  result: Plan | Unavailable;
}

export interface FreshPlan {
  planned: Planned;
  opened: OpenedAccount;
}

export interface ReadOptions {
  prune?: boolean;
  signal?: AbortSignal;
}

export class PublishSession {
  /** A client asked for the plan: from then on lists get publish lenses. */
  wanted = false;
  /** Called when the plan changed (a read, an operation, an edit that changed a state). */
  onChanged: () => void = () => undefined;
  private snapshot: Snapshot | undefined;
  private unavailable: Unavailable | undefined;
  private reading: Promise<void> | undefined;
  private memo: Memo | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped when the connection changes: a read begun with the old account is not kept. */
  private generation = 0;
  private editTimer: NodeJS.Timeout | undefined;
  private lastFingerprint: string | undefined;
  /** Ids whose criteria were fetched (or tried) since the last full read: each is asked for once. */
  private readonly fetching = new Set<string>();

  constructor(private readonly ctx: ServerContext, private readonly editDebounceMs = 300) {}

  workspace(): PublishWorkspace {
    const settings = this.ctx.state.settings;
    return { root: settings.config.root, analysis: this.ctx.state.analysis(), schema: settings.schema, defaultTimezone: settings.config.timezone };
  }

  get readAt(): string | undefined {
    return this.snapshot?.readAt;
  }

  /** The plan of the files as they are now against the last read; undefined before the first read. */
  current(): Plan | Unavailable | undefined {
    if (this.unavailable) return this.unavailable;
    const snapshot = this.snapshot;
    if (!snapshot) return undefined;
    const workspace = this.workspace();
    const stateStamp = stampOf(workspace.root);
    const memo = this.memo;
    if (memo && memo.analysis === workspace.analysis && memo.snapshot === snapshot && memo.stateStamp === stateStamp) return memo.result;
    const result = recompute(workspace, snapshot.remote);
    this.memo = { analysis: workspace.analysis, snapshot, stateStamp, result };
    this.completeLater(snapshot, workspace.analysis);
    return result;
  }

  /**
   * A list renamed in the files to the name of a portal list whose criteria the last read did not
   * fetch: fetch just those (one batch read), so the plan compares criteria instead of guessing.
   */
  private completeLater(snapshot: Snapshot, analysis: WorkspaceAnalysis): void {
    const missing = [...analysis.lists.keys()].map((name) => snapshot.remote.byName.get(name)?.listId).filter((id): id is string => id !== undefined && !snapshot.remote.withFilters.has(id) && !this.fetching.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.fetching.add(id);
    const generation = this.generation;
    void this.serial(async () => {
      const opened = await openAccount(this.ctx, undefined);
      if (isUnavailable(opened)) return;
      const lists = await opened.account.getLists(missing, true).catch(() => []);
      if (generation !== this.generation || this.snapshot !== snapshot || lists.length === 0) return;
      const withFilters = new Map(snapshot.remote.withFilters);
      for (const list of lists) withFilters.set(list.listId, list);
      this.snapshot = { ...snapshot, remote: { ...snapshot.remote, withFilters } };
      this.notifyChanged();
    });
  }

  /** Reads the portal once when nothing was read yet (lenses, the lists view); never retries a failure on its own. */
  ensure(): Promise<void> {
    if (this.snapshot || this.unavailable) return Promise.resolve();
    this.reading ??= this.serial(() => this.readNow({})).then(() => {
      this.reading = undefined;
      this.notifyChanged();
    });
    return this.reading;
  }

  /** Reads the portal again now (Refresh): the result becomes the cached read. */
  async refresh(options: ReadOptions = {}): Promise<FreshPlan | Unavailable> {
    const fresh = await this.serial(() => this.readNow(options));
    this.notifyChanged();
    return fresh;
  }

  /** Runs an operation that talks to HubSpot after the ones before it finished. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A fresh plan (the engine's planPublish, reading the portal), kept as the cached read. Not serialised: callers are. */
  async readNow(options: ReadOptions): Promise<FreshPlan | Unavailable> {
    const generation = this.generation;
    const opened = await openAccount(this.ctx, options.signal);
    if (isUnavailable(opened)) return this.keep(generation, undefined, opened);
    try {
      const planned = await planPublish(this.workspace(), opened.account, { prune: options.prune });
      this.keep(generation, { remote: planned.remote, readAt: new Date().toISOString() }, undefined);
      return { planned, opened };
    } catch (error) {
      const problem = failure(this.ctx, error, opened.host, 'Reading the portal', options.signal);
      // A cancelled read leaves the last good one in place.
      return problem.reason === 'cancelled' ? problem : this.keep(generation, undefined, problem);
    }
  }

  /** The account or its API base changed: forget what was read, and read again if the plan is wanted. */
  connectionChanged(): void {
    this.generation++;
    this.snapshot = undefined;
    this.unavailable = undefined;
    this.memo = undefined;
    this.reading = undefined;
    this.notifyChanged();
    if (this.wanted) void this.ensure();
  }

  /** After edits: the recomputed plan is compared once typing pauses; the client hears only of a change. */
  edited(): void {
    if (!this.wanted || !this.snapshot) return;
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => {
      const plan = this.current();
      const fingerprint = plan && !('state' in plan) ? planFingerprint(plan) : undefined;
      if (fingerprint !== this.lastFingerprint) this.notifyChanged();
    }, this.editDebounceMs);
  }

  dispose(): void {
    clearTimeout(this.editTimer);
  }

  private keep<T extends Unavailable | undefined>(generation: number, snapshot: Snapshot | undefined, problem: T): T {
    if (generation !== this.generation) return problem;
    this.snapshot = snapshot;
    this.unavailable = problem;
    this.memo = undefined;
    this.fetching.clear();
    return problem;
  }

  /** Tells the client (lists view, lenses) that the plan may have changed. */
  notifyChanged(): void {
    const plan = this.current();
    this.lastFingerprint = plan && !('state' in plan) ? planFingerprint(plan) : undefined;
    this.onChanged();
  }
}

/** The engine's plan steps without the reads: desired × cached remote × state file. */
function recompute(workspace: PublishWorkspace, remote: RemotePortal): Plan | Unavailable {
  const read = readStateFile(workspace.root);
  if (!read.ok) return { state: 'unavailable', reason: 'error', message: read.message };
  return planFromRemote(workspace, remote, read.state).plan;
}

/** Changes whenever hslist.lock.json is written (apply, pull, a git checkout). */
function stampOf(root: string): string {
  try {
    const s = statSync(statePath(root));
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'none';
  }
}
