// The editor's Salesforce side: once the preview has contacts and the workspace has a sync block and
// Salesforce data (the `hslist.salesforceData` setting, else `salesforce.records` of hslist.json: an export,
// or "org" for the connected org, sync-org.ts), the worker simulates the sync (worker-sync.ts). The summary feeds the code lens on the sync block, the panel's
// Salesforce tab and the data-aware checks (language/checks/sync-data.ts), which the diagnostics publisher
// adds to the sync block's file.

import { isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '@hslist/grammar';
import { checkInclusionListData, withSyncData } from '../../language/checks/sync-data';
import type { WorkspaceAnalysis } from '../../language/workspace';
import { mappingsByObject } from '../../sync/mappings';
import { syncProperties } from '../../sync/run';
import { syncSettingsOf, type SyncSettings } from '../../sync/settings';
import type { SyncSummary } from '../../sync/summary';
import type { ServerContext } from '../context';
import { describeError } from '../guard';
import type { PreviewRunner } from './runner';
import type { ListScope } from './worker-messages';
import { mappedFields } from '../../sync/mappings';
import { SALESFORCE_ORG_DATA } from './protocol';
import { OrgReader } from './sync-org';
import type { SalesforceSource } from './worker-messages';

const SAMPLES = 20;

export type SalesforceDataChoice = { path: string; label: string } | { org: true } | undefined;

async function settingValue(ctx: ServerContext): Promise<string | undefined> {
  try {
    const section = (await ctx.connection.workspace.getConfiguration('hslist')) as { salesforceData?: unknown } | null;
    const value = section?.salesforceData;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Where the editor reads Salesforce records; undefined when nothing names any. */
export async function chooseSalesforceData(ctx: ServerContext): Promise<SalesforceDataChoice> {
  const config = ctx.state.settings.config;
  const chosen = (await settingValue(ctx)) ?? config.salesforceRecords;
  if (chosen === undefined) return undefined;
  if (chosen.toLowerCase() === SALESFORCE_ORG_DATA) return { org: true };
  const path = isAbsolute(chosen) ? chosen : resolve(config.root, chosen);
  return { path, label: shown(config.root, path) };
}

/** A path as messages show it: relative to the workspace when inside it. */
export function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export function syncSettings(analysis: WorkspaceAnalysis): { settings: SyncSettings; path: string } | undefined {
  const sync = analysis.syncBlocks[0];
  return sync ? { settings: syncSettingsOf(sync.node), path: sync.path } : undefined;
}

export class SyncSide {
  summary: SyncSummary | undefined;
  /** Why there is no summary although Salesforce data is named (shown by the panel). */
  problem: string | undefined;
  private path: string | undefined;
  /** What the last simulation was of: settings, the workspace's text, the loaded data, the Salesforce data. */
  private lastKey: string | undefined;
  private lastData: unknown;
  private readonly org: OrgReader;

  /** `orgRead`: the org's records arrived (or could not be read): simulate again. */
  constructor(private readonly ctx: ServerContext, orgRead: () => void = () => undefined) {
    this.org = new OrgReader(ctx, () => {
      this.lastKey = undefined;
      orgRead();
    });
  }

  /** Reload, or the accounts changed: the org is read again on the next simulation. */
  readOrgAgain(): void {
    this.org.readAgain();
    this.lastKey = undefined;
  }

  /** Contact properties the simulation reads, to load with the lists' own. */
  extraProperties(): string[] {
    const sync = syncSettings(this.ctx.state.analysis());
    return sync ? syncProperties(mappingsByObject(sync.settings, this.ctx.state.settings.schema, undefined)) : [];
  }

  /** Simulates again on the loaded contacts (`data` names the load) when anything it reads changed; true when what is shown changed. */
  async update(runner: PreviewRunner, scope: ListScope, data: unknown, contactsLabel: string): Promise<boolean> {
    const analysis = this.ctx.state.analysis();
    const sync = syncSettings(analysis);
    const choice = sync ? await chooseSalesforceData(this.ctx) : undefined;
    const key = JSON.stringify([sync?.settings, choice, [...analysis.files.values()].map((f) => f.text), scope.now]);
    if (key === this.lastKey && data === this.lastData) return false;
    this.lastKey = key;
    this.lastData = data;
    const before = JSON.stringify([this.summary, this.problem]);
    this.summary = undefined;
    this.problem = undefined;
    this.path = sync?.path;
    if (!sync || !choice) return before !== JSON.stringify([this.summary, this.problem]);
    const records = await this.recordsSource(runner, sync.settings, choice);
    if ('problem' in records) this.problem = records.problem;
    else {
      try {
        const { config } = this.ctx.state.settings;
        this.summary = await runner.simulate({ settings: sync.settings, salesforce: records.source, salesforceLabel: records.label, contactsLabel: shown(config.root, contactsLabel), root: config.root, schemaLocation: config.schema, scope, sampleSize: SAMPLES });
      } catch (error) {
        this.problem = `the sync cannot be simulated on Salesforce ${records.label}: ${describeError(error)}`;
      }
    }
    return before !== JSON.stringify([this.summary, this.problem]);
  }

  private async recordsSource(runner: PreviewRunner, settings: SyncSettings, choice: NonNullable<SalesforceDataChoice>): Promise<{ source: SalesforceSource; label: string } | { problem: string }> {
    if ('path' in choice) return { source: { kind: 'file', path: choice.path }, label: choice.label };
    return this.org.source(runner, mappedFields(mappingsByObject(settings, this.ctx.state.settings.schema, undefined)));
  }

  forget(): void {
    this.summary = undefined;
    this.problem = undefined;
    this.lastKey = undefined;
  }

  /** The data-aware checks on the sync block's file, for the diagnostics publisher. */
  diagnostics(path: string, diagnostics: Diagnostic[], analysis: WorkspaceAnalysis): Diagnostic[] {
    if (!this.summary || path !== this.path) return diagnostics;
    const facts = this.summary.facts;
    const index = { files: [...analysis.files.values()], lists: analysis.lists, references: analysis.references, syncBlocks: analysis.syncBlocks, problems: [] };
    return [...withSyncData(diagnostics, facts), ...checkInclusionListData(index, facts).filter((d) => d.path === path)];
  }
}
