// Runs a SOQL query over an in-memory table: parse, compile, filter, sort, OFFSET, LIMIT. Returns every
// matching row (projection and paging into batches happen in the REST layer).

import type { SoqlError } from './ast';
import { compileQuery, type CompiledQuery, type Row } from './compile';
import { parseSoql } from './parser';
import { dayValue, parseDateTime } from './dates';
import type { SfFieldDef, SfObjectName, SfObjects } from '../schema';

export interface QueryResultRows {
  query: CompiledQuery;
  rows: Row[];
}

export function runSoql(source: string, table: (object: SfObjectName) => Iterable<Row>, now: Date, objects?: SfObjects): QueryResultRows | SoqlError {
  const parsed = parseSoql(source);
  if ('errorCode' in parsed) return parsed;
  const query = compileQuery(parsed, source, now, objects);
  if ('errorCode' in query) return query;
  let rows: Row[] = [];
  for (const row of table(query.object.name)) if (query.predicate(row)) rows.push(row);
  if (query.orderBy.length > 0) rows = sortRows(rows, query);
  const start = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : start + query.limit;
  return { query, rows: rows.slice(start, end) };
}

function sortRows(rows: Row[], query: CompiledQuery): Row[] {
  return [...rows].sort((a, b) => {
    for (const { field, descending, nullsLast } of query.orderBy) {
      const order = compareForSort(field, a[field.name] ?? null, b[field.name] ?? null, descending, nullsLast);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function compareForSort(field: SfFieldDef, a: Row[string], b: Row[string], descending: boolean, nullsLast: boolean): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === nullsLast ? 1 : -1;
  }
  const order = sortKey(field, a) < sortKey(field, b) ? -1 : sortKey(field, a) > sortKey(field, b) ? 1 : 0;
  return descending ? -order : order;
}

function sortKey(field: SfFieldDef, value: string | number | boolean): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (field.type === 'date') return dayValue(value);
  if (field.type === 'datetime') return parseDateTime(value);
  if (field.type === 'id' || field.type === 'reference') return value;
  return value.toLowerCase();
}
