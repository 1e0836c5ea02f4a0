// Which contact data the editor preview has loaded, and loading it again when it no longer fits: the
// source changed (setting, hslist.json, schema, time zone, the file on disk) or the lists read data
// the loaded snapshot lacks. Loads show an LSP work-done progress that the user can cancel (the
// VS Code client shows it as a notification with Cancel). A load that failed or was cancelled is not
// retried on every keystroke: only a reload, a settings change or an account change tries again.

import { existsSync, statSync } from 'node:fs';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { ListNode } from '@hslist/grammar';
import { coversNeeds, type DataNeeds } from '../../preview/hubspot/needs';
import { progressPercent, progressText, progressVerb } from '../../preview/progress-text';
import { workspaceNeeds, zoneNote } from '../../preview/run';
import type { ServerContext } from '../context';
import type { LoadedSettings } from '../schema-loader';
import { chooseDataSource, describeReport, type DataChoice } from './data-source';
import { askHubSpotConnection } from './live-connection';
import type { PreviewStatus } from './protocol';
import { PreviewRunner } from './runner';
import type { WorkerSource } from './worker-messages';

export const NO_DATA_MESSAGE = 'hslist: no contact data for previews, so no counts are shown. Set "contacts" in hslist.json or the hslist.contactData setting to a contact export (CSV, JSON or NDJSON), or to "hubspot" for the live portal.';
export const RELOAD_HINT = 'Run "hslist: Reload preview contact data" to load them.';

interface Loaded {
  key: string;
  needs: DataNeeds;
  now: number;
  kind: 'file' | 'hubspot';
}

interface Wanted {
  key: string;
  source: WorkerSource;
  label: string;
}

export class DataLoader {
  status: PreviewStatus = { state: 'no-data' };
  runner: PreviewRunner | undefined;
  loaded: Loaded | undefined;
  private choice: { settings: LoadedSettings; data: DataChoice } | undefined;
  /** The source key whose last load failed or was cancelled: not tried again until `forget`. */
  private stuck: string | undefined;
  private readonly announced = new Set<string>();

  /** `extraProperties`: contact properties to load besides the lists' (the sync block's mapped ones). */
  constructor(private readonly ctx: ServerContext, private readonly extraProperties: () => string[] = () => []) {}

  /** Read the source again next time, and try a failed or cancelled load again. */
  forget(): void {
    this.choice = undefined;
    this.loaded = undefined;
    this.ctx.publisher.setNoValueCounts(undefined);
    this.stuck = undefined;
    this.announced.clear();
  }

  /** True when the data the lists need is loaded (loading it first when needed). */
  async ensure(lists: ListNode[]): Promise<boolean> {
    const settings = this.ctx.state.settings;
    if (this.choice?.settings !== settings) {
      // New settings (hslist.json, the schema): a failed or cancelled load may now succeed.
      this.choice = { settings, data: await chooseDataSource(this.ctx) };
      this.stuck = undefined;
    }
    const choice = this.choice.data;
    if (choice.kind === 'none') return this.unavailable('no-data', NO_DATA_MESSAGE, 'info');
    if (choice.kind === 'file' && !existsSync(choice.path)) return this.unavailable('error', `hslist: the contact data ${choice.path} (from ${choice.origin}) does not exist, so no counts are shown.`, 'warn');
    const now = this.loaded?.now ?? Date.now();
    const needs = this.needsOf(lists, settings, now);
    const partialKey = choice.kind === 'file' ? `file|${choice.path}|${statSync(choice.path).mtimeMs}` : `hubspot|${choice.origin}|${choice.host}`;
    const baseKey = `${partialKey}|${settings.schema.source}|${settings.config.timezone}`;
    if (this.loaded?.key.startsWith(baseKey) && covers(this.loaded, needs)) return true;
    if (this.stuck === baseKey) return false;
    const wanted = await this.wanted(choice, baseKey);
    if (!wanted) return false;
    return this.load(wanted, lists, settings, baseKey);
  }

  /**
   * False when the workspace now needs more than the load read: a sync block (or list) that arrived while
   * it ran. The caller loads again rather than simulate on data without the block's properties.
   */
  stillCovers(lists: ListNode[]): boolean {
    return this.loaded === undefined || covers(this.loaded, this.needsOf(lists, this.ctx.state.settings, this.loaded.now));
  }

  /** The worker source; for the live portal this asks the client for the connection. */
  private async wanted(choice: Exclude<DataChoice, { kind: 'none' }>, key: string): Promise<Wanted | undefined> {
    if (choice.kind === 'file') {
      // Assumed: a HubSpot export's date-times are in the exporting user's zone; the workspace's zone is our best knowledge of it.
      return { key, source: { kind: 'file', path: choice.path, exportZone: this.ctx.state.settings.config.timezone }, label: choice.path };
    }
    const live = await askHubSpotConnection(this.ctx);
    if ('unavailable' in live) {
      this.stuck = key;
      this.unavailable('error', `hslist: the preview reads the live HubSpot portal (${choice.origin} is "hubspot"), but ${live.unavailable}.`, 'warn');
      return undefined;
    }
    return { key: `${key}|${live.host}`, source: { kind: 'hubspot', connection: live.options }, label: `HubSpot (${live.host})` };
  }

  private async load(wanted: Wanted, lists: ListNode[], settings: LoadedSettings, baseKey: string): Promise<boolean> {
    this.runner ??= new PreviewRunner();
    const kind = wanted.source.kind;
    this.status = { state: 'loading', source: wanted.label, kind };
    const started = performance.now();
    const now = Date.now();
    this.ctx.connection.console.info(`hslist preview: loading contacts from ${wanted.label}`);
    // The needs are taken before the load, with the extra properties the request carries: the sync block
    // may appear while the load runs, and needs taken after it would claim properties never loaded.
    const extraProperties = this.extraProperties();
    const needs = this.needsOf(lists, settings, now, extraProperties);
    const request = { source: wanted.source, schema: settings.schema, defaultTimezone: settings.config.timezone, root: settings.config.root, scope: { lists, now }, extraProperties };
    const outcome = await this.withProgress(`hslist: loading contacts from ${wanted.label}`, (report) => this.runner!.load(request, report));
    if (outcome.kind === 'cancelled') {
      this.stuck = baseKey;
      this.loaded = undefined;
      return this.unavailable('cancelled', `hslist: loading contacts from ${wanted.label} was cancelled, so no counts are shown. ${RELOAD_HINT}`, 'info', wanted.label);
    }
    if (outcome.kind === 'failed') {
      this.stuck = baseKey;
      this.loaded = undefined;
      return this.unavailable('error', `hslist: the contact data ${wanted.label} cannot be read: ${outcome.message}`, 'warn', wanted.label);
    }
    this.loaded = { key: wanted.key, needs, now, kind };
    const note = zoneNote(outcome.portalTimeZone, settings.config);
    this.status = { state: 'ready', source: wanted.label, kind, total: outcome.total, ...(note ? { note } : {}) };
    this.ctx.publisher.setNoValueCounts({ total: outcome.total, counts: outcome.noValueCounts });
    if (note) this.ctx.connection.console.info(`hslist preview: ${note}`);
    const { info, problems } = describeReport(outcome.report, performance.now() - started);
    const refresh = outcome.refresh ? ` (${outcome.refresh.mode} refresh: ${outcome.refresh.reason}; ${outcome.refresh.fetched.toLocaleString('en-US')} fetched${outcome.refresh.via === 'export' ? " through HubSpot's CRM export" : ''})` : '';
    this.ctx.connection.console.info(info + refresh);
    if (problems) this.ctx.connection.console.warn(problems);
    // What the source read but tied to no contact (the live portal's email events of strangers).
    for (const n of outcome.report.notes ?? []) this.ctx.connection.console.info(`hslist preview: ${n}.`);
    return true;
  }

  /** What the lists read, plus the extra properties the schema knows (as loadPreviewData adds them). */
  private needsOf(lists: ListNode[], settings: LoadedSettings, now: number, extraProperties = this.extraProperties()): DataNeeds {
    const needs = workspaceNeeds({ schema: settings.schema, lists, defaultTimezone: settings.config.timezone }, now);
    const extra = extraProperties.filter((p) => settings.schema.objects.contacts.has(p) && !needs.contactProperties.includes(p));
    return extra.length === 0 ? needs : { ...needs, contactProperties: [...needs.contactProperties, ...extra].sort() };
  }

  /** Runs a load under a cancellable work-done progress; Cancel aborts the load in the worker. */
  private async withProgress(title: string, start: (report: Parameters<PreviewRunner['load']>[1]) => ReturnType<PreviewRunner['load']>) {
    const progress = await this.ctx.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(title, 0, 'Starting…', true);
    const load = start((p) => progress?.report(progressPercent(p) ?? 0, `${progressVerb(p)} ${progressText(p)}`));
    const subscription = progress?.token.onCancellationRequested(() => void this.runner?.abort(load.id));
    try {
      return await load.outcome;
    } finally {
      subscription?.dispose();
      progress?.done();
    }
  }

  /** Records why there are no counts and says so once (not on every keystroke). */
  private unavailable(state: 'no-data' | 'error' | 'cancelled', message: string, level: 'info' | 'warn', label?: string): false {
    this.ctx.publisher.setNoValueCounts(undefined);
    const source = label ?? (this.choice?.data.kind === 'file' ? this.choice.data.path : this.choice?.data.kind === 'hubspot' ? 'HubSpot' : undefined);
    this.status = { state, message, ...(source ? { source } : {}), ...(this.choice && this.choice.data.kind !== 'none' ? { kind: this.choice.data.kind } : {}) };
    if (!this.announced.has(message)) {
      this.announced.add(message);
      // No data configured, or a load the user cancelled, is a normal state: one line in the output
      // channel, no pop-up. Data that is configured but unreadable is a mistake worth a warning.
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

/** A file can only give contact properties; the live portal gives memberships, companies and history too. */
function covers(loaded: Loaded, needs: DataNeeds): boolean {
  return coversNeeds(loaded.needs, loaded.kind === 'file' ? { ...loaded.needs, contactProperties: needs.contactProperties } : needs);
}
