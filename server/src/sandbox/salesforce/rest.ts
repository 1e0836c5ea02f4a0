// The REST API under /services/data/vXX.X/: authentication, the daily request budget (with the
// Sforce-Limit-Info header on every response), then routing to query, describe, limits and record reads.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeGlobal, describeObject } from './describe';
import { bearerToken, sendJson } from './http-util';
import { batchSizeOf, errorReply, queryMore, recordAttributes, runQuery, type RestReply } from './query-route';
import { findObject } from './schema';
import type { SalesforceOrgState } from './state';

export function handleRest(req: IncomingMessage, res: ServerResponse, state: SalesforceOrgState, url: URL, version: string, rest: string): void {
  state.requestLog.push(`${req.method} ${url.pathname}`);
  const reply = authorise(req, state) ?? route(req, state, url, version, rest);
  const limitInfo = `api-usage=${state.apiUsage}/${state.dailyRequestLimit}`;
  const extra: Record<string, string> = reply.status === 401 ? { 'WWW-Authenticate': 'Token' } : {};
  sendJson(res, reply.status, reply.body, { 'Sforce-Limit-Info': limitInfo, ...extra });
}

/** 401 for a missing or unknown token, 403 once the day's requests are used up; otherwise counts the call. */
function authorise(req: IncomingMessage, state: SalesforceOrgState): RestReply | undefined {
  const token = bearerToken(req);
  if (token === undefined || !state.tokens.has(token)) return errorReply(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
  if (state.apiUsage >= state.dailyRequestLimit) return errorReply(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  state.apiUsage++;
  return undefined;
}

function route(req: IncomingMessage, state: SalesforceOrgState, url: URL, version: string, rest: string): RestReply {
  if (req.method !== 'GET') return errorReply(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are GET`);
  const parts = rest.split('/').filter((part) => part !== '').map(decodeURIComponent);
  const [head, second, third] = parts;
  if (head === 'query' || head === 'queryAll') {
    if (second !== undefined) return queryMore(state, second, version, batchSizeOf(req));
    return runQuery(state, url.searchParams.get('q'), head === 'queryAll', version, batchSizeOf(req));
  }
  if (head === 'limits' && parts.length === 1) return { status: 200, body: limits(state) };
  if (head === 'sobjects') return sobjects(state, url, version, second, third, parts.length);
  return notFound();
}

function sobjects(state: SalesforceOrgState, url: URL, version: string, name: string | undefined, rest: string | undefined, depth: number): RestReply {
  if (name === undefined) return { status: 200, body: describeGlobal(version) };
  const object = findObject(name, state.visibleSchema());
  if (!object) return errorReply(404, 'NOT_FOUND', `The requested resource does not exist`);
  if (rest === 'describe' && depth === 3) return { status: 200, body: describeObject(object, version) };
  if (rest === undefined || depth !== 3) return notFound();
  const row = state.findRecord(object.name, rest);
  if (!row) return errorReply(404, 'NOT_FOUND', 'Provided external ID field does not exist or is not accessible: ' + rest);
  const wanted = url.searchParams.get('fields')?.split(',').map((f) => f.trim()) ?? object.fields.map((f) => f.name);
  const record: Record<string, unknown> = { attributes: recordAttributes(object.name, row.Id, version) };
  for (const fieldName of wanted) {
    const field = object.fields.find((f) => f.name.toLowerCase() === fieldName.toLowerCase());
    if (!field) return errorReply(400, 'INVALID_FIELD', `No such column '${fieldName}' on sobject of type ${object.name}`);
    record[field.name] = row[field.name] ?? null;
  }
  return { status: 200, body: record };
}

function limits(state: SalesforceOrgState): unknown {
  const budget = (max: number, used: number): { Max: number; Remaining: number } => ({ Max: max, Remaining: Math.max(0, max - used) });
  return {
    DailyApiRequests: budget(state.dailyRequestLimit, state.apiUsage),
    DailyBulkApiBatches: budget(15000, 0),
    DailyBulkV2QueryJobs: budget(10000, 0),
    DailyBulkV2QueryFileStorageMB: budget(976562, 0),
    ConcurrentSyncReportRuns: budget(20, 0),
    DataStorageMB: budget(1024, Math.ceil((state.tables.Lead.length + state.tables.Contact.length) * 2 / 1024)),
  };
}

function notFound(): RestReply {
  return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
}
