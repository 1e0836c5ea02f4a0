// GET query?q=, queryAll?q= and query/{locator}: runs SOQL and pages the result into batches of
// `Sforce-Query-Options: batchSize=N` (200..2,000, default 2,000) with a `nextRecordsUrl` locator.

import type { IncomingMessage } from 'node:http';
import type { Row } from './soql/compile';
import { runSoql } from './soql/run';
import type { QueryCursor, SalesforceOrgState } from './state';

export interface RestReply {
  status: number;
  body: unknown;
}

const DEFAULT_BATCH = 2000;

export function batchSizeOf(req: IncomingMessage): number | undefined {
  const header = req.headers['sforce-query-options'];
  const match = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header.join(',') : header ?? '');
  return match ? Math.min(2000, Math.max(200, Number(match[1]))) : undefined;
}

export function runQuery(state: SalesforceOrgState, soql: string | null, all: boolean, version: string, batchSize?: number): RestReply {
  if (soql === null || soql.trim() === '') return errorReply(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const result = runSoql(soql, (object) => table(state, object, all), state.now(), state.visibleSchema());
  if ('errorCode' in result) return errorReply(400, result.errorCode, result.message);
  const { query, rows } = result;
  if (query.select === 'count') return { status: 200, body: { totalSize: rows.length, done: true, records: [] } };
  const cursor: QueryCursor = { object: query.object.name, select: query.select.map((f) => f.name), rows, batchSize: batchSize ?? DEFAULT_BATCH };
  return { status: 200, body: page(state, cursor, undefined, 0, version) };
}

export function queryMore(state: SalesforceOrgState, locator: string, version: string, batchSize?: number): RestReply {
  const match = /^(01g[0-9A-Za-z]+)-(\d+)$/.exec(locator);
  const cursor = match ? state.cursors.get(match[1]) : undefined;
  if (!match || !cursor || Number(match[2]) >= cursor.rows.length) return errorReply(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
  if (batchSize !== undefined) cursor.batchSize = batchSize;
  return { status: 200, body: page(state, cursor, match[1], Number(match[2]), version) };
}

function page(state: SalesforceOrgState, cursor: QueryCursor, cursorId: string | undefined, start: number, version: string): unknown {
  const end = Math.min(start + cursor.batchSize, cursor.rows.length);
  const records = cursor.rows.slice(start, end).map((row) => project(row, cursor, version));
  const done = end >= cursor.rows.length;
  const body: Record<string, unknown> = { totalSize: cursor.rows.length, done, records };
  if (!done) {
    const id = cursorId ?? state.openCursor(cursor);
    body.nextRecordsUrl = `/services/data/v${version}/query/${id}-${end}`;
  }
  return body;
}

export function recordAttributes(type: string, id: unknown, version: string): { type: string; url: string } {
  return { type, url: `/services/data/v${version}/sobjects/${type}/${String(id)}` };
}

function project(row: Row, cursor: QueryCursor, version: string): Record<string, unknown> {
  const record: Record<string, unknown> = { attributes: recordAttributes(cursor.object, row.Id, version) };
  for (const name of cursor.select) record[name] = row[name] ?? null;
  return record;
}

/** `query` hides deleted rows; `queryAll` includes them. */
function* table(state: SalesforceOrgState, object: keyof SalesforceOrgState['tables'], all: boolean): Iterable<Row> {
  for (const row of state.tables[object]) if (all || !row.IsDeleted) yield row;
}

export function errorReply(status: number, errorCode: string, message: string): RestReply {
  return { status, body: [{ message, errorCode }] };
}
