// The caller's side of the preview worker, used by the language server and the CLI. Every
// evaluate/explain supersedes the ones before it: they resolve as `{ cancelled: true }`.

import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ListNode } from '../../../grammar/src/ast';
import type { Schema } from '../language/schema-types';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import type { PreviewResult } from './result-types';
import type { ExplainNode } from './explain';
import type { SourceReport } from './types';
import type { SourceOptions } from './sources/csv';

export type Cancelled = { cancelled: true };
type Pending = { resolve: (r: WorkerReply) => void; reject: (e: Error) => void };

/**
 * The worker's file: `worker.js` next to the code that uses it (a build puts dist/worker.js next to
 * dist/server.js and dist/cli.js, which bundle this client, so `__dirname` is dist/), or `worker.ts`
 * through tsx when running from source. Neither: a clear error instead of a worker that dies at start.
 */
export function workerEntry(dir: string = __dirname): { file: string; execArgv: string[] } {
  const js = join(dir, 'worker.js');
  if (existsSync(js)) return { file: js, execArgv: [] };
  const ts = join(dir, 'worker.ts');
  if (existsSync(ts)) return { file: ts, execArgv: ['--require', 'tsx/cjs'] };
  throw new Error(`The preview worker is missing: expected ${js} next to ${dir === __dirname ? 'this bundle' : dir}; rebuild with \`node scripts/build.mjs\`.`);
}

export class PreviewWorker {
  private readonly worker: Worker;
  private readonly latest = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `dir`: where to look for the worker (default: next to this code). */
  constructor(dir?: string) {
    const entry = workerEntry(dir);
    this.worker = new Worker(entry.file, { execArgv: entry.execArgv, workerData: { latest: this.latest } });
    this.worker.on('message', (reply: WorkerReply) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the preview worker exited (code ${code})`)));
  }

  async loadSnapshot(path: string): Promise<{ total: number }> {
    const r = await this.send({ kind: 'loadSnapshot', id: this.nextId++, path });
    return { total: expect(r, 'loaded').total };
  }

  async loadSource(path: string, schema: Schema, properties: string[], options: SourceOptions = {}, snapshotPath?: string): Promise<{ total: number; report: SourceReport | undefined }> {
    const r = expect(await this.send({ kind: 'loadSource', id: this.nextId++, path, schema, properties, options, snapshotPath }), 'loaded');
    return { total: r.total, report: r.report };
  }

  async evaluate(schema: Schema, list: ListNode, lists: ListNode[], now: number, sampleSize?: number): Promise<PreviewResult | Cancelled> {
    const id = this.supersede();
    const r = await this.send({ kind: 'evaluate', id, schema, list, lists, now, sampleSize });
    return r.kind === 'cancelled' ? { cancelled: true } : expect(r, 'result').result;
  }

  async explain(schema: Schema, list: ListNode, lists: ListNode[], now: number, contactId: string): Promise<ExplainNode | { error: string } | Cancelled> {
    const id = this.supersede();
    const r = await this.send({ kind: 'explain', id, schema, list, lists, now, contactId });
    return r.kind === 'cancelled' ? { cancelled: true } : expect(r, 'explained').explanation;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  /** A new request id, published so the worker drops or stops older evaluations. */
  private supersede(): number {
    const id = this.nextId++;
    Atomics.store(this.latest, 0, id);
    return id;
  }

  private send(req: WorkerRequest): Promise<WorkerReply> {
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

function expect<K extends WorkerReply['kind']>(r: WorkerReply, kind: K): Extract<WorkerReply, { kind: K }> {
  if (r.kind === kind) return r as Extract<WorkerReply, { kind: K }>;
  throw new Error(r.kind === 'failed' ? r.message : `unexpected reply "${r.kind}" from the preview worker`);
}
