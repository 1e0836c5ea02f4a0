// ROLLING_DATE_RANGE (what older tools, hslist among them, wrote for "less than N days ago") back to
// relative times. docs/language.md § Matching semantics reads its N days as N calendar days back or
// ahead from now in the list's zone (Assumed), which is exactly `N days before now`: the pulled list
// matches the same contacts, though it compiles to HubSpot's INDEXED encoding.

import type { Expr, RelativeOffset, Value } from '@hslist/grammar';
import { NO_SPAN, propertyCondition, single } from './decompile-ast';
import { numberField, type Json, type Reporter } from './decompile-report';

function now(offset?: RelativeOffset): Value {
  return { ...NO_SPAN, kind: 'relative', anchor: 'now', offset };
}

export function decompileRolling(op: Json, property: string, flag: boolean, path: string, env: { r: Reporter }): Expr | undefined {
  const n = numberField(op, 'numberOfDays', path, env.r);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 0) return env.r.invalid(`${path}.numberOfDays`, 'must be a whole number, 0 or more');
  if (op.requiresTimeZoneConversion === false) {
    return env.r.notRepresentable(`${path}.requiresTimeZoneConversion`, 'a rolling date without time zone conversion');
  }
  const back = now(n === 0 ? undefined : { count: n, unit: 'day', direction: 'before' });
  const ahead = now(n === 0 ? undefined : { count: n, unit: 'day', direction: 'after' });
  const range = (low: Value, high: Value) => ({ ...NO_SPAN, kind: 'range' as const, low, high });
  switch (op.operator) {
    case 'IS_LESS_THAN_X_DAYS_AGO': return propertyCondition(property, 'is between', range(back, now()), flag);
    case 'IS_MORE_THAN_X_DAYS_AGO': return propertyCondition(property, 'is before', single(back), flag);
    case 'IS_LESS_THAN_X_DAYS_FROM_NOW': return propertyCondition(property, 'is between', range(now(), ahead), flag);
    case 'IS_MORE_THAN_X_DAYS_FROM_NOW': return propertyCondition(property, 'is after', single(ahead), flag);
    default: return env.r.invalid(`${path}.operator`, 'must be a ROLLING_DATE_RANGE operator');
  }
}
