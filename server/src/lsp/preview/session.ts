// The editor preview's state in the language server: which contact data is loaded (and loading it
// in the worker when the file, the schema or the referenced properties change), and the newest
// count / funnel / sample of every list of the open documents. Edits stop the running evaluation
// at once and evaluate again after a pause in typing (debounced); rounds run one at a time.

import { existsSync, statSync } from 'node:fs';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { ListNode } from '../../../../grammar/src/ast';
import type { LoadedSettings } from '../schema-loader';
import type { ServerContext } from '../context';
import { describeError } from '../guard';
import { chooseDataSource, describeReport, referencedProperties, type DataChoice } from './data-source';
import type { PreviewStatus } from './protocol';
import { PreviewRunner } from './runner';
import type { ListPreview, ListScope } from './worker-messages';

export interface StoredPreview {
  preview: ListPreview;
  /** The file and document version the spans of `preview` belong to. */
  path: string;
  version: number | undefined;
}

interface Loaded {
  key: string;
  properties: Set<string>;
  now: number;
}

export const NO_DATA_MESSAGE = 'hslist: no contact data for previews, so no counts are shown. Set "contacts" in hslist.json or the hslist.contactData setting to a contact export (CSV, JSON or NDJSON).';

export class PreviewSession {
  status: PreviewStatus = { state: 'no-data' };
  readonly previews = new Map<string, StoredPreview>();
  /** Called after every round that changed what is shown (the LSP layer refreshes lenses and hints). */
  onUpdated: () => void = () => undefined;
  private runner: PreviewRunner | undefined;
  private loaded: Loaded | undefined;
  private choice: { settings: LoadedSettings; data: DataChoice } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private readonly announced = new Set<string>();

  constructor(private readonly ctx: ServerContext, private readonly debounceMs = 250) {}

  /** An edit: the running evaluation stops now; a new one starts after `debounceMs` without edits. */
  edited(): void {
    this.runner?.cancelRunning();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.debounceMs);
  }

  /** Read the data source again (the setting changed, or the user asked). */
  reload(): Promise<void> {
    this.choice = undefined;
    this.loaded = undefined;
    this.announced.clear();
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
    for (const file of this.ctx.state.analysis().files.values()) lists.push(...(file.tree.lists ?? []));
    return { lists, now: this.loaded?.now ?? Date.now() };
  }

  /** The worker, once data is loaded; undefined (status says why) otherwise. */
  async ready(): Promise<PreviewRunner | undefined> {
    await this.settled();
    return this.status.state === 'ready' ? this.runner : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    void this.runner?.terminate();
  }

  private async evaluateRound(only: string[] | undefined): Promise<void> {
    const scope = this.scope();
    if (!(await this.ensureData(scope.lists))) {
      if (this.previews.size > 0) this.previews.clear();
      this.onUpdated();
      return;
    }
    scope.now = this.loaded!.now;
    const targets = only ?? this.openListNames();
    const previews = await this.runner!.evaluate(targets, scope);
    if (!previews) return; // overtaken by an edit; the next round shows the newest text
    const located = this.locate();
    for (const preview of previews) {
      const at = located.get(preview.name);
      if (at) this.previews.set(preview.name, { preview, path: at, version: this.ctx.state.versionOf(at) });
    }
    this.onUpdated();
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

  /** True when the data this workspace needs is loaded (loading it first when needed). */
  private async ensureData(lists: ListNode[]): Promise<boolean> {
    const settings = this.ctx.state.settings;
    if (this.choice?.settings !== settings) this.choice = { settings, data: await chooseDataSource(this.ctx) };
    const { path, origin } = this.choice.data;
    if (!path) return this.unavailable('no-data', NO_DATA_MESSAGE, 'info');
    if (!existsSync(path)) return this.unavailable('error', `hslist: the contact data ${path} (from ${origin}) does not exist, so no counts are shown.`, 'warn');
    const wanted = referencedProperties(lists).filter((p) => settings.schema.objects.contacts.has(p));
    const key = `${path}|${statSync(path).mtimeMs}|${settings.schema.source}|${settings.config.timezone}`;
    const loaded = this.loaded;
    if (loaded?.key === key && wanted.every((p) => loaded.properties.has(p))) return true;
    const properties = loaded?.key === key ? [...new Set([...loaded.properties, ...wanted])] : wanted;
    return this.load(path, key, properties, settings);
  }

  private async load(path: string, key: string, properties: string[], settings: LoadedSettings): Promise<boolean> {
    this.runner ??= new PreviewRunner();
    this.status = { state: 'loading', source: path };
    const started = performance.now();
    try {
      this.ctx.connection.console.info(`hslist preview: loading ${path} (${properties.length} properties)`);
      // Assumed: a HubSpot export's date-times are in the exporting user's zone; the workspace's
      // zone is our best knowledge of it.
      const { total, report } = await this.runner.load(path, settings.schema, properties, settings.config.timezone);
      this.loaded = { key, properties: new Set(properties), now: Date.now() };
      this.status = { state: 'ready', source: path, total };
      const { info, problems } = describeReport(report, performance.now() - started);
      this.ctx.connection.console.info(info);
      if (problems) this.ctx.connection.console.warn(problems);
      return true;
    } catch (e) {
      this.loaded = undefined;
      return this.unavailable('error', `hslist: the contact data ${path} cannot be read: ${e instanceof Error ? e.message : String(e)}`, 'warn');
    }
  }

  /** Records why there are no counts and says so once (not on every keystroke). */
  private unavailable(state: 'no-data' | 'error', message: string, level: 'info' | 'warn'): false {
    this.status = { state, message, ...(this.choice?.data.path ? { source: this.choice.data.path } : {}) };
    if (!this.announced.has(message)) {
      this.announced.add(message);
      // No data configured is a normal state: one line in the output channel, no pop-up. Data
      // that is configured but unreadable is a mistake worth a warning.
      if (level === 'info') {
        this.ctx.connection.console.info(message);
      } else {
        this.ctx.connection.console.warn(message);
        void this.ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      }
    }
    return false;
  }
}
