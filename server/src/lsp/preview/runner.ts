// The language server's side of the editor preview worker (worker.ts here). `evaluate` calls
// supersede each other (an older one resolves as `cancelled`); `cancelRunning` lets an edit stop
// the running evaluation at once, before the debounced re-evaluation is sent. A load reports its
// progress through a callback and can be aborted.

import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Progress } from '../../preview/hubspot/fetch-contacts';
import type { RowsView } from './protocol';
import type { SyncSummary } from '../../sync/summary';
import type { FromWorker, ListPreview, ListScope, LoadRequest, OrgReadRequest, SimulateRequest, ToWorker } from './worker-messages';

type Pending = { resolve: (r: FromWorker) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type LoadOutcome = Extract<FromWorker, { kind: 'loaded' }> | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/**
 * dist/preview-worker.js next to the bundled server; worker.ts through tsx when running from source;
 * neither: a clear error instead of a worker that dies at start.
 */
export function workerEntry(dir: string = __dirname): { file: string; execArgv: string[] } {
  const bundled = join(dir, 'preview-worker.js');
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = join(dir, 'worker.ts');
  if (existsSync(source)) return { file: source, execArgv: ['--require', 'tsx/cjs'] };
  throw new Error(`The preview worker is missing: expected ${bundled}; rebuild with \`node scripts/build.mjs\`.`);
}

export class PreviewRunner {
  private readonly worker: Worker;
  private readonly latest = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(dir?: string) {
    const entry = workerEntry(dir);
    // The worker's stdout would otherwise join this process's stdout, which is the LSP stream under
    // --stdio: anything a library prints there would corrupt it. Both go to stderr (the log).
    this.worker = new Worker(entry.file, { execArgv: entry.execArgv, workerData: { latest: this.latest }, stdout: true, stderr: true });
    this.worker.stdout.pipe(process.stderr);
    this.worker.stderr.pipe(process.stderr);
    // The language server exits on `exit` without waiting for the worker.
    this.worker.unref();
    this.worker.on('message', (reply: FromWorker) => {
      const pending = this.pending.get(reply.id);
      if (reply.kind === 'progress') return pending?.onProgress?.(reply.progress);
      pending?.resolve(reply);
      this.pending.delete(reply.id);
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the preview worker exited (code ${code})`)));
  }

  /** Starts a load; `id` is what `abort` takes. Never rejects for bad data: the outcome says why. */
  load(request: LoadRequest, onProgress?: (p: Progress) => void): { id: number; outcome: Promise<LoadOutcome> } {
    const id = this.nextId++;
    const outcome = this.sendWithId({ kind: 'load', id, ...request }, onProgress).then((r): LoadOutcome => {
      if (r.kind === 'loaded' || r.kind === 'cancelled') return r;
      return { kind: 'failed', message: r.kind === 'failed' ? r.message : `unexpected reply "${r.kind}" from the preview worker` };
    });
    return { id, outcome };
  }

  async abort(load: number): Promise<void> {
    await this.send({ kind: 'abort', load });
  }

  async setMembers(name: string, listId: string, memberIds: string[]): Promise<void> {
    expectReply(await this.send({ kind: 'members', name, listId, memberIds }), 'done');
  }

  async forgetMembers(): Promise<void> {
    await this.send({ kind: 'forgetMembers' });
  }

  /** Counts, funnels and samples of the named lists; undefined when a newer evaluation overtook it. */
  async evaluate(names: string[], scope: ListScope, sampleSize = 5): Promise<ListPreview[] | undefined> {
    const id = this.cancelRunning();
    const r = await this.sendWithId({ kind: 'evaluate', id, names, scope, sampleSize });
    return r.kind === 'cancelled' ? undefined : expectReply(r, 'evaluated').previews;
  }

  /** Marks every evaluation sent so far as superseded; returns the id for the next one. */
  cancelRunning(): number {
    const id = this.nextId++;
    Atomics.store(this.latest, 0, id);
    return id;
  }

  async rows(name: string, scope: ListScope, offset: number, limit: number, search: string, view: RowsView = 'matches') {
    return expectReply(await this.send({ kind: 'rows', name, scope, offset, limit, search, view }), 'rows');
  }

  async exportCsv(name: string, scope: ListScope, search: string, view: RowsView = 'matches') {
    return expectReply(await this.send({ kind: 'export', name, scope, search, view }), 'csv');
  }

  async explain(name: string, scope: ListScope, contact: string) {
    return expectReply(await this.send({ kind: 'explain', name, scope, contact }), 'explained');
  }

  /** The sync block simulated on the loaded contacts and a Salesforce export or the org read before (worker-sync.ts). */
  async simulate(request: SimulateRequest): Promise<SyncSummary> {
    return expectReply(await this.send({ kind: 'simulate', request }), 'simulated').summary;
  }

  /** Reads the org's leads and contacts in the worker, kept under the request's key; rejects with Salesforce's sentence. */
  async readOrg(request: OrgReadRequest): Promise<number> {
    return expectReply(await this.send({ kind: 'readOrg', request }), 'orgRead').records;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private send(req: WithoutId<ToWorker>): Promise<FromWorker> {
    return this.sendWithId({ ...req, id: this.nextId++ } as ToWorker);
  }

  private sendWithId(req: ToWorker, onProgress?: (p: Progress) => void): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject, onProgress });
      this.worker.postMessage(req);
    });
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

function expectReply<K extends FromWorker['kind']>(r: FromWorker, kind: K): Extract<FromWorker, { kind: K }> {
  if (r.kind === kind) return r as Extract<FromWorker, { kind: K }>;
  throw new Error(r.kind === 'failed' ? r.message : `unexpected reply "${r.kind}" from the preview worker`);
}
