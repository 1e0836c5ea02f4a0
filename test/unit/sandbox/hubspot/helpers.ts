// Builders that let evaluator tests read like the filters they check.

import { matchesFilterBranch, type EvalContact, type EvalContext } from '../../../../server/src/sandbox/hubspot/evaluate';

export type Json = Record<string, unknown>;

export const NOW = Date.parse('2024-06-15T12:00:00Z'); // a Saturday

export function contact(properties: Record<string, string | null>, extra: Partial<EvalContact> = {}): EvalContact {
  return { id: '1', properties, ...extra };
}

export function property(name: string, operation: Json): Json {
  return { filterType: 'PROPERTY', property: name, operation };
}

/** OR( AND(filters...) ) — the shape HubSpot requires. */
export function list(...filters: Json[]): Json {
  return { filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filters, filterBranches: [] }] };
}

export function matches(filter: Json, who: EvalContact, ctx: Partial<EvalContext> = {}): boolean {
  return matchesFilterBranch(list(filter), who, { now: NOW, ...ctx });
}

/** Which of the named contacts a filter keeps, for compact expectations. */
export function kept(filter: Json, contacts: Record<string, EvalContact>, ctx: Partial<EvalContext> = {}): string[] {
  return Object.entries(contacts).filter(([, c]) => matches(filter, c, ctx)).map(([name]) => name);
}
