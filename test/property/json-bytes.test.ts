// The byte reader reads what JSON.parse reads, and refuses what it refuses: any JSON value written with
// any whitespace and escapes reads back equal, and text JSON.parse throws on throws here too.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JsonBytes, JsonSyntaxError, KnownStrings } from '../../server/src/files/json-bytes';

/** A whole value read through the reader's calls, as JSON.parse would give it. */
function readValue(json: JsonBytes): unknown {
  const kind = json.peek();
  if (kind === 'object') {
    const out: Record<string, unknown> = {};
    json.beginObject();
    for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
      // As JSON.parse sets them (a key `__proto__` is an own property there too).
      Object.defineProperty(out, key, { value: readValue(json), enumerable: true, configurable: true, writable: true });
    }
    return out;
  }
  if (kind === 'array') {
    const out: unknown[] = [];
    json.beginArray();
    while (json.nextElement()) out.push(readValue(json));
    return out;
  }
  return json.readScalar();
}

function readAll(text: string, known?: KnownStrings): unknown {
  const json = new JsonBytes(Buffer.from(text, 'utf8'), known);
  const value = readValue(json);
  json.end();
  return value;
}

function skipAll(text: string): void {
  const json = new JsonBytes(Buffer.from(text, 'utf8'));
  json.skipValue();
  json.end();
}

const space = fc.string({ unit: fc.constantFrom(' ', '\n', '\r', '\t'), maxLength: 2 });
const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'é', '"', '\\', '/', '\n', '\u0001', '\u2028', '😀', '\ud800'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 8 });

/** JSON of `value` with whitespace between its tokens and strings escaped in every way JSON allows. */
function written(value: unknown, spaces: string[], escapeAll: boolean): string {
  let n = 0;
  const pad = () => (spaces.length === 0 ? '' : spaces[n++ % spaces.length]);
  const str = (s: string) => (escapeAll ? `"${s.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(s));
  const go = (v: unknown): string => {
    if (Array.isArray(v)) return `${pad()}[${v.map((e) => pad() + go(e) + pad()).join(',')}${pad()}]${pad()}`;
    if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, e]) => `${pad()}${str(k)}${pad()}:${pad()}${go(e)}${pad()}`).join(',')}}`;
    if (typeof v === 'string') return str(v);
    return JSON.stringify(v);
  };
  return pad() + go(value) + pad();
}

describe('JSON bytes: a pull reader that agrees with JSON.parse', () => {
  it('reads back every value, whatever its whitespace and escapes', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(value, fc.array(space, { maxLength: 3 }), fc.boolean(), (v, spaces, escapeAll) => {
        const json = written(v, spaces, escapeAll);
        assert.deepEqual(readAll(json), JSON.parse(json));
        skipAll(json);
      }),
      { numRuns: 400 },
    );
  });

  it('reads strings with every kind of character, raw or escaped', () => {
    fc.assert(
      fc.property(text, (s) => {
        assert.equal(readAll(JSON.stringify(s)), s);
        assert.equal(readAll(written(s, [], true)), s);
      }),
    );
  });

  it('throws exactly where JSON.parse throws, on text cut, spliced or changed', () => {
    const mutated = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', '0', '-', 'x', ':', '\u0001', ' ', 'tru', '.5', 'e1', '01')).map(([v, at, insert]) => {
      const json = JSON.stringify(v);
      const i = at % (json.length + 1);
      return at % 3 === 0 ? json.slice(0, i) : json.slice(0, i) + insert + json.slice(i + (at % 2));
    });
    fc.assert(
      fc.property(mutated, (json) => {
        let expected: unknown;
        let parseFailed = false;
        try {
          expected = JSON.parse(json);
        } catch {
          parseFailed = true;
        }
        if (parseFailed) {
          assert.throws(() => readAll(json), JsonSyntaxError, `read ${JSON.stringify(json)}`);
          assert.throws(() => skipAll(json), JsonSyntaxError, `skipped ${JSON.stringify(json)}`);
        } else {
          assert.deepEqual(readAll(json), expected);
          skipAll(json);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what JSON.parse refuses, saying at which byte', () => {
    for (const [json, offset] of [
      ['[1,]', 3],
      ['{"a":1,}', 7],
      ['01', 1],
      ['"a\u0001"', 2],
      ['"\\x"', 1],
      ['"\\u12G4"', 1],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['nul', 0],
      ['"open', 0],
      ['', 0],
      ['1.', 0],
      ['-', 0],
      ['{}x', 2],
    ] as const) {
      assert.throws(() => JSON.parse(json), SyntaxError, json);
      assert.throws(() => readAll(json), (e: unknown) => e instanceof JsonSyntaxError && e.offset === offset, json);
    }
  });

  it('reads a number as JSON.parse gives it, and as String writes that number, for every form and size', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 19 });
    const integer = fc.tuple(fc.boolean(), digits).map(([minus, d]) => `${minus ? '-' : ''}${d.length > 1 ? d.replace(/^0+/, '') || '0' : d}`);
    const written = fc.oneof(
      integer,
      fc.tuple(integer, digits).map(([i, f]) => `${i}.${f}`),
      fc.tuple(integer, fc.constantFrom('e', 'E', 'e+', 'e-'), digits).map(([i, e, x]) => `${i}${e}${x}`),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
    );
    fc.assert(
      fc.property(written, (number) => {
        const parsed: unknown = JSON.parse(number);
        assert.ok(Object.is(new JsonBytes(Buffer.from(number)).readNumber(), parsed), number);
        assert.equal(new JsonBytes(Buffer.from(number)).readNumberAsString(), String(parsed), number);
        assert.equal(new JsonBytes(Buffer.from(number)).readNumberText(), number);
      }),
      { numRuns: 2000 },
    );
    for (const number of ['-0', '0', '999999999999999', '9999999999999999', '-999999999999999', '12345678901234567890', '1e2', '10.0']) {
      assert.ok(Object.is(new JsonBytes(Buffer.from(number)).readNumber(), JSON.parse(number)), number);
      assert.equal(new JsonBytes(Buffer.from(number)).readNumberAsString(), String(JSON.parse(number)), number);
    }
  });

  it('gives a known string itself, for keys and values alike, and reads the rest as usual', () => {
    const known = new KnownStrings(['id', 'USER_DEFINED']);
    assert.deepEqual(readAll('{"id":"USER_DEFINED","idx":"USER","USER_DEFINEDx":["id"]}', known), { id: 'USER_DEFINED', idx: 'USER', USER_DEFINEDx: ['id'] });
    // An escaped key is the same key: the last of the two is kept, as JSON.parse keeps it.
    assert.deepEqual(readAll('{"id":1,"i\\u0064":2}', known), { id: 2 });
  });

  it('refuses nesting deeper than it reads, rather than exhausting the stack', () => {
    assert.throws(() => skipAll('['.repeat(100_000)), /levels of nesting/);
  });
});
