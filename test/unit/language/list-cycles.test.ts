// list-cycle on larger graphs: every reference on a cycle is reported once, references that only lead
// into a cycle are not, and messages stay short however long the cycle (a few names, "… N more").

import { strict as assert } from 'node:assert';
import { defaultSchema } from '../../../server/src/language/schema';
import { stronglyConnected } from '../../../server/src/language/checks/list-cycles';
import { analyzeWorkspace } from '../../../server/src/language/workspace';

/** One file per list: `edges[name]` are the lists its criteria name with `in list`. */
function cycleMessages(edges: Record<string, string[]>): Map<string, string[]> {
  const files = Object.entries(edges).map(([name, targets]) => ({
    path: `${name}.hslist`,
    text: `list "${name}" {\n  where email is known${targets.map((t) => ` and in list "${t}"`).join('')}\n}\n`,
  }));
  const analysis = analyzeWorkspace(files, defaultSchema());
  const out = new Map<string, string[]>();
  for (const [path, file] of analysis.files) {
    const messages = file.diagnostics.filter((d) => d.code === 'list-cycle').map((d) => `${file.text.slice(d.start, d.end)}: ${d.message}`);
    if (messages.length > 0) out.set(path.replace('.hslist', ''), messages);
  }
  return out;
}

const ring = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`L${i}`, [`L${(i + 1) % n}`]]));

describe('language: list cycles', () => {
  it('reports each reference of a three-list cycle with the path back to its list', () => {
    assert.deepEqual(Object.fromEntries(cycleMessages({ A: ['B'], B: ['C'], C: ['A'] })), {
      A: ['"B": Lists reference each other in a cycle: "A" → "B" → "C" → "A".'],
      B: ['"C": Lists reference each other in a cycle: "B" → "C" → "A" → "B".'],
      C: ['"A": Lists reference each other in a cycle: "C" → "A" → "B" → "C".'],
    });
  });

  it('leaves references that only lead into a cycle, or out of it, alone', () => {
    const found = cycleMessages({ In: ['A'], A: ['B'], B: ['A', 'Out'], Out: [] });
    assert.deepEqual([...found.keys()].sort(), ['A', 'B']);
    assert.deepEqual(found.get('B'), ['"A": Lists reference each other in a cycle: "B" → "A" → "B".']);
  });

  it('finds every reference of two cycles that share a list, and a list that names itself', () => {
    const found = cycleMessages({ Hub: ['X', 'Y'], X: ['Hub'], Y: ['Hub'], Self: ['Self'] });
    assert.equal(found.get('Hub')?.length, 2);
    assert.deepEqual(found.get('Self'), ['"Self": Lists reference each other in a cycle: "Self" → "Self".']);
    assert.ok(found.get('X') && found.get('Y'));
  });

  it('names at most four lists of a long cycle and counts the rest, on every reference', () => {
    const found = cycleMessages(ring(300));
    assert.equal(found.size, 300);
    assert.deepEqual(found.get('L7'), ['"L8": Lists reference each other in a cycle: "L7" → "L8" → "L9" → "L10" → … 296 more → "L7".']);
    for (const [, [message]] of found) assert.ok(message.length < 200, message);
  });

  it('finds components without recursion, so a chain of 100,000 lists does not overflow the stack', () => {
    const n = 100_000;
    const out = Array.from({ length: n }, (_, i) => (i + 1 < n ? [{ to: i + 1 }] : [{ to: 0 }]));
    const component = stronglyConnected(out);
    assert.ok(component.every((c) => c === component[0]));
    out[n - 1] = [];
    assert.equal(new Set(stronglyConnected(out)).size, n);
  });
});
