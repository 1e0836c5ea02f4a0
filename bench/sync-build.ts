// Sync benchmark step 1 (own process): the HubSpot contacts' ids and emails and the Salesforce records as
// CSV for DuckDB, cached in bench/.data/ (git-ignored). Prints one JSON line.

import { createWriteStream, existsSync } from 'node:fs';
import { generateContact } from './data/contacts-generator';
import { benchRecords, syncFiles } from './data/sync-records';
import { argNumber } from './preview-args';

async function writeLines(path: string, header: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(`${header}\n`);
  for (const line of lines) await write(`${line}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
}

function* contactLines(contacts: number, seed: number): Generator<string> {
  for (let i = 0; i < contacts; i++) {
    const c = generateContact(seed, i);
    yield `${c.id},${c.properties.email ?? ''}`;
  }
}

function* recordLines(contacts: number, records: number, seed: number): Generator<string> {
  for (const r of benchRecords(seed, contacts, records)) yield `${r.id},${r.email ?? ''},${r.lastModified},${r.converted}`;
}

async function main(): Promise<void> {
  const contacts = argNumber('--contacts', 200_000);
  const records = argNumber('--records', 250_000);
  const seed = argNumber('--seed', 7);
  const files = syncFiles(contacts, records, seed);
  const cached = existsSync(files.contacts) && existsSync(files.records);
  if (!cached) {
    await writeLines(files.contacts, 'id,email', contactLines(contacts, seed));
    await writeLines(files.records, 'id,email,lastmodified,converted', recordLines(contacts, records, seed));
  }
  console.log(JSON.stringify({ cached }));
}

void main();
