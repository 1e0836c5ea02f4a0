// `hslist preview FILE [--list NAME] [--data PATH|hubspot] [--sample N] [--explain EMAIL|ID [--salesforce PATH|org]]
// [--json] [--now ISO]`: how many contacts each list of the file would hold, clause by clause, on a contacts
// file or the live portal; when the list is published and HubSpot is connected, who would enter and leave;
// with Salesforce data, the explained contact's Salesforce side (preview-salesforce.ts).
// Exit 0 ok, 1 problems in the file or the data, 2 bad usage, 130 cancelled (Ctrl-C).

import { dirname, resolve } from 'node:path';
import { accountSettingsFromEnv, openAccounts, type HubSpotSettings } from '../accounts';
import { HubSpotAccountError } from '../hubspot/account/errors';
import { findConfigRoot } from '../config/workspace-config';
import { PreviewCancelled } from '../preview/hubspot/abort';
import { CACHE_DIR } from '../preview/hubspot/cache-files';
import { loadPreviewData, previewList, zoneNote, type DataSource, type PreviewData, type PreviewWorkspace } from '../preview/run';
import { hubSpotHostLine } from './account-hosts';
import { UsageError, type ParsedArgs } from './args';
import { loadCommandContext, type CliIo } from './context';
import { renderProblems } from './problems';
import { analyzeSources, display, requireOneFile } from './workspace-run';
import { listReport, publishedComparison } from './preview-build';
import { progressReporter } from './preview-progress';
import { isInclusionList } from '../preview/inclusion';
import { renderText, type PreviewReport } from './preview-report';
import { parsePreviewFlags, type PreviewFlags } from './preview-flags';
import { salesforceSide, salesforceSideProperties, salesforceSideSettings } from './preview-salesforce';
import { dataSource } from './data-source';
import { workspaceMembers } from '../preview/members';
import { workspaceLists } from '../language/definitions/resolve';

export async function runPreview(args: ParsedArgs, io: CliIo): Promise<number> {
  const flags = parsePreviewFlags(args);
  const file = resolve(io.cwd, flags.file);
  requireOneFile(io.cwd, file, 'hslist preview FILE [--list NAME] [--data PATH|hubspot] …', '--data');
  const ctx = loadCommandContext(dirname(file), flags.schema, io.cwd);
  const root = findConfigRoot(dirname(file)) ?? dirname(file);
  const run = analyzeSources([root, file], ctx, io.cwd);
  const analysis = run.analysis.files.get(file);
  const ownProblems = run.problems.filter((p) => p.file === display(io.cwd, file));
  if (ownProblems.length > 0) io.err(renderProblems(ownProblems, 'text'));
  const errors = ownProblems.filter((p) => p.severity === 'error').length;
  if (!analysis || errors > 0) {
    // Name what stops it: "the problems above" only when some are above.
    const why = errors > 0 ? `fix the ${errors === 1 ? 'error' : `${errors} errors`} above first` : 'it was not read as a file of lists';
    io.err(`${display(io.cwd, file)}: not previewed, ${why}.\n`);
    return 1;
  }
  const lists = analysis.tree.lists.filter((l) => flags.list === undefined || l.name.text.toLowerCase() === flags.list.toLowerCase());
  if (flags.list !== undefined && lists.length === 0) {
    const names = analysis.tree.lists.map((l) => `"${l.name.text}"`).join(', ') || 'none';
    throw new UsageError(`${display(io.cwd, file)} has no list named "${flags.list}" (its lists: ${names}).`);
  }
  const workspace: PreviewWorkspace = { schema: ctx.schema, lists: workspaceLists(run.analysis), defaultTimezone: ctx.config.timezone, root, members: workspaceMembers(run.analysis) };
  const env = accountSettingsFromEnv(io.env);
  const source = dataSource(flags, ctx.config, env, io.cwd);
  // Checked before any work: hslist.json naming another host than the credentials' refuses the command.
  const announceHubSpot = hubSpotAnnouncer(env.settings.hubspot, ctx.config, io);
  if (source.kind === 'hubspot') announceHubSpot();
  const syncSettings = salesforceSideSettings(run, flags, io, ctx.config);
  const loaded = await loadWithProgress(workspace, source, flags, io, salesforceSideProperties(syncSettings, ctx));
  if (typeof loaded === 'number') return loaded;
  const note = zoneNote(loaded.portal?.timeZone, ctx.config);
  const data = { kind: loaded.kind, ...loaded.report, ...(loaded.refresh ? { refresh: loaded.refresh } : {}), ...(loaded.portal ? { portal: loaded.portal } : {}), ...(note ? { zoneNote: note } : {}) };
  const report: PreviewReport = { file: display(io.cwd, file), data, lists: [] };
  const hubspot = openAccounts(env.settings).hubspot;
  if (hubspot) announceHubSpot();
  for (const list of lists) {
    const preview = previewList(workspace, loaded, list.name.text, { now: flags.now, sampleSize: flags.sample, explain: flags.explain });
    if ('error' in preview) throw new UsageError(preview.error);
    const entry = listReport(preview, analysis, flags.explain);
    const published = hubspot && (await publishedComparison(hubspot, preview, list, isInclusionList(run.analysis.syncBlocks, list.name.text), flags.sample));
    if (published) entry.published = published;
    report.lists.push(entry);
  }
  if (syncSettings) report.salesforce = await salesforceSide(syncSettings, workspace, loaded, ctx, flags, io);
  io.out(flags.json ? JSON.stringify(report, null, 2) + '\n' : renderText(report));
  return loaded.report.rowsRejected > 0 ? 1 : 0;
}


/** Prints "HubSpot: <host>" on stderr before the first HubSpot call (once), after checking the host rule. */
function hubSpotAnnouncer(hubspot: HubSpotSettings | undefined, config: { hubspotBaseUrl?: string }, io: CliIo): () => void {
  const line = hubspot ? hubSpotHostLine(hubspot, config) : undefined;
  let said = false;
  return () => {
    if (line === undefined || said) return;
    said = true;
    io.err(`${line}\n`);
  };
}

/** Loads with a progress display on stderr; Ctrl-C cancels (exit 130) and a failed load exits 1. */
async function loadWithProgress(workspace: PreviewWorkspace, source: DataSource, flags: PreviewFlags, io: CliIo, extraProperties: string[]): Promise<PreviewData | number> {
  // Only the real process (runCliProcess passes process.env itself) owns the terminal and its Ctrl-C.
  const own = io.env === process.env;
  const progress = progressReporter(io.err, own && process.stderr.isTTY === true);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  if (own) process.on('SIGINT', onSigint);
  try {
    const loaded = await loadPreviewData(workspace, source, { now: () => flags.now, signal: controller.signal, extraProperties, onProgress: (p) => progress.update(p) });
    progress.done();
    if ('error' in loaded) {
      io.err(`hslist preview: ${loaded.error}.\n`);
      return 1;
    }
    return loaded;
  } catch (error) {
    progress.done();
    if (error instanceof PreviewCancelled) {
      io.err(`hslist preview: cancelled; nothing was written to ${CACHE_DIR}.\n`);
      return 130;
    }
    if (error instanceof HubSpotAccountError) {
      io.err(`hslist preview: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    if (own) process.off('SIGINT', onSigint);
  }
}
