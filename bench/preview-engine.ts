// Benchmark step 2 (own process, so its peak RSS is the engine's): load the snapshot, evaluate the
// list cold (full evaluation), re-evaluate after editing one clause, compare with a published list's
// members (enter/leave), and run the reference
// interpreter over the same contacts regenerated in chunks. Prints one JSON line.
//
// Timed as the preview worker works: a request carries the parsed list (the language server parses
// every edit anyway), and each evaluation figure is planning + evaluating it. Parsing the list's
// text is measured on its own (parse_ms).

import { readSnapshot } from '../server/src/preview/snapshot';
import { CompiledEvaluator } from '../server/src/preview/compiled';
import { membersOf, membershipSets } from '../server/src/preview/diff';
import { planList } from '../server/src/preview/plan';
import { evaluateContact } from '../server/src/preview/reference';
import { BENCH_NOW, benchSchema, generateContact } from './data/contacts-generator';
import { benchList } from './data/bench-list';
import type { ListNode } from '@hslist/grammar';
import { dataFiles } from './data/bench-files';
import { argNumber, median } from './preview-args';

const schema = benchSchema();
const planOf = (list: ListNode) => planList(list, { schema, now: BENCH_NOW });

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
  const [base, parseMs] = timed(() => benchList(20, '@example.com'));
  const numberEdits = [21, 22, 23, 24, 25].map((n) => benchList(n, '@example.com'));
  const domainEdits = [0, 1, 2, 3, 4].map((k) => benchList(25, `@example${k}.com`));
  const [first, firstMs] = timed(() => evaluator.evaluate(planOf(base)));
  const full: number[] = [];
  for (let k = 0; k < 5; k++) {
    evaluator.clearCache();
    full.push(timed(() => evaluator.evaluate(planOf(base)))[1]);
  }
  const reeval = numberEdits.map((list) => timed(() => evaluator.evaluate(planOf(list)))[1]);
  const reevalString = domainEdits.map((list) => timed(() => evaluator.evaluate(planOf(list)))[1]);
  const plan = planOf(base);
  // Enter/leave against a published list of every 7th contact (~143k members at 1M): reading the
  // members into a bitset happens once per data load, the comparison on every evaluation.
  const memberIds = Array.from({ length: Math.ceil(store.size / 7) }, (_, k) => store.ids.at(k * 7));
  const [members, membersMs] = timed(() => membersOf(store, memberIds));
  const rows = evaluator.rows(plan);
  const diff = [0, 1, 2, 3, 4].map(() => timed(() => membershipSets(rows, members))[1]);
  const rss = (process.resourceUsage().maxRSS * 1024) / 1e6;
  const reference = runReference(contacts, seed, plan);
  console.log(JSON.stringify({
    count: first.count, complete: first.complete, funnel: first.clauses.map((c) => c.funnel),
    snapshot_load_ms: loadMs, parse_ms: parseMs, first_eval_ms: firstMs, full_eval_ms: median(full), reeval_ms: median(reeval),
    reeval_string_ms: median(reevalString), members_ms: membersMs, diff_ms: median(diff), peak_rss_mb: rss, reference_ms: reference.ms, reference_count: reference.count,
  }));
}

/** The reference interpreter over plain records, regenerated 50k at a time (only evaluation is timed). */
function runReference(contacts: number, seed: number, plan: ReturnType<typeof planOf>) {
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
