// A canonical one-line text of a criterion, independent of spacing, comments and parentheses.
// It names clauses in results and explanations; cache keys use the resolved filter instead.

import type { Expr, Operand, Value } from '../../../grammar/src/ast';

export function valueText(v: Value): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
      return v.raw;
    case 'boolean':
      return String(v.value);
    case 'date':
    case 'datetime':
      return v.raw;
    case 'word':
      return v.value;
  }
}

function operandText(o: Operand): string {
  switch (o.kind) {
    case 'none':
      return '';
    case 'single':
      return valueText(o.value);
    case 'list':
      return `${o.anyOf ? 'any of ' : ''}(${o.values.map(valueText).join(', ')})`;
    case 'range':
      return `${valueText(o.low)} and ${valueText(o.high)}`;
    case 'days':
      return `${valueText(o.count)} days`;
    case 'calendar':
      return o.count ? `${valueText(o.count)} ${o.unit}s` : o.unit;
    case 'property':
      return `property ${o.property.text}`;
  }
}

export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return e.operands.map((x) => wrap(x, e.kind)).join(` ${e.kind} `);
    case 'not':
      return `not ${wrap(e.operand, 'not')}`;
    case 'paren':
      return exprText(e.inner);
    case 'property': {
      const operand = operandText(e.operands);
      const unknown = e.includeUnknown ? ' including unknown' : '';
      return `${e.property.text} ${e.operator}${operand ? ' ' + operand : ''}${unknown}`;
    }
    case 'inList':
      return e.target.by === 'id' ? `in list #${e.target.text}` : `in list ${JSON.stringify(e.target.text)}`;
    case 'association':
      return `associated ${e.objectType.text} where ${e.where ? exprText(e.where) : '?'}`;
    case 'formSubmission': {
      const form = e.formId ? `form ${JSON.stringify(e.formId.text)}` : 'any form';
      return `submitted ${form}${e.withinLastDays ? ` in last ${valueText(e.withinLastDays)} days` : ''}`;
    }
    case 'constant':
      return e.accept ? 'everyone' : 'no one';
    case 'error':
      return '<error>';
  }
}

function wrap(e: Expr, parent: 'and' | 'or' | 'not'): string {
  const inner = e.kind === 'paren' ? e.inner : e;
  const needs = (inner.kind === 'or' && parent !== 'or') || (inner.kind === 'and' && parent !== 'and');
  return needs ? `(${exprText(inner)})` : exprText(inner);
}
