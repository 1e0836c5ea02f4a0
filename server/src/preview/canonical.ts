// Clause and value text for results and explanations: the formatter's own canonical one-line form, so
// a clause reads exactly as `hslist fmt` would write it. Cache keys use the resolved filter instead.
import { printExpr, printValue, type Expr, type Value } from '@hslist/grammar';

export function valueText(v: Value): string {
  return printValue(v);
}

export function exprText(e: Expr): string {
  return printExpr(e);
}
