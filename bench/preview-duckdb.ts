// Benchmark step 3 (own process): the same contacts in DuckDB (in memory), the same list as SQL.
// Prints one JSON line: load time, median query time, the count.

import { DuckDBInstance } from '@duckdb/node-api';
import { benchSchema } from './data/contacts-generator';
import { dataFiles } from './data/bench-files';
import { benchSql } from './data/bench-sql';
import { typeClassOf } from '../server/src/language/operators';
import { argNumber, median } from './preview-args';

function columnSql(name: string, type: string): string {
  switch (typeClassOf(type)) {
    case 'number':
    case 'date':
      return `CAST(${name} AS DOUBLE) AS ${name}`;
    case 'bool':
      return `CAST(${name} AS BOOLEAN) AS ${name}`;
    case 'enumeration':
      return `CASE WHEN ${name} IS NULL THEN NULL ELSE string_split(${name}, ';') END AS ${name}`;
    default:
      return name;
  }
}

async function main(): Promise<void> {
  const contacts = argNumber('--contacts', 1_000_000);
  const seed = argNumber('--seed', 7);
  const files = dataFiles(contacts, seed);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const defs = [...benchSchema().objects.contacts.values()];
  let t = performance.now();
  await con.run(`CREATE TABLE contacts AS SELECT id, ${defs.map((d) => columnSql(d.name, d.type)).join(', ')} FROM read_csv('${files.duckCsv}', header = true, all_varchar = true)`);
  await con.run(`CREATE TABLE members AS SELECT * FROM read_csv('${files.membersCsv}', header = true, all_varchar = true)`);
  const loadMs = performance.now() - t;
  const times: number[] = [];
  let count = -1;
  for (let k = 0; k < 6; k++) {
    t = performance.now();
    const reader = await con.runAndReadAll(benchSql());
    times.push(performance.now() - t);
    count = Number(reader.getRows()[0][0]);
  }
  const threads = await con.runAndReadAll(`SELECT current_setting('threads')`);
  console.log(JSON.stringify({ duckdb_load_ms: loadMs, duckdb_ms: median(times.slice(1)), duckdb_count: count, duckdb_threads: Number(threads.getRows()[0][0]) }));
}

void main();
