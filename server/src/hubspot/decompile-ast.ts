// Builders for syntax-tree nodes the decompiler makes. They come from JSON, not text, so every span
// is empty at offset 0; printing and re-parsing gives real offsets.

import type { Expr, Name, Operand, PropertyCondition, Span, SurfaceOperator, Value } from '@hslist/grammar';

export const NO_SPAN: Span = { start: 0, end: 0 };

export function name(text: string): Name {
  return { ...NO_SPAN, text };
}

export function and(operands: Expr[]): Expr {
  if (operands.length === 1) return operands[0];
  return { ...NO_SPAN, kind: 'and', operands: operands.map((o) => (o.kind === 'or' ? paren(o) : o)) };
}

export function or(operands: Expr[]): Expr {
  if (operands.length === 1) return operands[0];
  return { ...NO_SPAN, kind: 'or', operands };
}

export function paren(inner: Expr): Expr {
  return { ...NO_SPAN, kind: 'paren', inner };
}

/** `not` binds to one condition; anything compound goes in parentheses. */
export function not(operand: Expr): Expr {
  const inner = operand.kind === 'and' || operand.kind === 'or' ? paren(operand) : operand;
  return { ...NO_SPAN, kind: 'not', operand: inner };
}

export function propertyCondition(
  property: string,
  operator: SurfaceOperator,
  operands: Operand,
  includeUnknown: boolean,
): PropertyCondition {
  return {
    ...NO_SPAN,
    kind: 'property',
    property: name(property),
    operator,
    operatorSpan: NO_SPAN,
    operands,
    includeUnknown: includeUnknown ? NO_SPAN : undefined,
  };
}

export function stringValue(value: string): Value {
  return { ...NO_SPAN, kind: 'string', value };
}

export function numberValue(value: number): Value {
  return { ...NO_SPAN, kind: 'number', value, raw: String(value) };
}

export function booleanValue(value: boolean): Value {
  return { ...NO_SPAN, kind: 'boolean', value };
}

export function dateValue(year: number, month: number, day: number, raw: string): Value {
  return { ...NO_SPAN, kind: 'date', raw, year, month, day };
}

export function datetimeValue(raw: string): Value {
  return { ...NO_SPAN, kind: 'datetime', raw };
}

/** Words that cannot stand as a bare value (they continue the expression): these get quotes. */
const NOT_BARE = new Set(['and', 'or', 'including', 'true', 'false']);

/** An enumeration option value: bare when it is a plain identifier, quoted otherwise. */
export function optionValue(value: string): Value {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !NOT_BARE.has(value.toLowerCase());
  return bare ? { ...NO_SPAN, kind: 'word', value } : stringValue(value);
}

export function single(value: Value): Operand {
  return { ...NO_SPAN, kind: 'single', value };
}

export function list(values: Value[], anyOf: boolean): Operand {
  return { ...NO_SPAN, kind: 'list', values, anyOf };
}
