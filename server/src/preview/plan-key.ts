// Structural keys and display text for plan nodes. A key names exactly what a node computes
// (resolved operands included), so equal keys on the same data version give equal results.

import type { PlanNode } from './plan-types';

export function planKey(p: PlanNode): string {
  const children = p.kind === 'and' || p.kind === 'or' ? p.children : p.kind === 'not' ? [p.child] : p.kind === 'inWorkspaceList' ? [p.plan] : p.kind === 'association' ? [p.records] : [];
  return planKeyOf(p, children.map(planKey));
}

/** The key of `p` given its children's keys (so a tree's keys are built once, bottom up). */
export function planKeyOf(p: PlanNode, childKeys: readonly string[]): string {
  switch (p.kind) {
    case 'and':
    case 'or':
      return `${p.kind}(${childKeys.join(',')})`;
    case 'not':
      return `not(${childKeys[0]})`;
    case 'filter':
      return `F${JSON.stringify(p.filter)}`;
    case 'inList':
      return `L#${p.listId}`;
    case 'inWorkspaceList':
      return `W(${childKeys[0]})`;
    case 'association':
      return `A(${p.object},${p.primary ? 'primary' : ''},${p.label ?? ''},${childKeys[0]})`;
    case 'associationCount':
      return `N(${p.object},${p.primary ? 'primary' : ''},${p.min},${p.max ?? ''})`;
    case 'form':
      // The page with what judging it reads (its url key), so a page pulled again with another url is another leaf.
      return `form(${p.formId ?? '*'},${p.since ?? '-'},${p.before ?? '-'},${p.from ?? '-'},${p.to ?? '-'},${p.minTimes ?? '-'},${p.maxTimes ?? '-'}${p.page ? `,page:${JSON.stringify([p.page.id, p.page.urlKey ?? null])}` : ''})`;
    case 'emailEvent':
      return `email(${p.appId},${p.emailId},${p.operator},${p.since ?? '-'},${p.before ?? '-'},${p.from ?? '-'},${p.to ?? '-'}${p.clickUrl !== undefined ? `,${JSON.stringify(p.clickUrl)}` : ''})`;
    case 'pageView':
      return `page(${p.match},${JSON.stringify(p.url)},${p.since ?? '-'}${p.minTimes !== undefined ? `,x${p.minTimes}` : ''})`;
    case 'webinar':
      return `webinar(${p.action},${p.webinarId === undefined ? '*' : JSON.stringify(p.webinarId)})`;
    case 'cta':
      return `cta(${p.action},${JSON.stringify(p.ctaName)},${p.since ?? '-'},${p.before ?? '-'},${p.from ?? '-'},${p.to ?? '-'},${p.minTimes ?? '-'},${p.maxTimes ?? '-'})`;
    case 'adsSeen':
      return `ads(${p.since ?? '-'},${p.before ?? '-'},${p.from ?? '-'},${p.to ?? '-'})`;
    case 'subscription':
      return `sub(${p.channel},${p.all ? '*' : p.ids.join('|')},${p.status})`;
    case 'constant':
      return p.accept ? 'everyone' : 'no one';
    case 'members':
      return `M(${JSON.stringify([p.ids, p.emails])})`;
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
