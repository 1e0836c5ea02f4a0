// The editor's preview worker thread (protocol: worker-messages.ts). It loads the contacts (a file,
// or the live portal with progress and cancellation), holds them with the engine's evaluator off the
// language server's message loop, and answers with counts, funnels, samples, enter/leave, pages of
// rows, CSV and explanations.

import { parentPort, workerData } from 'node:worker_threads';
import { EvaluationCancelled } from '../../preview/compiled';
import { PreviewCancelled } from '../../preview/hubspot/abort';
import { loadPreviewData, type DataSource } from '../../preview/run';
import type { FromWorker, ListPreview, ToWorker } from './worker-messages';
import { csvOf, pageOf, rowsOf } from './rows';
import { LoadedPreview } from './worker-lists';
import { readOrgInWorker, simulateInWorker } from './worker-sync';
import { popcount } from '../../preview/bitset';

const latest = (workerData as { latest: Int32Array }).latest;
let loaded: LoadedPreview | undefined;
/** The running load's id and its abort switch. */
const loads = new Map<number, AbortController>();
const PROGRESS_EVERY_MS = 200;

function post(reply: FromWorker): void {
  parentPort?.postMessage(reply);
}

async function load(req: Extract<ToWorker, { kind: 'load' }>): Promise<FromWorker> {
  const abort = new AbortController();
  loads.set(req.id, abort);
  // The old contacts go now: a live portal of 1M contacts must not be held twice while loading.
  loaded = undefined;
  let lastProgress = 0;
  const source: DataSource = req.source.kind === 'file'
    ? { kind: 'file', path: req.source.path, exportZone: req.source.exportZone }
    : { kind: 'hubspot', connection: req.source.connection };
  const workspace = { schema: req.schema, lists: req.scope.lists, defaultTimezone: req.defaultTimezone, root: req.root, members: req.scope.members };
  try {
    const data = await loadPreviewData(workspace, source, {
      now: () => req.scope.now,
      extraProperties: req.extraProperties,
      signal: abort.signal,
      onProgress: (progress) => {
        // Pages arrive fast from a local file; the editor needs a few updates a second, not thousands.
        const now = Date.now();
        if (now - lastProgress < PROGRESS_EVERY_MS && progress.total !== progress.done) return;
        lastProgress = now;
        post({ kind: 'progress', id: req.id, progress });
      },
    });
    if ('error' in data) return { kind: 'failed', id: req.id, message: data.error };
    loaded = new LoadedPreview(data, req.schema, req.defaultTimezone);
    const portalTimeZone = data.portal?.timeZone;
    const noValueCounts = Object.fromEntries([...data.store.columns].map(([name, col]) => [name, data.store.size - popcount(col.known)]));
    return { kind: 'loaded', id: req.id, total: data.store.size, report: data.report, noValueCounts, ...(data.refresh ? { refresh: data.refresh } : {}), ...(portalTimeZone ? { portalTimeZone } : {}) };
  } catch (e) {
    if (e instanceof PreviewCancelled || abort.signal.aborted) return { kind: 'cancelled', id: req.id };
    throw e;
  } finally {
    loads.delete(req.id);
  }
}

function evaluateLists(at: LoadedPreview, req: Extract<ToWorker, { kind: 'evaluate' }>): FromWorker {
  const previews: ListPreview[] = [];
  try {
    for (const name of req.names) {
      const found = at.plan(name, req.scope);
      if (!found) continue;
      const result = at.evaluator.evaluate(found.plan, { sampleSize: req.sampleSize, shouldStop: () => Atomics.load(latest, 0) > req.id });
      const columns = at.columns(found.plan);
      const sample = pageOf(at.store, rowsOf(at.evaluator.rows(found.plan).lo).subarray(0, req.sampleSize), columns, 0, req.sampleSize);
      const diff = at.diff(name, found.plan);
      previews.push({ name, result, sample, columns, ...(diff ? { diff } : {}) });
    }
  } catch (e) {
    if (e instanceof EvaluationCancelled) return { kind: 'cancelled', id: req.id };
    throw e;
  }
  return { kind: 'evaluated', id: req.id, previews };
}

function withList(at: LoadedPreview, req: Extract<ToWorker, { kind: 'rows' | 'export' | 'explain' }>): FromWorker {
  const found = at.plan(req.name, req.scope);
  if (!found) return { kind: 'failed', id: req.id, message: `There is no list named "${req.name}" in the workspace.` };
  if (req.kind === 'explain') return { kind: 'explained', id: req.id, ...at.explain(found.plan, req.contact) };
  const rows = at.viewRows(req.name, found.plan, req.view, req.search);
  if ('error' in rows) return { kind: 'failed', id: req.id, message: rows.error };
  if (req.kind === 'export') return { kind: 'csv', id: req.id, csv: csvOf(at.store, rows), rows: rows.length };
  const columns = at.columns(found.plan);
  return { kind: 'rows', id: req.id, matches: rows.length, columns, rows: pageOf(at.store, rows, columns, req.offset, req.limit) };
}

async function handle(req: ToWorker): Promise<FromWorker> {
  switch (req.kind) {
    case 'load':
      return load(req);
    case 'abort':
      loads.get(req.load)?.abort();
      return { kind: 'done', id: req.id };
    case 'readOrg': {
      const read = await readOrgInWorker(req.request);
      return 'error' in read ? { kind: 'failed', id: req.id, message: read.error } : { kind: 'orgRead', id: req.id, records: read.records };
    }
  }
  if (!loaded) return { kind: 'failed', id: req.id, message: 'No contacts are loaded yet.' };
  switch (req.kind) {
    case 'members':
      loaded.setMembers(req.name, req.listId, req.memberIds);
      return { kind: 'done', id: req.id };
    case 'forgetMembers':
      loaded.forgetMembers();
      return { kind: 'done', id: req.id };
    case 'evaluate':
      if (Atomics.load(latest, 0) > req.id) return { kind: 'cancelled', id: req.id };
      return evaluateLists(loaded, req);
    case 'simulate': {
      const simulated = await simulateInWorker(loaded, req.request);
      return 'error' in simulated ? { kind: 'failed', id: req.id, message: simulated.error } : { kind: 'simulated', id: req.id, summary: simulated.summary };
    }
    default:
      return withList(loaded, req);
  }
}

parentPort?.on('message', (req: ToWorker) => {
  handle(req).then(post, (e: unknown) => post({ kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) }));
});
