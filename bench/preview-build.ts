// Benchmark step 1 (own process): generate the contacts with the seeded generator, build the
// columnar store, write its snapshot and the same data as CSV for DuckDB. Cached in bench/.data/.
// Prints one JSON line.

import { benchSchema, generateContact } from './data/contacts-generator';
import { dataFiles, exists, writeDuckCsv } from './data/bench-files';
import { statSync } from 'node:fs';
import { StoreBuilder } from '../server/src/preview/columns-build';
import { writeSnapshot } from '../server/src/preview/snapshot';
import { argNumber } from './preview-args';

async function main(): Promise<void> {
  const contacts = argNumber('--contacts', 1_000_000);
  const seed = argNumber('--seed', 7);
  const files = dataFiles(contacts, seed);
  const out: Record<string, number | boolean> = { cached: true };
  if (!exists(files.snapshot)) {
    const started = performance.now();
    const builder = new StoreBuilder([...benchSchema().objects.contacts.values()]);
    for (let i = 0; i < contacts; i++) builder.add(generateContact(seed, i));
    const store = builder.finish();
    out.build_ms = performance.now() - started;
    writeSnapshot(store, files.snapshot);
    out.cached = false;
  }
  if (!exists(files.duckCsv) || !exists(files.membersCsv)) {
    await writeDuckCsv(contacts, seed, files.duckCsv, files.membersCsv);
    out.cached = false;
  }
  out.snapshot_mb = statSync(files.snapshot).size / 1e6;
  out.build_peak_rss_mb = (process.resourceUsage().maxRSS * 1024) / 1e6;
  console.log(JSON.stringify(out));
}

void main();
