// `node -r ./test/support/register-ts.cjs bench/heap-summary.ts FILE.heapsnapshot [N]`: the N (20)
// largest groups of a V8 heap snapshot by kind and constructor name, by their own (shallow) size.
// Enough to see what a fetch keeps (bench/fetch-memory.ts --snapshot-at writes the snapshot) without
// opening DevTools.

import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function main(): void {
  const [file, top] = [process.argv[2], Number(process.argv[3] ?? 20)];
  if (!file) throw new Error('name a .heapsnapshot file');
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const groups = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]];
    // Strings and arrays are grouped by kind alone: their "names" are their contents.
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt]] : '';
    const key = `${type} ${name}`.trim();
    const size = snap.nodes[i + sizeAt];
    total += size;
    const g = groups.get(key) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += size;
    groups.set(key, g);
  }
  console.log(`${(total / 1e6).toFixed(1)} MB in ${(snap.nodes.length / fields.length).toLocaleString('en-US')} nodes`);
  for (const [key, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
    console.log(`${(g.bytes / 1e6).toFixed(1).padStart(7)} MB ${g.count.toLocaleString('en-US').padStart(11)}  ${key}`);
  }
}

main();
