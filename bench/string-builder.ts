// `npm run bench:string-builder [-- --values N]` (node --expose-gc): a string column's dictionary
// builder holding N (1M) distinct email-like values (seeded; about 2% hold a character past U+00FF),
// the compact builder (string-builder.ts) against the Map and one-string-per-value builder before it
// (MapDictBuilder without a seed), in the same process:
//   <builder>_retained_mb = the most, over three runs, of V8's live heap + external memory (array buffers, and the strings the compact
//                           builder seals its full blocks into) after a full GC with the builder holding
//                           every value, minus the same before it was made;
//   <builder>_add_new_ms  = adding the N values (each new), the fastest of three runs;
//   <builder>_add_seen_ms = adding them again (each found), the fastest of three runs;
//   <builder>_finish_ms   = the finished dictionary (joined text and parts), from the last run;
//   dict_mb               = the finished dictionary's text, one byte a one-byte character, two a wide one;
//   same_dict             = both builders gave the same dictionary (its entries, in code order; the compact
//                           builder's parts end where its blocks start, so the parts differ);
//   ratio_*               = compact over map.

import { CompactDictBuilder, type DictBuilder, MapDictBuilder } from '../server/src/preview/string-builder';
import { type StringDict, dictEntries } from '../server/src/preview/string-dict';
import { argNumber } from './preview-args';
import { rng } from './data/contacts-generator';

const VALUES = argNumber('--values', 1_000_000);
const RUNS = 3;
const MB = 1e6;

const FIRST = ['anna', 'jan', 'maria', 'piotr', 'john', 'emma', 'lukas', 'sofia', 'marco', 'chloe', 'noah', 'olivia'];
const LAST = ['nowak', 'kowalski', 'smith', 'mueller', 'rossi', 'martin', 'garcia', 'dubois', 'schmidt', 'brown', 'lopez'];
const WIDE_LAST = ['wiśniewski', 'łukasik', 'dvořák', 'żółć'];
const DOMAINS = ['gmail.com', 'acme.io', 'example.com', 'contoso.com', 'globex.pl', 'initech.de', 'outlook.com'];

/** N distinct emails: a seeded name and domain, made distinct by the value's number in base 36. */
function emails(n: number): string[] {
  const r = rng(42);
  const pick = (items: readonly string[]): string => items[Math.floor(r() * items.length)];
  const made = Array.from({ length: n }, (_, i) => {
    const last = r() < 0.02 ? pick(WIDE_LAST) : pick(LAST);
    return `${pick(FIRST)}.${last}${i.toString(36)}@${pick(DOMAINS)}`;
  });
  // Flat strings, as JSON.parse gives a source's values: a template's result is a tree of its pieces
  // until first read, and a builder reading it (hashing it) flattens it, which freed tens of MB inside
  // the first builder's measurement.
  return JSON.parse(JSON.stringify(made)) as string[];
}

function live(): number {
  global.gc!();
  const m = process.memoryUsage();
  // `external` counts array buffers and external strings (a sealed block's text of over 1 MB is one).
  return m.heapUsed + m.external;
}

function addAll(builder: DictBuilder, values: readonly string[]): number {
  const t = performance.now();
  for (let i = 0; i < values.length; i++) builder.codeFor(values[i]);
  return performance.now() - t;
}

interface Figures {
  retained: number;
  addNew: number;
  addSeen: number;
  finish: number;
  dict: StringDict;
}

function measure(make: () => DictBuilder, values: readonly string[]): Figures {
  const figures: Figures = { retained: 0, addNew: Infinity, addSeen: Infinity, finish: 0, dict: { size: 0, parts: [], plain: true } };
  for (let run = 0; run < RUNS; run++) {
    const before = live();
    const builder = make();
    figures.addNew = Math.min(figures.addNew, addAll(builder, values));
    figures.addSeen = Math.min(figures.addSeen, addAll(builder, values));
    // The most of the three runs: later runs measured less than the first (by up to 20 MB for the compact builder), for reasons not traced.
    figures.retained = Math.max(figures.retained, live() - before);
    const t = performance.now();
    figures.dict = builder.finish(new Uint32Array(0));
    figures.finish = performance.now() - t;
  }
  return figures;
}

function dictBytes(dict: StringDict): number {
  return dict.parts.reduce((sum, p) => sum + p.text.length * (/[^\0-\xff]/.test(p.text) ? 2 : 1), 0);
}

function sameDict(a: StringDict, b: StringDict): boolean {
  if (a.size !== b.size || a.plain !== b.plain) return false;
  const [x, y] = [dictEntries(a), dictEntries(b)];
  return x.every((entry, code) => entry === y[code]);
}

function main(): void {
  if (!global.gc) throw new Error('run with node --expose-gc (npm run bench:string-builder)');
  const values = emails(VALUES);
  // Warm both up on a small set, so neither run pays for the other's compilation.
  for (const make of [() => new MapDictBuilder(), () => new CompactDictBuilder()]) addAll(make(), values.slice(0, 50_000));
  const map = measure(() => new MapDictBuilder(), values);
  const compact = measure(() => new CompactDictBuilder(), values);
  const line = (name: string, v: number, digits = 1): void => console.log(`${name}=${v.toFixed(digits)}`);
  line('values', VALUES, 0);
  const wide = compact.dict.parts.filter((p) => /[^\0-\xff]/.test(p.text)).reduce((sum, p) => sum + p.starts.length - 1, 0);
  line('wide_values', wide, 0);
  line('dict_mb', dictBytes(compact.dict) / MB);
  console.log(`same_dict=${sameDict(compact.dict, map.dict)}`);
  for (const [name, f] of [['map', map], ['compact', compact]] as const) {
    line(`${name}_retained_mb`, f.retained / MB);
    line(`${name}_add_new_ms`, f.addNew, 0);
    line(`${name}_add_seen_ms`, f.addSeen, 0);
    line(`${name}_finish_ms`, f.finish, 0);
  }
  line('ratio_retained', compact.retained / map.retained, 2);
  line('ratio_add_new', compact.addNew / map.addNew, 2);
  line('ratio_add_seen', compact.addSeen / map.addSeen, 2);
}

main();
