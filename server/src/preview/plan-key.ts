// Structural keys and display text for plan nodes. A key names exactly what a node computes
// (resolved operands included), so equal keys on the same data version give equal results.

import type { PlanNode } from './plan-types';

export function planKey(p: PlanNode): string {
  switch (p.kind) {
    case 'and':
    case 'or':
      return `${p.kind}(${p.children.map(planKey).join(',')})`;
    case 'not':
      return `not(${planKey(p.child)})`;
    case 'filter':
      return `F${JSON.stringify(p.filter)}`;
    case 'inList':
      return `L#${p.listId}`;
    case 'inWorkspaceList':
      return `W(${planKey(p.plan)})`;
    case 'association':
      return `A(${planKey(p.companies)})`;
    case 'form':
      return `form(${p.formId ?? '*'},${p.since ?? '-'})`;
    case 'constant':
      return p.accept ? 'everyone' : 'no one';
    case 'unavailable':
      return `?${p.text}`;
  }
}

export function planText(p: PlanNode): string {
  switch (p.kind) {
    case 'and':
    case 'or':
      return p.children.map((c) => (c.kind === 'and' || c.kind === 'or' ? `(${planText(c)})` : planText(c))).join(` ${p.kind} `);
    case 'not':
      return `not ${p.child.kind === 'and' || p.child.kind === 'or' ? `(${planText(p.child)})` : planText(p.child)}`;
    case 'constant':
      return p.accept ? 'everyone' : 'no one';
    default:
      return p.text;
  }
}
