// How HubSpot rewrites a filterBranch it stores: what a client reads back is not byte-for-byte what
// it sent, so a client that compares the two (publish: "is the list up to date?") must compare
// meaning, not JSON. Each rewrite below names the public HubSpot source that shows it. evaluate.ts
// reads the rewritten form; none of these rewrites changes which records match.

import { asArray, asJson, type Json } from './evaluate-types';

/** Operation types whose `values` HubSpot may return in another order than sent. */
const VALUE_LIST_OPERATIONS = new Set(['ENUMERATION', 'MULTISTRING']);

/**
 * Rewrites, on every branch and filter:
 * - `filterBranchOperator` = `filterBranchType` (every response example of the Lists v3 reference,
 *   e.g. GET /crm/v3/lists and PUT /crm/v3/lists/{listId}/update-list-filters, carries both);
 * - PROPERTY operations get `includeObjectsWithNoValueSet: false` when omitted (same examples: the
 *   update-list-filters request omits it, the response has `false`);
 * - array values come back reordered: the update-list-filters example sends EMAIL_SUBSCRIPTION
 *   `subscriptionIds` ["81537745", "321981152"] and reads back ["321981152", "81537745"], i.e. in
 *   code-point order. The emulator applies that order to `subscriptionIds` and to the `values` of
 *   ENUMERATION and MULTISTRING operations (their order carries no meaning either), so a client
 *   that compares arrays positionally fails here as it would against HubSpot;
 * - EMAIL_SUBSCRIPTION filters get `subscriptionType: "SUBSCRIPTION"` when omitted (same example).
 * Numbers sent as numeric strings are stored as sent: HubSpot does not document converting them.
 * Idempotent: rewriting a rewritten branch changes nothing.
 */
export function normaliseFilterBranch(branch: Json): Json {
  return {
    ...branch,
    filterBranchOperator: branch.filterBranchType,
    filters: asArray(branch.filters).map((filter) => normaliseFilter(asJson(filter))),
    filterBranches: asArray(branch.filterBranches).map((child) => normaliseFilterBranch(asJson(child))),
  };
}

function normaliseFilter(filter: Json): Json {
  if (filter.filterType === 'EMAIL_SUBSCRIPTION') {
    const rewritten: Json = { ...filter, subscriptionType: filter.subscriptionType ?? 'SUBSCRIPTION' };
    if (Array.isArray(filter.subscriptionIds)) rewritten.subscriptionIds = inCodePointOrder(filter.subscriptionIds);
    return rewritten;
  }
  if (filter.filterType !== 'PROPERTY') return filter;
  const operation: Json = { ...asJson(filter.operation) };
  operation.includeObjectsWithNoValueSet = operation.includeObjectsWithNoValueSet ?? false;
  if (VALUE_LIST_OPERATIONS.has(String(operation.operationType)) && Array.isArray(operation.values)) {
    operation.values = inCodePointOrder(operation.values);
  }
  return { ...filter, operation };
}

/** Ascending by Unicode code point (UTF-8 byte order equals code-point order); non-strings keep their text. */
export function inCodePointOrder(values: unknown[]): unknown[] {
  return [...values].sort((a, b) => Buffer.compare(Buffer.from(String(a), 'utf8'), Buffer.from(String(b), 'utf8')));
}
