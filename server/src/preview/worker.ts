// The preview's worker thread: holds the columnar store and the compiled evaluator (with its
// clause cache) off the language server's message loop. Protocol: worker-protocol.ts.

import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import type { ColumnStore } from './columns';
import { CompiledEvaluator, EvaluationCancelled } from './compiled';
import { planList } from './plan';
import { explainContact } from './explain';
import { readSnapshot, writeSnapshot } from './snapshot';
import { loadStore } from './sources';

const latest = (workerData as { latest: Int32Array }).latest;
let evaluator: CompiledEvaluator | undefined;

function isSuperseded(id: number): boolean {
  return Atomics.load(latest, 0) > id;
}

async function handle(req: WorkerRequest): Promise<WorkerReply> {
  switch (req.kind) {
    case 'loadSnapshot': {
      const store = readSnapshot(req.path);
      if ('error' in store) return { kind: 'failed', id: req.id, message: store.error };
      return loaded(req.id, store);
    }
    case 'loadSource': {
      const { store, report } = await loadStore(req.path, req.schema, req.properties, req.options);
      if (req.snapshotPath) writeSnapshot(store, req.snapshotPath);
      evaluator = new CompiledEvaluator(store);
      return { kind: 'loaded', id: req.id, total: store.size, report };
    }
    case 'evaluate':
    case 'explain':
      return evaluateOrExplain(req);
  }
}

function loaded(id: number, store: ColumnStore): WorkerReply {
  evaluator = new CompiledEvaluator(store);
  return { kind: 'loaded', id, total: store.size };
}

function evaluateOrExplain(req: Extract<WorkerRequest, { kind: 'evaluate' | 'explain' }>): WorkerReply {
  if (!evaluator) return { kind: 'failed', id: req.id, message: 'No contacts are loaded yet.' };
  if (isSuperseded(req.id)) return { kind: 'cancelled', id: req.id };
  const lists = new Map(req.lists.map((l) => [l.name.text, l]));
  const plan = planList(req.list, { schema: req.schema, now: req.now, lists });
  if (req.kind === 'explain') return { kind: 'explained', id: req.id, explanation: explainContact(evaluator.store, plan, req.contactId) };
  try {
    const result = evaluator.evaluate(plan, { sampleSize: req.sampleSize, shouldStop: () => isSuperseded(req.id) });
    return { kind: 'result', id: req.id, result };
  } catch (e) {
    if (e instanceof EvaluationCancelled) return { kind: 'cancelled', id: req.id };
    throw e;
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (reply) => parentPort?.postMessage(reply),
    (e: unknown) => parentPort?.postMessage({ kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply),
  );
});
