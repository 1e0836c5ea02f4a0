// JSON text in short parts, for caches too big to hold as one string beside the data they are made of
// (the live source's `hubspot-extras.json` is tens of MB at 100k contacts). The file writer encodes the
// parts one after another into its buffer (temp-files.ts); joining them into larger pieces first grew
// the old generation (issue 15). The parts joined are exactly
// `JSON.stringify(value)` for plain data (objects, arrays, strings, numbers, booleans, null; keys whose
// value is undefined or a function left out, as JSON.stringify leaves them out).

/** `value` as JSON in short parts: objects down to `depth` levels key by key, arrays there element by element (each element whole). */
export function* jsonParts(value: unknown, depth: number): Generator<string> {
  if (depth <= 0 || typeof value !== 'object' || value === null || 'toJSON' in value) {
    yield JSON.stringify(value);
    return;
  }
  if (Array.isArray(value)) {
    // Element by element: one form's 160,000 submissions as one string was 74 MB more while a 1M portal's cache was written.
    // Each element whole: key by key, 160,000 small objects took twice as long.
    yield '[';
    for (let i = 0; i < value.length; i++) yield (i > 0 ? ',' : '') + (JSON.stringify(value[i]) ?? 'null');
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    yield* jsonParts(v, depth - 1);
    first = false;
  }
  yield '}';
}
