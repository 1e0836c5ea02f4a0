// A local HubSpot on 127.0.0.1: Lists v3, Properties v3, contacts/companies read and search, v4
// associations, rate limits, faults, and a request log. Start with `startHubSpotEmulator()`.

import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePortal, type Portal } from '../data/hubspot-portal';
import { loadDefaultSchema, type EmulatorSchema } from '../data/hubspot-schema';
import { adminRoutes, type EmulatorControl, type LoggedRequest } from './admin-routes';
import { checkAuth, type AuthOptions } from './auth';
import { FaultInjector } from './faults';
import { findRoute, hubspotError, type Route, type RouteResult } from './http-kit';
import { listsRoutes } from './lists-routes';
import { membershipsRoutes } from './memberships-routes';
import { accountRoutes } from './account-routes';
import { objectsRoutes } from './objects-routes';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { searchRoutes } from './search-routes';
import { EmulatorState } from './state';

export interface HubSpotEmulatorOptions extends AuthOptions {
  port?: number;
  host?: string;
  /** Generate a portal from this seed (with `contacts` contacts); or pass `portal`; default: empty. */
  seed?: number;
  contacts?: number;
  portal?: Portal;
  schema?: EmulatorSchema;
  /** Epoch ms; default Date.now. Tests inject a fixed or stepped clock. */
  clock?: () => number;
  rateLimits?: RateLimitOptions;
  /** How long a DYNAMIC/SNAPSHOT list stays PROCESSING after a change. Default 50 ms. */
  processingDelayMs?: number;
  timeZone?: string;
  /** The portal's id (account-info); default 4242001. */
  portalId?: number;
}

export interface HubSpotEmulator {
  url: string;
  port: number;
  state: EmulatorState;
  faults: FaultInjector;
  limiter: RateLimiter;
  requests: LoggedRequest[];
  advanceClock(ms: number): void;
  stop(): Promise<void>;
}

export async function startHubSpotEmulator(options: HubSpotEmulatorOptions = {}): Promise<HubSpotEmulator> {
  let clockOffset = 0;
  const baseClock = options.clock ?? Date.now;
  const now = (): number => baseClock() + clockOffset;
  const state = new EmulatorState(options.schema ?? loadDefaultSchema(), now, options.timeZone);
  const portal = options.portal ?? (options.seed !== undefined ? generatePortal({ seed: options.seed, contacts: options.contacts ?? 100 }) : undefined);
  if (portal) state.loadPortal(portal);
  const faults = new FaultInjector();
  const limiter = new RateLimiter(options.rateLimits ?? {}, now);
  const requests: LoggedRequest[] = [];
  const control: EmulatorControl = {
    state, faults, requests,
    seed: (seed, contacts) => {
      state.reset();
      state.loadPortal(generatePortal({ seed, contacts }));
    },
    reset: () => {
      state.reset();
      faults.clear();
      limiter.reset();
      requests.length = 0;
    },
    advanceClock: (ms) => (clockOffset += ms),
  };
  const api = [
    ...listsRoutes({ state, processingDelayMs: options.processingDelayMs ?? 50 }),
    ...membershipsRoutes(state),
    ...searchRoutes(state),
    ...objectsRoutes(state),
    ...accountRoutes(state, { portalId: options.portalId ?? 4242001 }),
  ];
  const admin = adminRoutes(control);
  const server = http.createServer((req, res) => {
    handle(req, res, { api, admin, options, faults, limiter, requests, now }).catch((error: unknown) => {
      send(res, hubspotError(500, 'INTERNAL_ERROR', `Emulator failure: ${String(error)}`), {});
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`, port, state, faults, limiter, requests,
    advanceClock: control.advanceClock,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

interface Context {
  api: Route[];
  admin: Route[];
  options: HubSpotEmulatorOptions;
  faults: FaultInjector;
  limiter: RateLimiter;
  requests: LoggedRequest[];
  now: () => number;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: Context): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const text = await readBody(req);
  const body = parseJson(text);
  if (url.pathname.startsWith('/__emulator/')) {
    send(res, body === INVALID ? invalidJson() : dispatch(ctx.admin, method, url, body), {});
    return;
  }
  const entry = logEntry(req, url, body === INVALID ? text : body, ctx.now());
  ctx.requests.push(entry);
  const fault = ctx.faults.next(url.pathname);
  if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.reset) {
    entry.status = 'reset';
    req.socket.destroy();
    return;
  }
  const result = fault.response ?? respond(req, method, url, body, ctx);
  entry.status = result.status;
  send(res, result, result.status === 401 ? {} : ctx.limiter.headers());
}

function respond(req: http.IncomingMessage, method: string, url: URL, body: unknown, ctx: Context): RouteResult {
  const denied = checkAuth(req.headers.authorization, method, url.pathname, ctx.options);
  if (denied) return denied;
  const isSearch = method === 'POST' && /^\/crm\/v3\/objects\/[^/]+\/search$/.test(url.pathname);
  const admitted = ctx.limiter.admit(isSearch);
  if (admitted.rejected) return admitted.rejected;
  if (body === INVALID) return invalidJson();
  return dispatch(ctx.api, method, url, body);
}

/** A trailing slash is ignored, as HubSpot does (the SDK sends `/crm/v3/lists/` for create and get-many). */
function dispatch(routes: Route[], method: string, url: URL, body: unknown): RouteResult {
  const path = url.pathname.replace(/(.)\/+$/, '$1');
  const found = findRoute(routes, method, path);
  if (found === undefined) return hubspotError(404, 'OBJECT_NOT_FOUND', `No endpoint ${method} ${path}.`);
  if (found === 'method') return hubspotError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${path}.`);
  return found.route.handler({ method, path, params: found.params, query: url.searchParams, body });
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

function invalidJson(): RouteResult {
  return hubspotError(400, 'VALIDATION_ERROR', 'Invalid input JSON: the request body is not valid JSON.');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Never keeps the Authorization header (only a hash of its bearer token), nor a `hapikey` query parameter. */
function logEntry(req: http.IncomingMessage, url: URL, body: unknown, nowMs: number): LoggedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query = new URLSearchParams(url.searchParams);
  query.delete('hapikey');
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const entry: LoggedRequest = { at: new Date(nowMs).toISOString(), method: req.method ?? 'GET', path: url.pathname, query: query.toString(), headers, body };
  if (bearer !== undefined) entry.bearerSha256 = createHash('sha256').update(bearer).digest('hex');
  return entry;
}

function send(res: http.ServerResponse, result: RouteResult, headers: Record<string, string>): void {
  const all: Record<string, string> = { ...headers, ...result.headers };
  if (result.body === undefined) {
    res.writeHead(result.status, all);
    res.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, { ...all, 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': String(Buffer.byteLength(payload)) });
  res.end(payload);
}
