// A full snapshot through HubSpot's CRM exports instead of contact pages (issue 15): start an export of
// every contact with the properties the lists read, wait for it (its status read with growing pauses),
// check what HubSpot says it holds, download the file from HubSpot's file host (without the token) into
// the cache folder, and read it into the same columns the pages fill. Any failure is an ExportNotUsed
// carrying HubSpot's answer or the file's problem, for the caller to read the pages instead: a store
// is returned only when every row the export holds was read and checked.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HubSpotAccountError } from '../../hubspot/account/errors';
import type { PropertyDef } from '../../language/schema-types';
import type { ColumnStore } from '../columns';
import { releaseTemp, trackTemp } from '../../files/temp-files';
import { checkPreviewSize } from '../store-limits';
import { PreviewCancelled, throwIfAborted, untilAborted } from './abort';
import { keepFolderOutOfGit } from './cache-files';
import { forgetExport, rememberExport, resumableExport } from './export-pending';
import { ExportFileError, readExportParts } from './export-file';
import { ExportRows, ID_COLUMN, MODIFIED_COLUMN } from './export-rows';
import { inIdOrder, type FetchContext, type FetchedContacts } from './fetch-contacts';

export interface ExportPolicy {
  /** The fewest contacts an export is used for: below, pages (one request per 100 contacts) cost little. */
  minContacts: number;
  /**
   * The first pause between status reads; each next pause doubles, up to `maxPollMs`: 5 s, since a
   * million contacts' export ready just after a read waited for the next one (10 s then: 25 s in all for
   * an export ready at 16 s), and a status read a few seconds is nothing against the rate limit.
   */
  pollMs: number;
  maxPollMs: number;
  /** The longest wait for the export: this, or the time the pages would take at 10 requests a second if longer. */
  minWaitMs: number;
}

export const EXPORT_POLICY: ExportPolicy = { minContacts: 100_000, pollMs: 1_000, maxPollMs: 5_000, minWaitMs: 120_000 };

/** Where a user turns exports off (`off`) or sets the fewest contacts they are used for. */
export const EXPORTS_VARIABLE = 'HSLIST_HUBSPOT_EXPORTS';

/**
 * The policy `HSLIST_HUBSPOT_EXPORTS` asks for: `off` (never: an export shows in the portal's export log
 * and counts toward its 30 a day), a number of contacts, or the default when unset. Anything else is an
 * error, never a silently ignored setting.
 */
export function exportPolicyFrom(env: NodeJS.ProcessEnv): ExportPolicy | false {
  const value = env[EXPORTS_VARIABLE]?.trim();
  if (value === undefined || value === '') return EXPORT_POLICY;
  if (value.toLowerCase() === 'off') return false;
  if (/^\d+$/.test(value)) return { ...EXPORT_POLICY, minContacts: Number(value) };
  throw new BadExportsSetting(`${EXPORTS_VARIABLE} must be "off" or the fewest contacts a full fetch uses HubSpot's CRM export for (such as 100000); it is "${value}".`);
}

export class BadExportsSetting extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadExportsSetting';
  }
}

/** Why the export was set aside; the message quotes HubSpot's answer or the file's problem. */
export class ExportNotUsed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportNotUsed';
  }
}

/** The export was still being prepared when the wait ended: HubSpot goes on with it, and the next full fetch may read it (export-pending.ts). */
class ExportNotReady extends ExportNotUsed {}

/** How long to wait for an export of `total` contacts before reading the pages instead. */
export function exportDeadlineMs(total: number, policy: ExportPolicy): number {
  return Math.max(policy.minWaitMs, Math.ceil(total / 100) * 100);
}

export async function fetchViaExport(ctx: FetchContext, defs: PropertyDef[], total: number, cacheDir: string, policy: ExportPolicy): Promise<FetchedContacts> {
  try {
    return await exportAndRead(ctx, defs, total, cacheDir, policy);
  } catch (error) {
    throw notUsedOf(error) ?? error;
  }
}

/** Why an export failed, when it did (HubSpot's answer, the file's problem); undefined for anything else (a cancelled preview). */
function notUsedOf(error: unknown): ExportNotUsed | undefined {
  if (error instanceof ExportNotUsed) return error;
  if (error instanceof HubSpotAccountError || error instanceof ExportFileError) return new ExportNotUsed(error.message);
  return undefined;
}

/**
 * The export an earlier run left unread when it may be taken up (export-pending.ts), else a new one;
 * an export is remembered from its start until it is read or has failed, and kept when the preview is
 * cancelled. A taken-up export that fails makes way for a new one, not for the pages.
 */
async function exportAndRead(ctx: FetchContext, defs: PropertyDef[], total: number, cacheDir: string, policy: ExportPolicy): Promise<FetchedContacts> {
  const asked = [...new Set([ID_COLUMN, MODIFIED_COLUMN, ...defs.map((d) => d.name)])];
  const now = ctx.clock ?? Date.now;
  const resumable = ctx.portalId !== undefined ? resumableExport(cacheDir, ctx.portalId, asked, now()) : undefined;
  if (resumable) {
    try {
      return await settled(cacheDir, readExport(ctx, resumable.taskId, asked, defs, total, cacheDir, policy, resumable.startedAt));
    } catch (error) {
      // Still not ready: a new one would not be sooner (HubSpot prepares one export at a time).
      const notUsed = notUsedOf(error);
      if (!notUsed || notUsed instanceof ExportNotReady) throw error;
    }
  }
  const startedAt = now();
  const taskId = await untilAborted(ctx.account.startContactsExport(asked, `hslist preview ${new Date(startedAt).toISOString()}`), ctx.signal);
  if (ctx.portalId !== undefined) {
    keepFolderOutOfGit(cacheDir);
    rememberExport(cacheDir, { portalId: ctx.portalId, taskId, properties: asked, startedAt });
  }
  return settled(cacheDir, readExport(ctx, taskId, asked, defs, total, cacheDir, policy));
}

/** The export's outcome; once it is read or has failed there is nothing to take up (one cancelled, or not ready in time, is left to the next run). */
async function settled(cacheDir: string, reading: Promise<FetchedContacts>): Promise<FetchedContacts> {
  try {
    const read = await reading;
    forgetExport(cacheDir);
    return read;
  } catch (error) {
    if (!(error instanceof PreviewCancelled || error instanceof ExportNotReady)) forgetExport(cacheDir);
    throw error;
  }
}

/** Waits for export `taskId`, then downloads and reads its file; `startedAt`: when an earlier run started it (the contacts are as of then). */
async function readExport(ctx: FetchContext, taskId: string, asked: string[], defs: PropertyDef[], total: number, cacheDir: string, policy: ExportPolicy, startedAt?: number): Promise<FetchedContacts> {
  ctx.whileWaiting?.();
  const url = await waitForFile(ctx, taskId, exportDeadlineMs(total, policy), policy);
  const details = await untilAborted(ctx.account.exportDetails(taskId), ctx.signal);
  if (details.exportState !== 'DONE') throw new ExportNotUsed(`HubSpot's status of export ${taskId} was COMPLETE, but its details say ${details.exportState}`);
  if (details.recordCount === undefined) throw new ExportNotUsed(`HubSpot did not say how many records export ${taskId} holds, so its file could not be checked`);
  if (details.recordCount < total - Math.max(100, Math.ceil(total / 100))) {
    throw new ExportNotUsed(`HubSpot's export ${taskId} holds ${details.recordCount.toLocaleString('en-US')} contacts where the portal counts ${total.toLocaleString('en-US')}: not every contact`);
  }
  // A portal past what a preview holds is refused before its file is downloaded, as the pages would refuse it.
  checkPreviewSize(details.recordCount);
  const rows = new ExportRows(asked, defs, details.recordCount);
  await downloadAndRead(ctx, url, rows, cacheDir);
  if (rows.rows !== details.recordCount) {
    throw new ExportNotUsed(`HubSpot's export file holds ${rows.rows.toLocaleString('en-US')} rows where HubSpot said ${details.recordCount.toLocaleString('en-US')} records: it is incomplete`);
  }
  ctx.relieveHeap?.();
  const store = inOrderWithoutRepeats(await rows.builder.finishInTurns(ctx.relieveHeap), rows.sorted, defs);
  return { store, history: undefined, newestModified: rows.newestModified, ...(startedAt !== undefined ? { asOf: startedAt } : {}) };
}

/** The file's URL once the export is COMPLETE; ExportNotUsed when it ends otherwise or takes longer than `deadlineMs`. */
async function waitForFile(ctx: FetchContext, taskId: string, deadlineMs: number, policy: ExportPolicy): Promise<string> {
  const started = Date.now();
  let pause = policy.pollMs;
  for (;;) {
    const status = await untilAborted(ctx.account.exportStatus(taskId), ctx.signal);
    const waited = Date.now() - started;
    ctx.onProgress?.({ phase: 'export', done: Math.round(waited / 1000), exportStatus: status.status });
    if (status.status === 'COMPLETE') {
      if (status.url) return status.url;
      throw new ExportNotUsed(`HubSpot's export ${taskId} is COMPLETE but its status gives no file URL`);
    }
    if (status.status !== 'PENDING' && status.status !== 'PROCESSING') {
      const said = status.errors.length > 0 ? `: ${status.errors.join('; ')}` : '';
      throw new ExportNotUsed(`HubSpot's export ${taskId} ended ${status.status}${said}`);
    }
    if (waited + pause > deadlineMs) {
      throw new ExportNotReady(`HubSpot's export ${taskId} was still ${status.status} after ${Math.round(waited / 1000)} s, the longest hslist waits before reading the pages instead`);
    }
    await pauseFor(pause, ctx.signal);
    pause = Math.min(policy.maxPollMs, pause * 2);
  }
}

/** The file goes to a temporary in the cache folder (git-ignored: it holds contacts) and is removed whatever happens. */
async function downloadAndRead(ctx: FetchContext, url: string, rows: ExportRows, cacheDir: string): Promise<void> {
  keepFolderOutOfGit(cacheDir);
  const file = join(cacheDir, `hubspot-export.download.${process.pid}.tmp`);
  trackTemp(file);
  try {
    await untilAborted(ctx.account.downloadExport(url, file), ctx.signal);
    throwIfAborted(ctx.signal);
    const report = () => ctx.onProgress?.({ phase: 'exportFile', done: rows.rows, total: rows.maxRows });
    report();
    await readExportParts(file, (part) => {
      const sink = rows.sinkFor(part);
      return { push: (text) => (sink.push(text), report()), end: () => sink.end() };
    }, ctx.signal);
    report();
  } finally {
    rmSync(file, { force: true });
    releaseTemp(file);
  }
}

/** The store in id order; a record id that came twice makes the file unusable (which row holds the contact?). */
function inOrderWithoutRepeats(built: ColumnStore, sorted: boolean, defs: PropertyDef[]) {
  if (sorted) return built;
  const store = inIdOrder(built, defs);
  for (let row = 1; row < store.size; row++) {
    if (store.ids.at(row) === store.ids.at(row - 1)) throw new ExportNotUsed(`HubSpot's export file holds record id ${store.ids.at(row)} twice`);
  }
  return store;
}

function pauseFor(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new PreviewCancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new PreviewCancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
