// Contact data for the plan's "who would enter, who would leave": `--data PATH|hubspot`, else
// hslist.json's `contacts`. Without data the plan still works and says what it cannot tell; a data
// source that fails is a note, never a failed plan (the plan itself does not depend on it).

import { workspaceMembers } from '../preview/members';
import { resolve } from 'node:path';
import { PreviewCancelled } from '../preview/hubspot/abort';
import { loadPreviewData, type DataSource, type PreviewWorkspace } from '../preview/run';
import { addImpacts } from '../publish/impact';
import type { Planned } from '../publish/session';
import type { CliIo } from './context';
import type { PublishCli } from './publish-context';
import { display } from './workspace-run';
import { workspaceLists } from '../language/definitions/resolve';

export interface DataFlags {
  data?: string;
  now: number;
  sample: number;
}

export async function addPlanImpacts(planned: Planned, cli: PublishCli, flags: DataFlags, io: CliIo, signal?: AbortSignal): Promise<void> {
  const source = dataSource(cli, flags, io);
  const lists = workspaceLists(cli.run.analysis);
  const workspace: PreviewWorkspace = { schema: cli.ctx.schema, lists, defaultTimezone: cli.ctx.config.timezone, root: cli.root, members: workspaceMembers(cli.run.analysis) };
  if (!source) {
    planned.plan.notes.push('no contact data, so who would enter and leave is not shown: pass --data PATH|hubspot or set "contacts" in hslist.json');
    return;
  }
  try {
    const loaded = await loadPreviewData(workspace, source.source, { now: () => flags.now, signal });
    if ('error' in loaded) {
      planned.plan.notes.push(`who would enter and leave is not shown: ${loaded.error}`);
      return;
    }
    const label = `${source.label} (${loaded.store.size.toLocaleString('en-US')} contacts)`;
    planned.plan.notes.push(...addImpacts(planned.plan, { data: loaded, workspace, source: label, now: flags.now, sampleSize: flags.sample }));
  } catch (error) {
    if (error instanceof PreviewCancelled) throw error;
    planned.plan.notes.push(`who would enter and leave is not shown: ${(error as Error).message}`);
  }
}

function dataSource(cli: PublishCli, flags: DataFlags, io: CliIo): { source: DataSource; label: string } | undefined {
  const config = cli.ctx.config;
  if (flags.data === 'hubspot' || (flags.data === undefined && config.liveContacts)) {
    return { source: { kind: 'hubspot', connection: cli.target.connection }, label: `HubSpot (${cli.account.host})` };
  }
  const path = flags.data !== undefined ? resolve(io.cwd, flags.data) : config.contacts;
  if (!path) return undefined;
  return { source: { kind: 'file', path, label: display(io.cwd, path) }, label: display(io.cwd, path) };
}
