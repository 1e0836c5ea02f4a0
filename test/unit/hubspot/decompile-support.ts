// Shared by the decompile tests: HubSpot JSON builders and a compact rendering of decompiled trees,
// close to the language (not the grammar's printer), so expectations read like the language.

import { printExpr, type Expr, type Operand, type Value } from '@hslist/grammar';
import { decompileList } from '../../../server/src/hubspot/decompile';
import { TEST_SCHEMA } from './compile-schema';

export const CTX = { schema: TEST_SCHEMA, listNameFor: (id: string) => (id === '77' ? 'Webinar attendees' : undefined) };

function showValue(v: Value): string {
  if (v.kind === 'string') return JSON.stringify(v.value);
  if (v.kind === 'number' || v.kind === 'date' || v.kind === 'datetime') return v.raw;
  if (v.kind === 'relative') return `${v.offset ? `${v.offset.count} ${v.offset.unit}s ${v.offset.direction} ` : ''}${v.anchor}`;
  if (v.kind === 'property') return v.updated ? `when ${v.property.text} was updated` : `property ${v.property.text}`;
  return String(v.value);
}

function showOperand(o: Operand): string {
  switch (o.kind) {
    case 'none': return '';
    case 'single': return ` ${showValue(o.value)}`;
    case 'list': return ` (${o.values.map(showValue).join(', ')})`;
    case 'range': return ` ${showValue(o.low)} and ${showValue(o.high)}`;
    case 'days': return ` ${showValue(o.count)} days`;
    case 'calendar': return ` ${o.count ? `${showValue(o.count)} ` : ''}${o.unit}`;
    case 'property': return ` property ${o.property.text}`;
  }
}

/** A compact rendering of a tree, close to the language (not the grammar's printer). */
export function show(e: Expr | undefined): string {
  if (!e) return '';
  switch (e.kind) {
    case 'and': return e.operands.map(show).join(' and ');
    case 'or': return e.operands.map(show).join(' or ');
    case 'not': return `not ${show(e.operand)}`;
    case 'paren': return `(${show(e.inner)})`;
    case 'property':
      return `${e.property.text} ${e.operator}${showOperand(e.operands)}${e.includeUnknown ? ' including unknown' : ''}`;
    case 'inList': return `in list ${e.target.by === 'id' ? `#${e.target.text}` : JSON.stringify(e.target.text)}`;
    case 'association': return printExpr({ ...e, where: undefined }).replace(/ \?\?$/, ` ${show(e.where)}`);
    case 'associationCount': return printExpr(e);
    case 'formSubmission': return printExpr(e);
    case 'subscription': return printExpr(e);
    case 'emailEvent': return printExpr(e);
    case 'pageView': return printExpr(e);
    case 'webinar': return printExpr(e);
    case 'cta': return printExpr(e);
    case 'adsSeen': return printExpr(e);
    case 'constant': return e.accept ? 'everyone' : 'nobody';
    case 'conditionRef': return `condition ${e.name.text}`;
    case 'error': return '<error>';
  }
}

export const and = (...filters: unknown[]) => ({ filterBranchType: 'AND', filterBranches: [], filters });
export const root = (...ands: unknown[]) => ({ filterBranchType: 'OR', filters: [], filterBranches: ands });
export const dynamic = (filterBranch: unknown) => ({ listId: '9', name: 'Pulled', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch });
export const prop = (property: string, operation: object) => ({ filterType: 'PROPERTY', property, operation });

export function decompiled(filterBranch: unknown) {
  const result = decompileList(dynamic(filterBranch), CTX);
  return { where: show(result.list?.where), codes: result.diagnostics.map((d) => d.code), result };
}
