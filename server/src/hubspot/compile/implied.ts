// `P is not X and P is known`: HubSpot's filter already leaves out contacts with no value for P
// (its no-value flag is false), so the `is known` says in the text what the filter does anyway
// (the quick fix of `unknown-excluded` writes it). It is dropped from the AND group, so the
// explicit text and the short one publish the same JSON and pulled lists can say it too.

import { isHistoryOperator } from '../../language/operators';
import type { Filter, PropertyFilter } from '../filter-branch';

/** A filter that can only match a contact that has a value for its property. */
function requiresValue(f: Filter): f is PropertyFilter {
  if (f.filterType !== 'PROPERTY') return false;
  const op = f.operation;
  if (op.operationType === 'ALL_PROPERTY' || op.includeObjectsWithNoValueSet || isHistoryOperator(op.operator)) return false;
  return !('propertyParser' in op) || op.propertyParser !== 'UPDATED_AT';
}

function isKnownFilter(f: Filter): f is PropertyFilter {
  return f.filterType === 'PROPERTY' && f.operation.operationType === 'ALL_PROPERTY' && f.operation.operator === 'IS_KNOWN';
}

/** The AND group's filters without the `is known` ones another filter of the group implies. */
export function withoutImpliedKnown<F extends Filter>(filters: F[]): F[] {
  const valued = new Set(filters.filter(requiresValue).map((f) => (f as PropertyFilter).property));
  return filters.filter((f) => !(isKnownFilter(f) && valued.has(f.property)));
}
