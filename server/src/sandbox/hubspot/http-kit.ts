// Small HTTP helpers for the emulator: HubSpot-shaped errors, route results, and a route table.

import { randomUUID } from 'node:crypto';

export interface RouteResult {
  status: number;
  /** JSON-encoded on the wire. */
  body?: unknown;
  /** Sent as is instead of `body` (body faults: malformed pages, bad JSON). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export type RouteHandler = (request: RouteRequest) => RouteResult;

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/** `/crm/v3/lists/:listId/memberships` → a matcher; params are URL-decoded. */
export function route(method: string, template: string, handler: RouteHandler): Route {
  const names: string[] = [];
  const source = template.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
}

export function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | undefined {
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
    return { route: candidate, params };
  }
  return pathMatched ? 'method' : undefined;
}

export function correlationId(): string {
  return randomUUID();
}

/** HubSpot's error body: `{status:"error", message, correlationId, category}` plus optional extras. */
export function hubspotError(status: number, category: string, message: string, extra: Record<string, unknown> = {}): RouteResult {
  return { status, body: { status: 'error', message, correlationId: correlationId(), category, ...extra } };
}

export function validationError(message: string, errors: { message: string; in?: string }[] = []): RouteResult {
  return hubspotError(400, 'VALIDATION_ERROR', message, errors.length > 0 ? { errors } : {});
}

export function notFound(message: string): RouteResult {
  return hubspotError(404, 'OBJECT_NOT_FOUND', message);
}

export function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}

/** A batch answer: the envelope as it is when every input had a result, else 207 with `numErrors` and the error items. */
export function batchAnswer(envelope: Record<string, unknown>, errors: unknown[]): RouteResult {
  return errors.length === 0 ? ok(envelope) : ok({ ...envelope, numErrors: errors.length, errors }, 207);
}

/** Parses an integer query/body parameter; undefined when absent, NaN when malformed. */
export function intParam(value: string | null | undefined | unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return /^-?\d+$/.test(String(value)) ? Number(value) : NaN;
}

export function boolParam(value: string | null): boolean {
  return value === 'true';
}

/**
 * One page of `items` for a GET that pages by `limit` and an `after` cursor (the emulator's cursors are
 * offsets): the page and the `paging` to send (none on the last page; `link` where the spec has one), or
 * the 400 HubSpot gives for a bad `limit` or `after`.
 */
export function offsetPage<T>(query: URLSearchParams, items: readonly T[], limits: { byDefault: number; max: number; link?: boolean }): { page: T[]; paging: { paging?: unknown } } | { error: RouteResult } {
  const limit = intParam(query.get('limit')) ?? limits.byDefault;
  if (Number.isNaN(limit) || limit < 1 || limit > limits.max) return { error: validationError(`limit must be a whole number from 1 to ${limits.max}; got "${query.get('limit')}".`) };
  const start = Number(query.get('after') ?? 0);
  if (!Number.isInteger(start) || start < 0) return { error: validationError(`after must be a cursor from an earlier page; got "${query.get('after')}".`) };
  const after = String(start + limit);
  const paging = start + limit < items.length ? { paging: { next: limits.link === false ? { after } : { after, link: '' } } } : {};
  return { page: items.slice(start, start + limit), paging };
}
