// Moving parsed nodes: a copy with every offset moved, for blocks an edit moved without changing them.

/** A copy of `value` with every `start` and `end` offset moved by `by` (AST nodes, diagnostics, fixes). */
export function shifted<T>(value: T, by: number): T {
  return copy(value, by) as T;
}

function copy(value: unknown, by: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], by);
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const v = source[key];
    out[key] = typeof v === 'number' ? (key === 'start' || key === 'end' ? v + by : v) : typeof v === 'object' && v !== null ? copy(v, by) : v;
  }
  return out;
}
