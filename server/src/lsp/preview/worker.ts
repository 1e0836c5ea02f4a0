// The editor's preview worker thread (protocol: worker-messages.ts). It holds the column store and
// the engine's CompiledEvaluator (with its per-clause cache) off the language server's message
// loop, and answers with counts, funnels, samples, pages of rows, CSV and explanations.

import { parentPort, workerData } from 'node:worker_threads';
import type { ListNode } from '../../../../grammar/src/ast';
import type { Schema } from '../../language/schema-types';
import { CompiledEvaluator, EvaluationCancelled } from '../../preview/compiled';
import { explainContact } from '../../preview/explain';
import { planList } from '../../preview/plan';
import { planKey } from '../../preview/plan-key';
import type { PlanNode } from '../../preview/plan-types';
import { loadStore } from '../../preview/sources';
import type { FromWorker, ListPreview, ListScope, ToWorker } from './worker-messages';
import { csvOf, displayColumns, findContact, pageOf, rowsOf, searchRows } from './rows';

const latest = (workerData as { latest: Int32Array }).latest;
let evaluator: CompiledEvaluator | undefined;
let schema: Schema | undefined;
/** Matching rows per (plan, search): paging through 100,000 rows stays O(page). */
const rowCache = new Map<string, Uint32Array>();
const ROW_CACHE_ENTRIES = 8;

function planOf(name: string, scope: ListScope): { list: ListNode; plan: PlanNode } | undefined {
  const list = scope.lists.find((l) => l.name.text === name);
  if (!list || !schema) return undefined;
  const lists = new Map(scope.lists.map((l) => [l.name.text, l]));
  return { list, plan: planList(list, { schema, now: scope.now, lists }) };
}

/** Properties a plan reads (for the display columns). */
function propertiesOf(plan: PlanNode, out: string[] = []): string[] {
  if (plan.kind === 'filter') out.push(plan.filter.property);
  if (plan.kind === 'and' || plan.kind === 'or') for (const c of plan.children) propertiesOf(c, out);
  if (plan.kind === 'not') propertiesOf(plan.child, out);
  return out;
}

function matchingRows(ev: CompiledEvaluator, plan: PlanNode, columns: string[], search: string): Uint32Array {
  const key = `${planKey(plan)}\u0000${search.trim().toLowerCase()}`;
  const hit = rowCache.get(key);
  if (hit) return hit;
  const rows = searchRows(ev.store, rowsOf(ev.rows(plan).lo), columns, search);
  rowCache.set(key, rows);
  if (rowCache.size > ROW_CACHE_ENTRIES) rowCache.delete(rowCache.keys().next().value as string);
  return rows;
}

function evaluateLists(ev: CompiledEvaluator, req: Extract<ToWorker, { kind: 'evaluate' }>): FromWorker {
  const previews: ListPreview[] = [];
  try {
    for (const name of req.names) {
      const found = planOf(name, req.scope);
      if (!found) continue;
      const result = ev.evaluate(found.plan, { sampleSize: req.sampleSize, shouldStop: () => Atomics.load(latest, 0) > req.id });
      const columns = displayColumns(ev.store, propertiesOf(found.plan));
      const sample = pageOf(ev.store, rowsOf(ev.rows(found.plan).lo).subarray(0, req.sampleSize), columns, 0, req.sampleSize);
      previews.push({ name, result, sample, columns });
    }
  } catch (e) {
    if (e instanceof EvaluationCancelled) return { kind: 'cancelled', id: req.id };
    throw e;
  }
  return { kind: 'evaluated', id: req.id, previews };
}

async function load(req: Extract<ToWorker, { kind: 'load' }>): Promise<FromWorker> {
  const { store, report } = await loadStore(req.path, req.schema, req.properties, { exportZone: req.exportZone });
  evaluator = new CompiledEvaluator(store);
  schema = req.schema;
  rowCache.clear();
  return { kind: 'loaded', id: req.id, total: store.size, report };
}

function withList(req: Exclude<ToWorker, { kind: 'load' | 'evaluate' }>, ev: CompiledEvaluator): FromWorker {
  const found = planOf(req.name, req.scope);
  if (!found) return { kind: 'failed', id: req.id, message: `There is no list named "${req.name}" in the workspace.` };
  const columns = displayColumns(ev.store, propertiesOf(found.plan));
  switch (req.kind) {
    case 'rows': {
      const rows = matchingRows(ev, found.plan, columns, req.search);
      return { kind: 'rows', id: req.id, matches: rows.length, columns, rows: pageOf(ev.store, rows, columns, req.offset, req.limit) };
    }
    case 'export': {
      const rows = matchingRows(ev, found.plan, columns, req.search);
      return { kind: 'csv', id: req.id, csv: csvOf(ev.store, rows), rows: rows.length };
    }
    case 'explain': {
      const row = findContact(ev.store, req.contact);
      if (row < 0) return { kind: 'explained', id: req.id, explanation: { error: `No contact with id or email "${req.contact}" is in the loaded data.` } };
      const contactId = ev.store.ids.at(row);
      return { kind: 'explained', id: req.id, contactId, explanation: explainContact(ev.store, found.plan, contactId) };
    }
  }
}

async function handle(req: ToWorker): Promise<FromWorker> {
  if (req.kind === 'load') return load(req);
  if (!evaluator) return { kind: 'failed', id: req.id, message: 'No contacts are loaded yet.' };
  if (req.kind === 'evaluate') {
    if (Atomics.load(latest, 0) > req.id) return { kind: 'cancelled', id: req.id };
    return evaluateLists(evaluator, req);
  }
  return withList(req, evaluator);
}

parentPort?.on('message', (req: ToWorker) => {
  handle(req).then(
    (reply) => parentPort?.postMessage(reply),
    (e: unknown) => parentPort?.postMessage({ kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) } satisfies FromWorker),
  );
});
