// Where the benchmark keeps its generated data (bench/.data/, git-ignored), and the writers.

import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchSchema, generateContact } from './contacts-generator';
import { typeClassOf } from '../../server/src/language/operators';
import { parseInstant } from '../../server/src/preview/values';
import { SNAPSHOT_MAGIC } from '../../server/src/preview/snapshot';

export const DATA_DIR = join(__dirname, '..', '.data');
const GENERATOR_VERSION = 'v1';

export function dataFiles(contacts: number, seed: number) {
  mkdirSync(DATA_DIR, { recursive: true });
  const stem = join(DATA_DIR, `preview-${GENERATOR_VERSION}-${contacts}-${seed}`);
  // The snapshot format in the name: a cache of an older format is built again instead of failing to load.
  return { snapshot: `${stem}.${SNAPSHOT_MAGIC.toLowerCase()}.snap`, duckCsv: `${stem}.duck.csv`, membersCsv: `${stem}.members.csv` };
}

export const exists = existsSync;

function csvCell(v: string | null): string {
  if (v === null) return '';
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The same contacts as a typed CSV for DuckDB: dates as epoch ms (parsed by the preview's own parser), enumerations ;-joined. */
export async function writeDuckCsv(contacts: number, seed: number, path: string, membersPath: string): Promise<void> {
  const defs = [...benchSchema().objects.contacts.values()];
  const out = createWriteStream(path);
  const members = createWriteStream(membersPath);
  const write = (s: string, w = out) => new Promise<void>((resolve) => (w.write(s) ? resolve() : w.once('drain', resolve)));
  await write(['id', ...defs.map((d) => d.name)].join(',') + '\n');
  await write('list_id,contact_id\n', members);
  let chunk: string[] = [];
  let memberChunk: string[] = [];
  for (let i = 0; i < contacts; i++) {
    const c = generateContact(seed, i);
    const cells = defs.map((d) => {
      const raw = c.properties[d.name] ?? null;
      if (raw !== null && typeClassOf(d.type) === 'date') return String(parseInstant(raw));
      return csvCell(raw);
    });
    chunk.push([c.id, ...cells].join(','));
    for (const l of c.listMemberships ?? []) memberChunk.push(`${l},${c.id}`);
    if (chunk.length === 10_000 || i === contacts - 1) {
      await write(chunk.join('\n') + '\n');
      if (memberChunk.length) await write(memberChunk.join('\n') + '\n', members);
      chunk = [];
      memberChunk = [];
    }
  }
  await Promise.all([new Promise((r) => out.end(r)), new Promise((r) => members.end(r))]);
}
