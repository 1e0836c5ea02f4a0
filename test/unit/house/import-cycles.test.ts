// No two files of the product import each other, directly or round a longer circle: a circle makes the
// order modules load in matter (a value read before its module ran is undefined) and hides which part
// depends on which. Type-only imports count too. The checker itself is tested on a made-up graph.

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { importCycles, importGraph } from './import-graph';

const ROOT = join(__dirname, '..', '..', '..');

describe('the import graph', () => {
  it('has no cycle in server/, client/ or grammar/', () => {
    const graph = importGraph(ROOT, ['server/src', 'client/src', 'grammar/src']);
    assert.ok(graph.size > 300, `${graph.size} files read`);
    assert.ok((graph.get('server/src/preview/compiled-leaves.ts') ?? []).includes('server/src/preview/compiled-history.ts'), 'relative imports resolve');
    assert.ok((graph.get('server/src/cli/compile.ts') ?? []).includes('server/src/hubspot/compile.ts'));
    const cycles = importCycles(graph);
    assert.deepEqual(cycles, [], `import cycles:\n${cycles.map((c) => `  ${c.join(' → ')}`).join('\n')}`);
  });

  it('finds a circle of two, a longer one and a file importing itself, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']], ['b', ['a', 'c']], ['c', ['d']], ['d', ['e']], ['e', ['c']], ['f', ['f']], ['g', ['a']],
    ]);
    assert.deepEqual(importCycles(graph), [['c', 'd', 'e'], ['a', 'b'], ['f']]);
    assert.deepEqual(importCycles(new Map([['x', ['y', 'z']], ['y', ['z']], ['z', []]])), []);
  });
});
