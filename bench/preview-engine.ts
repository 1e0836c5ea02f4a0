// Benchmark step 2 (own process, so its peak RSS is the engine's): load the snapshot, evaluate the
// list cold (full evaluation), re-evaluate after editing one clause, and run the reference
// interpreter over the same contacts regenerated in chunks. Prints one JSON line.

import { readSnapshot } from '../server/src/preview/snapshot';
import { CompiledEvaluator } from '../server/src/preview/compiled';
import { planList } from '../server/src/preview/plan';
import { evaluateContact } from '../server/src/preview/reference';
import { list } from '../test/unit/preview/ast-helpers';
import { BENCH_NOW, benchSchema, generateContact } from './data/contacts-generator';
import { benchCriteria } from './data/bench-list';
import { dataFiles } from './data/bench-files';
import { argNumber, median } from './preview-args';

const schema = benchSchema();
const planFor = (threshold: number, domain: string) => planList(list('Bench', benchCriteria(threshold, domain)), { schema, now: BENCH_NOW });

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

function main(): void {
  const contacts = argNumber('--contacts', 1_000_000);
  const seed = argNumber('--seed', 7);
  const [store, loadMs] = timed(() => readSnapshot(dataFiles(contacts, seed).snapshot));
  if ('error' in store) throw new Error(store.error);
  const evaluator = new CompiledEvaluator(store);
  const plan = planFor(20, '@example.com');
  const [first, firstMs] = timed(() => evaluator.evaluate(plan));
  const full: number[] = [];
  for (let k = 0; k < 5; k++) {
    evaluator.clearCache();
    full.push(timed(() => evaluator.evaluate(plan))[1]);
  }
  const reeval: number[] = [];
  for (let k = 0; k < 5; k++) reeval.push(timed(() => evaluator.evaluate(planFor(21 + k, '@example.com')))[1]);
  const reevalString: number[] = [];
  for (let k = 0; k < 5; k++) reevalString.push(timed(() => evaluator.evaluate(planFor(25, `@example${k}.com`)))[1]);
  const rss = (process.resourceUsage().maxRSS * 1024) / 1e6;
  const reference = runReference(contacts, seed, plan);
  console.log(JSON.stringify({
    count: first.count, complete: first.complete, funnel: first.clauses.map((c) => c.funnel),
    snapshot_load_ms: loadMs, first_eval_ms: firstMs, full_eval_ms: median(full), reeval_ms: median(reeval),
    reeval_string_ms: median(reevalString), peak_rss_mb: rss, reference_ms: reference.ms, reference_count: reference.count,
  }));
}

/** The reference interpreter over plain records, regenerated 50k at a time (only evaluation is timed). */
function runReference(contacts: number, seed: number, plan: ReturnType<typeof planFor>) {
  let ms = 0;
  let count = 0;
  for (let start = 0; start < contacts; start += 50_000) {
    const chunk = [];
    for (let i = start; i < Math.min(contacts, start + 50_000); i++) chunk.push(generateContact(seed, i));
    const t = performance.now();
    for (const c of chunk) if (evaluateContact(plan, c) === true) count++;
    ms += performance.now() - t;
  }
  return { ms, count };
}

main();
