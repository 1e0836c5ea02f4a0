// writeFileAtomically with an iterable, or with a function handing it pieces: short strings (ASCII ones
// copied byte by byte, others encoded), long strings and bytes in any order come out as the same bytes
// as their concatenation, in UTF-8, however the short ones fill the writer's buffer.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../../server/src/files/temp-files';
import { createRandom } from '../../../server/src/sandbox/data/random';

describe('files: writing a file from pieces', () => {
  it('writes short and long strings and bytes in order, as one UTF-8 text (seeded)', () => {
    const random = createRandom(20261207);
    const dir = mkdtempSync(join(tmpdir(), 'hslist-pieces-'));
    const alphabet = ['a', 'ż', '😀', '"', '\n', '中'];
    for (let round = 0; round < 12; round++) {
      const pieces: (string | Uint8Array)[] = [];
      for (let k = random.int(0, 1_500); k > 0; k--) {
        // Long strings and bytes are rare, so that runs of short ones fill the writer's buffer between them.
        const kind = random.int(0, 199);
        // Short ones of up to 2,000 characters fill the writer's 256 KB buffer several times a round.
        const length = kind === 0 ? random.int(80_000, 200_000) : random.int(0, 2_000);
        const text = Array.from({ length }, () => random.pick(alphabet)).join('');
        pieces.push(kind === 1 ? Buffer.from(text, 'utf8') : text);
      }
      const path = join(dir, `f${round}.txt`);
      writeFileAtomically(path, pieces);
      const want = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
      assert.ok(readFileSync(path).equals(want), `round ${round}`);
    }
  });

  it('writes the pieces a function hands it in order, short ASCII ones and others alike, as one UTF-8 text (seeded)', () => {
    const random = createRandom(20261208);
    const dir = mkdtempSync(join(tmpdir(), 'hslist-written-'));
    // Ids and brackets (the extras cache's pieces), and characters past ASCII anywhere in a short piece.
    const alphabet = ['7', '"', '[', ',', 'a', 'é', '😀', '中'];
    for (let round = 0; round < 12; round++) {
      const pieces: string[] = [];
      for (let k = random.int(0, 20_000); k > 0; k--) {
        const kind = random.int(0, 999);
        const length = kind === 0 ? random.int(90_000, 200_000) : kind < 100 ? random.int(33, 400) : random.int(0, 32);
        // Most short pieces ASCII only; some with one character past it at any place (the byte copy stops there).
        const ascii = random.int(0, 3) > 0;
        pieces.push(Array.from({ length }, () => random.pick(ascii ? alphabet.slice(0, 5) : alphabet)).join(''));
      }
      const path = join(dir, `w${round}.txt`);
      writeFileAtomically(path, (write) => pieces.forEach(write));
      assert.equal(readFileSync(path, 'utf8'), pieces.join(''), `round ${round}`);
    }
  });
});
