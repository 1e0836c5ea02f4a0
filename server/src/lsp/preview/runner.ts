// The language server's side of the editor preview worker (worker.ts here). `evaluate` calls
// supersede each other (an older one resolves as `cancelled`); `cancelRunning` lets an edit stop
// the running evaluation at once, before the debounced re-evaluation is sent.

import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Schema } from '../../language/schema-types';
import type { SourceReport } from '../../preview/types';
import type { FromWorker, ListPreview, ListScope, ToWorker } from './worker-messages';

type Pending = { resolve: (r: FromWorker) => void; reject: (e: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** dist/preview-worker.js next to the bundled server; worker.ts through tsx when running from source. */
function workerEntry(): { file: string; execArgv: string[] } {
  const bundled = join(__dirname, 'preview-worker.js');
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: join(__dirname, 'worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
}

export class PreviewRunner {
  private readonly worker: Worker;
  private readonly latest = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    const entry = workerEntry();
    this.worker = new Worker(entry.file, { execArgv: entry.execArgv, workerData: { latest: this.latest } });
    // The language server exits on `exit` without waiting for the worker.
    this.worker.unref();
    this.worker.on('message', (reply: FromWorker) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the preview worker exited (code ${code})`)));
  }

  async load(path: string, schema: Schema, properties: string[], exportZone: string): Promise<{ total: number; report: SourceReport }> {
    const r = expectReply(await this.send({ kind: 'load', path, schema, properties, exportZone }), 'loaded');
    return { total: r.total, report: r.report };
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

  async rows(name: string, scope: ListScope, offset: number, limit: number, search: string) {
    return expectReply(await this.send({ kind: 'rows', name, scope, offset, limit, search }), 'rows');
  }

  async exportCsv(name: string, scope: ListScope, search: string) {
    return expectReply(await this.send({ kind: 'export', name, scope, search }), 'csv');
  }

  async explain(name: string, scope: ListScope, contact: string) {
    return expectReply(await this.send({ kind: 'explain', name, scope, contact }), 'explained');
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private send(req: WithoutId<ToWorker>): Promise<FromWorker> {
    return this.sendWithId({ ...req, id: this.nextId++ } as ToWorker);
  }

  private sendWithId(req: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
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
