// Who would enter and who would leave each changed list, for "hslist: Plan" and Apply's question:
// judged on the preview's contact data (the hslist.contactData setting, else hslist.json's
// `contacts`: a file, or the live portal with the same connection as the plan). Loaded here, only when
// the user asks for a plan, under the plan's cancellable progress; a data source that fails or is
// cancelled becomes a note, never a failed plan (the plan does not depend on it).

import { workspaceMembers } from '../../preview/members';
import { relative } from 'node:path';
import type { HubSpotAccountOptions } from '../../hubspot/account/account';
import { PreviewCancelled } from '../../preview/hubspot/abort';
import { progressPercent, progressText, progressVerb } from '../../preview/progress-text';
import { loadPreviewData, type DataSource, type PreviewWorkspace } from '../../preview/run';
import { addImpacts } from '../../publish/impact';
import type { Planned } from '../../publish/session';
import type { ServerContext } from '../context';
import { chooseDataSource } from '../preview/data-source';
import type { CancellableWork } from './progress';
import { workspaceLists } from '../../language/definitions/resolve';

const NOT_SHOWN = 'who would enter and leave is not shown';

async function sourceOf(ctx: ServerContext, root: string, connection: HubSpotAccountOptions, host: string): Promise<{ source: DataSource; label: string } | undefined> {
  const choice = await chooseDataSource(ctx);
  if (choice.kind === 'none') return undefined;
  if (choice.kind === 'hubspot') return { source: { kind: 'hubspot', connection }, label: `HubSpot (${host})` };
  const label = relative(root, choice.path).startsWith('..') ? choice.path : relative(root, choice.path);
  return { source: { kind: 'file', path: choice.path, label, exportZone: ctx.state.settings.config.timezone }, label };
}

/** Fills each changed entry's impact, or adds a note saying why there is none. */
export async function judgeImpacts(ctx: ServerContext, planned: Planned, connection: HubSpotAccountOptions, host: string, work: CancellableWork): Promise<void> {
  const notes = planned.plan.notes;
  const { workspace } = planned;
  const chosen = await sourceOf(ctx, workspace.root, connection, host);
  if (!chosen) {
    notes.push(`no contact data, so ${NOT_SHOWN}: set "contacts" in hslist.json or the hslist.contactData setting (a contacts file, or "hubspot")`);
    return;
  }
  const lists = workspaceLists(workspace.analysis);
  const preview: PreviewWorkspace = { schema: workspace.schema, lists, defaultTimezone: workspace.defaultTimezone, root: workspace.root, members: workspaceMembers(workspace.analysis) };
  const now = Date.now();
  work.report(`Loading contacts from ${chosen.label}…`);
  try {
    const loaded = await loadPreviewData(preview, chosen.source, {
      now: () => now,
      signal: work.signal,
      onProgress: (p) => work.report(`${progressVerb(p)} ${progressText(p)}`, progressPercent(p)),
    });
    if ('error' in loaded) {
      notes.push(`${NOT_SHOWN}: ${loaded.error}`);
      return;
    }
    const source = `${chosen.label} (${loaded.store.size.toLocaleString('en-US')} contacts)`;
    notes.push(...addImpacts(planned.plan, { data: loaded, workspace: preview, source, now, sampleSize: 3 }));
  } catch (error) {
    if (error instanceof PreviewCancelled || work.signal.aborted) notes.push(`${NOT_SHOWN}: loading the contacts from ${chosen.label} was cancelled`);
    else notes.push(`${NOT_SHOWN}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
