// WEBINAR, CTA and ADS_TIME → `registered for|attended webinar …`, `clicked|viewed cta "…"` with the forms'
// count and window, `saw any ad <window>` (compile/activity.ts in reverse). Anything the language has no
// phrase for (the _PLACEMENT CTA operators, a count on a negated operator, a window other than the forms')
// is `not-representable`, never a broader list.

import type { Expr } from '@hslist/grammar';
import * as ast from './decompile-ast';
import { readWindow, type WindowEnv } from './decompile-window';
import type { Json } from './decompile-report';
import { readCount } from './decompile-form';
import { CTA_OPERATORS, WEBINAR_OPERATORS } from './compile/activity';

function operatorOf<A extends string>(table: Record<A, { positive: string; negative: string }>, operator: unknown): { action: A; negated: boolean } | undefined {
  for (const action of Object.keys(table) as A[]) {
    if (table[action].positive === operator) return { action, negated: false };
    if (table[action].negative === operator) return { action, negated: true };
  }
  return undefined;
}

export function decompileWebinar(f: Json, path: string, env: WindowEnv): Expr | undefined {
  const op = operatorOf(WEBINAR_OPERATORS, f.operator);
  if (!op) return env.r.notRepresentable(`${path}.operator`, `the webinar operator ${String(f.operator)}`);
  if (f.webinarId !== undefined && (typeof f.webinarId !== 'string' || f.webinarId === '')) return env.r.invalid(`${path}.webinarId`, 'must be a non-empty string');
  const id = f.webinarId as string | undefined;
  const webinar = id === undefined ? undefined : { ...ast.name(id), quoted: !/^\d+$/.test(id) };
  const cond: Expr = { ...ast.NO_SPAN, kind: 'webinar', action: op.action, webinar };
  return op.negated ? ast.not(cond) : cond;
}

export function decompileCta(f: Json, path: string, env: WindowEnv): Expr | undefined {
  const op = operatorOf(CTA_OPERATORS, f.operator);
  if (!op) return env.r.notRepresentable(`${path}.operator`, `the CTA operator ${String(f.operator)}`);
  if (typeof f.ctaName !== 'string' || f.ctaName === '') return env.r.invalid(`${path}.ctaName`, 'must be a non-empty string');
  const count = readCount(f.coalescingRefineBy, op.negated, `${path}.coalescingRefineBy`, env.r, { events: 'CTA interactions', negative: String(f.operator) });
  const window = readWindow(f.pruningRefineBy, `${path}.pruningRefineBy`, env);
  if (count === null || window === null) return undefined;
  const cond: Expr = {
    ...ast.NO_SPAN,
    kind: 'cta',
    action: op.action,
    cta: ast.name(f.ctaName),
    withinLastDays: typeof window === 'number' ? ast.numberValue(window) : undefined,
    ...(count ? { count } : {}),
    ...(typeof window === 'object' ? { window } : {}),
  };
  return op.negated ? ast.not(cond) : cond;
}

export function decompileAdsTime(f: Json, path: string, env: WindowEnv): Expr | undefined {
  if (f.pruningRefineBy === undefined) return env.r.invalid(`${path}.pruningRefineBy`, 'is required on ADS_TIME');
  const window = readWindow(f.pruningRefineBy, `${path}.pruningRefineBy`, env);
  if (window === null || window === undefined) return undefined;
  return { ...ast.NO_SPAN, kind: 'adsSeen', withinLastDays: typeof window === 'number' ? ast.numberValue(window) : undefined, ...(typeof window === 'object' ? { window } : {}) };
}
