// Sync benchmark step 3 (own process): the reference, the same email join in DuckDB (in memory): every
// HubSpot contact with the most recently updated unconverted Salesforce record of its email (letter case
// ignored). Prints one JSON line: load time, median join time, the matched count.

import { DuckDBInstance } from '@duckdb/node-api';
import { syncFiles } from './data/sync-records';
import { argNumber, median } from './preview-args';

const JOIN = `
WITH open_records AS (SELECT lower(email) AS email, id, lastmodified FROM records WHERE email IS NOT NULL AND NOT converted),
     chosen AS (SELECT email, arg_max(id, lastmodified) AS id FROM open_records GROUP BY email)
SELECT count(*) FROM contacts c JOIN chosen s ON lower(c.email) = s.email`;

async function main(): Promise<void> {
  const files = syncFiles(argNumber('--contacts', 200_000), argNumber('--records', 250_000), argNumber('--seed', 7));
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  let t = performance.now();
  await con.run(`CREATE TABLE contacts AS SELECT id, NULLIF(email, '') AS email FROM read_csv('${files.contacts}', header = true, all_varchar = true)`);
  await con.run(`CREATE TABLE records AS SELECT id, NULLIF(email, '') AS email, CAST(lastmodified AS DOUBLE) AS lastmodified, CAST(converted AS BOOLEAN) AS converted FROM read_csv('${files.records}', header = true, all_varchar = true)`);
  const loadMs = performance.now() - t;
  const times: number[] = [];
  let matched = -1;
  for (let k = 0; k < 6; k++) {
    t = performance.now();
    const reader = await con.runAndReadAll(JOIN);
    times.push(performance.now() - t);
    matched = Number(reader.getRows()[0][0]);
  }
  const threads = await con.runAndReadAll(`SELECT current_setting('threads')`);
  console.log(JSON.stringify({ duckdb_load_ms: loadMs, duckdb_join_ms: median(times.slice(1)), duckdb_matched: matched, duckdb_threads: Number(threads.getRows()[0][0]) }));
}

void main();
