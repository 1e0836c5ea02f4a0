// The editor preview's state in the language server: the contact data (data-loader.ts), the newest
// count / funnel / sample of every list of the open documents, and each list's comparison with its
// published counterpart (published.ts). Edits stop the running evaluation at once and evaluate again
// after a pause in typing (debounced); rounds run one at a time.

import { workspaceMembers } from '../../preview/members';
import type { ListNode } from '@hslist/grammar';
import { isInclusionList } from '../../preview/inclusion';
import type { ServerContext } from '../context';
import { describeError } from '../guard';
import { DataLoader } from './data-loader';
import type { PreviewStatus, PublishedComparison } from './protocol';
import { PublishedLists } from './published';
import type { PreviewRunner } from './runner';
import { SyncSide } from './sync-side';
import type { ListPreview, ListScope } from './worker-messages';
import { resolveLists } from '../../language/definitions/resolve';

export { NO_DATA_MESSAGE } from './data-loader';

export interface StoredPreview {
  preview: ListPreview;
  /** The file and document version the spans of `preview` belong to. */
  path: string;
  version: number | undefined;
}

export class PreviewSession {
  readonly previews = new Map<string, StoredPreview>();
  /** Called after every round that changed what is shown, with the lists whose numbers changed (the LSP layer refreshes lenses and hints, and tells the client). */
  onUpdated: (names: string[]) => void = () => undefined;
  private readonly data: DataLoader;
  private readonly published: PublishedLists;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  /** The data load the published comparisons belong to. */
  private comparedLoad: unknown;

  /** The Salesforce side: the sync simulated on the loaded contacts and a Salesforce export. */
  readonly sync: SyncSide;

  constructor(private readonly ctx: ServerContext, private readonly debounceMs = 250) {
    this.sync = new SyncSide(ctx, () => void this.refresh());
    this.data = new DataLoader(ctx, () => this.sync.extraProperties());
    this.published = new PublishedLists(ctx);
    ctx.publisher.withData = (path, diagnostics, analysis) => this.sync.diagnostics(path, diagnostics, analysis);
  }

  get status(): PreviewStatus {
    return this.data.status;
  }

  /** An edit: the running evaluation stops now; a new one starts after `debounceMs` without edits. */
  edited(): void {
    this.data.runner?.cancelRunning();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.debounceMs);
  }

  /** Read the data source again (the setting changed, or the user asked); a live portal is refreshed. */
  reload(): Promise<void> {
    this.data.forget();
    this.published.forget();
    this.sync.readOrgAgain();
    return this.refresh();
  }

  /** An account was connected or disconnected: the live data and the comparisons may change. */
  accountsChanged(): Promise<void> {
    this.published.forget();
    this.sync.readOrgAgain();
    this.comparedLoad = undefined;
    if (this.data.status.kind === 'hubspot' || this.data.status.state !== 'ready') this.data.forget();
    return this.refresh();
  }

  /** Waits until no edit is pending and the newest round finished. */
  async settled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.refresh();
    }
    await this.round;
  }

  refresh(names?: string[]): Promise<void> {
    this.timer = undefined;
    this.round = this.round.then(() => this.evaluateRound(names)).catch((e: unknown) => this.ctx.connection.console.error(`hslist preview: ${describeError(e)}`));
    return this.round;
  }

  /** Every list of the workspace, with *now* pinned per load. */
  scope(): ListScope {
    const lists: ListNode[] = [];
    const analysis = this.ctx.state.analysis();
    // Named conditions and value sets are written in here: the worker previews plain lists.
    for (const file of analysis.files.values()) lists.push(...resolveLists(file.tree.lists ?? [], analysis.definitions));
    return { lists, now: this.data.loaded?.now ?? Date.now(), members: workspaceMembers(analysis) };
  }

  /** The worker, once data is loaded; undefined (status says why) otherwise. */
  async ready(): Promise<PreviewRunner | undefined> {
    await this.settled();
    return this.status.state === 'ready' ? this.data.runner : undefined;
  }

  /** The list compared with its published counterpart; undefined while that is being read. */
  comparison(name: string): PublishedComparison | undefined {
    const lookup = this.published.lookup(name);
    if (!lookup || lookup.state === 'pending') return undefined;
    if (lookup.state !== 'members') return lookup;
    const diff = this.previews.get(name)?.preview.diff;
    if (!diff) return undefined;
    return { state: 'compared', ...diff, syncsToSalesforce: isInclusionList(this.ctx.state.analysis().syncBlocks, name), fetchedAt: lookup.fetchedAt };
  }

  dispose(): void {
    clearTimeout(this.timer);
    void this.data.runner?.terminate();
  }

  private async evaluateRound(only: string[] | undefined): Promise<void> {
    const scope = this.scope();
    if (!(await this.data.ensure(scope.lists))) {
      const dropped = [...this.previews.keys()];
      this.previews.clear();
      if (this.sync.summary || this.sync.problem) this.ctx.publisher.schedule();
      this.sync.forget();
      this.onUpdated(dropped);
      return;
    }
    scope.now = this.data.loaded!.now;
    const targets = only ?? this.openListNames();
    const previews = await this.data.runner!.evaluate(targets, scope);
    if (!previews) return; // overtaken by an edit; the next round shows the newest text
    const located = this.locate();
    for (const preview of previews) {
      const at = located.get(preview.name);
      if (at) this.previews.set(preview.name, { preview, path: at, version: this.ctx.state.versionOf(at) });
    }
    this.onUpdated(previews.map((p) => p.name));
    this.compareInBackground(targets);
    // A sync block created during the load (announced by the watcher, not an edit) starts no round of its
    // own: the extra properties it maps are read from the workspace now, the lists from this round.
    if (!this.data.stillCovers(scope.lists)) {
      void this.refresh();
      return;
    }
    await this.simulateSync(scope);
  }

  /** The Salesforce side, after the counts (it reads the same loaded contacts). */
  private async simulateSync(scope: ListScope): Promise<void> {
    const runner = this.data.runner;
    if (!runner || !(await this.sync.update(runner, scope, this.data.loaded, this.status.source ?? 'the contact data'))) return;
    this.ctx.publisher.schedule();
    this.onUpdated([]);
  }

  /** Reads the published counterparts of lists not compared yet, then evaluates those lists again. */
  private compareInBackground(names: string[]): void {
    if (this.comparedLoad !== this.data.loaded) {
      this.comparedLoad = this.data.loaded;
      this.published.forget();
    }
    const fresh = this.published.unknown(names);
    const runner = this.data.runner;
    if (fresh.length === 0 || !runner) return;
    this.published.lookUp(fresh, runner).then(
      (handed) => (handed.length > 0 ? this.refresh(handed) : this.onUpdated(fresh)),
      (e: unknown) => this.ctx.connection.console.error(`hslist preview: comparing with HubSpot: ${describeError(e)}`),
    );
  }

  private openListNames(): string[] {
    const names: string[] = [];
    for (const [path, file] of this.ctx.state.analysis().files) {
      if (this.ctx.state.isOpen(path)) names.push(...(file.tree.lists ?? []).map((l) => l.name.text));
    }
    return names;
  }

  private locate(): Map<string, string> {
    const at = new Map<string, string>();
    for (const [path, file] of this.ctx.state.analysis().files) {
      for (const l of file.tree.lists ?? []) if (!at.has(l.name.text)) at.set(l.name.text, path);
    }
    return at;
  }
}
