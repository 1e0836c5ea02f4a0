// A local HubSpot on 127.0.0.1: Lists v3 (with folders), Properties v3, contacts/companies read and
// search, v4 associations, CRM exports (their files served by a file host on a port of its own), each
// also under its date-based path (2026-03, 2026-09), rate limits, faults, and a request log. Start
// with `startHubSpotEmulator()`.

import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePortal, type Portal } from '../data/hubspot-portal';
import { loadDefaultSchema, type EmulatorSchema } from '../data/hubspot-schema';
import { adminRoutes, type EmulatorControl, type LoggedRequest } from './admin-routes';
import { checkAuth, type AuthOptions } from './auth';
import { canonicalPath } from './api-versions';
import { faultResponse, FaultInjector, type FaultOutcome } from './faults';
import { foldersRoutes } from './folders-routes';
import { findRoute, hubspotError, type Route, type RouteResult } from './http-kit';
import { listsRoutes } from './lists-routes';
import { membershipsRoutes } from './memberships-routes';
import { accountRoutes } from './account-routes';
import { ownersRoutes } from './owners-routes';
import { formsRoutes } from './forms-routes';
import { pagesRoutes } from './pages-routes';
import { preferencesRoutes } from './preferences-routes';
import { marketingEmailsRoutes } from './emails-routes';
import { emailEventsRoutes } from './email-events-routes';
import { eventsRoutes } from './events-routes';
import { ExportStore, type ExportsOptions } from './exports';
import { exportsRoutes } from './exports-routes';
import { startExportHost, type FileRequest } from './export-host';
import { objectsRoutes } from './objects-routes';
import { propertiesRoutes } from './properties-routes';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { searchRoutes } from './search-routes';
import { EmulatorState } from './state';
import { INVALID_JSON, parseJson, readBody, send, sendTruncated } from './wire';

export interface HubSpotEmulatorOptions extends AuthOptions {
  port?: number;
  host?: string;
  /** Generate a portal from this seed (with `contacts` contacts, dated up to the clock's day); or pass `portal`; default: empty. */
  seed?: number;
  contacts?: number;
  portal?: Portal;
  schema?: EmulatorSchema;
  /** Epoch ms; default Date.now. Tests inject a fixed or stepped clock. */
  clock?: () => number;
  rateLimits?: RateLimitOptions;
  /** How long a DYNAMIC/SNAPSHOT list stays PROCESSING after a change (or until it is read once). Default 50 ms; Infinity: for ever. */
  processingDelayMs?: number;
  timeZone?: string;
  /** The portal's id (account-info); default 4242001. */
  portalId?: number;
  /** False: a portal without an Enterprise subscription, whose Events API (page views) answers 403. Default true. */
  eventsApi?: boolean;
  /** CRM exports: how long one takes, when files are zipped and split, the daily limit. */
  exports?: ExportsOptions;
  /**
   * Every API answer waits this long after its request was handled (default 0): a real HubSpot takes a few
   * hundred milliseconds an answer, loopback one, so a client that reads one request after another is
   * slow only against the first. Benchmarks set it to show that wait.
   */
  latencyMs?: number;
}

/** The emulated file host that serves export files (another origin than the API; no token needed or wanted). */
export interface EmulatedFileHost {
  url: string;
  /** Every request it received, with whether it carried an Authorization header. */
  requests: FileRequest[];
  /** Faults of the file host only (the API's `faults` never touch it). */
  faults: FaultInjector;
}

export interface HubSpotEmulator {
  url: string;
  port: number;
  state: EmulatorState;
  faults: FaultInjector;
  limiter: RateLimiter;
  requests: LoggedRequest[];
  /** The CRM exports: `exports.failNext(…)` spoils the next export. */
  exports: ExportStore;
  files: EmulatedFileHost;
  advanceClock(ms: number): void;
  stop(): Promise<void>;
}

export async function startHubSpotEmulator(options: HubSpotEmulatorOptions = {}): Promise<HubSpotEmulator> {
  let clockOffset = 0;
  const baseClock = options.clock ?? Date.now;
  const now = (): number => baseClock() + clockOffset;
  const state = new EmulatorState(options.schema ?? loadDefaultSchema(), now, options.timeZone);
  const seeded = (seed: number, contacts: number): Portal => generatePortal({ seed, contacts, today: new Date(now()) });
  const portal = options.portal ?? (options.seed !== undefined ? seeded(options.seed, options.contacts ?? 100) : undefined);
  if (portal) state.loadPortal(portal);
  const faults = new FaultInjector();
  const exports = new ExportStore(state, options.exports);
  const fileFaults = new FaultInjector();
  const limiter = new RateLimiter(options.rateLimits ?? {}, now);
  const requests: LoggedRequest[] = [];
  const control: EmulatorControl = {
    state, faults, requests,
    seed: (seed, contacts) => {
      state.reset();
      state.loadPortal(seeded(seed, contacts));
    },
    reset: () => {
      state.reset();
      faults.clear();
      exports.reset();
      fileFaults.clear();
      limiter.reset();
      requests.length = 0;
    },
    advanceClock: (ms) => (clockOffset += ms),
  };
  // Folder routes first: `/crm/v3/lists/folders` would otherwise match `GET /crm/v3/lists/:listId`.
  const api = [
    ...foldersRoutes(state),
    ...listsRoutes({ state, processingDelayMs: options.processingDelayMs ?? 50 }),
    ...membershipsRoutes(state),
    ...searchRoutes(state),
    ...objectsRoutes(state),
    ...propertiesRoutes(state),
    ...accountRoutes(state, { portalId: options.portalId ?? 4242001 }),
    ...ownersRoutes(),
    ...formsRoutes(state),
    ...pagesRoutes(state),
    ...preferencesRoutes(state),
    ...marketingEmailsRoutes(),
    ...emailEventsRoutes(state, options.portalId ?? 4242001),
    ...eventsRoutes(state, { enabled: options.eventsApi !== false }),
    ...exportsRoutes(state, exports),
  ];
  const admin = adminRoutes(control);
  const server = http.createServer((req, res) => {
    handle(req, res, { api, admin, options, faults, limiter, requests, now }).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else send(res, hubspotError(500, 'INTERNAL_ERROR', `Emulator failure: ${String(error)}`), limiter.headers());
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const fileHost = await startExportHost(exports, fileFaults, now);
  return {
    url: `http://127.0.0.1:${port}`, port, state, faults, limiter, requests, exports,
    files: { url: fileHost.url, requests: fileHost.requests, faults: fileFaults },
    advanceClock: control.advanceClock,
    // Closing every connection also ends requests a `hold` fault never answers.
    stop: async () => {
      await fileHost.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
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

interface ApiRequest {
  req: http.IncomingMessage;
  method: string;
  url: URL;
  /** The v3/v4 path routes, auth and limits use (a dated path mapped; see api-versions.ts). */
  path: string;
  body: unknown;
}

/** An answer and the rate-limit headers as they stood right after the request was admitted. */
interface Answer {
  result: RouteResult;
  rateHeaders: Record<string, string>;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: Context): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const text = await readBody(req);
  const body = parseJson(text);
  if (url.pathname.startsWith('/__emulator/')) {
    send(res, body === INVALID_JSON ? invalidJson() : dispatch(ctx.admin, method, url.pathname, url, body), {});
    return;
  }
  const request: ApiRequest = { req, method, url, path: canonicalPath(url.pathname), body };
  const entry = logEntry(req, url, body === INVALID_JSON ? text : body, ctx.now());
  ctx.requests.push(entry);
  await handleApi(request, res, ctx, entry);
}

/** Faults decide whether the real handler runs, and what becomes of its answer. */
async function handleApi(request: ApiRequest, res: http.ServerResponse, ctx: Context, entry: LoggedRequest): Promise<void> {
  const fault = ctx.faults.next(request.method, [request.url.pathname, request.path]);
  const terminal = fault.terminal;
  if (terminal) entry.fault = terminal.type;
  await sleep(fault.delayBeforeMs);
  if (terminal?.type === 'hold') {
    entry.status = 'held';
    return;
  }
  if (terminal?.type === 'reset' && !terminal.after) {
    entry.status = 'reset';
    request.req.socket.destroy();
    return;
  }
  const answer = answerFor(request, ctx, fault, entry);
  await sleep(fault.delayAfterMs + (ctx.options.latencyMs ?? 0));
  if (terminal?.type === 'reset') {
    entry.status = 'reset';
    request.req.socket.destroy();
    return;
  }
  const headers = answer.result.status === 401 ? {} : answer.rateHeaders;
  if (terminal?.type === 'truncate') {
    entry.status = terminal.status ?? answer.result.status;
    sendTruncated(res, answer.result, headers, terminal);
    return;
  }
  entry.status = answer.result.status;
  send(res, answer.result, headers);
}

/** A fault's answer in place of the handler's, or the handler's (a `body` fault with `after` replaces it). */
function answerFor(request: ApiRequest, ctx: Context, fault: FaultOutcome, entry: LoggedRequest): Answer {
  const terminal = fault.terminal;
  const runsHandler = !terminal || ['reset', 'truncate'].includes(terminal.type) || (terminal.type === 'body' && terminal.after === true);
  if (!runsHandler) return { result: faultResponse(terminal)!, rateHeaders: ctx.limiter.headers() };
  const answer = respond(request, ctx);
  if (terminal) entry.handled = answer.result.status;
  return terminal?.type === 'body' ? { ...answer, result: faultResponse(terminal)! } : answer;
}

function respond(request: ApiRequest, ctx: Context): Answer {
  const { method, path } = request;
  const denied = checkAuth(request.req.headers.authorization, method, path, ctx.options);
  if (denied) return { result: denied, rateHeaders: ctx.limiter.headers() };
  const isSearch = method === 'POST' && /^\/crm\/v3\/objects\/[^/]+\/search\/?$/.test(path);
  const admitted = ctx.limiter.admit(isSearch);
  if (admitted.rejected) return { result: admitted.rejected, rateHeaders: admitted.headers };
  if (request.body === INVALID_JSON) return { result: invalidJson(), rateHeaders: admitted.headers };
  return { result: dispatch(ctx.api, method, path, request.url, request.body), rateHeaders: admitted.headers };
}

/** A trailing slash is ignored, as HubSpot does (the SDK sends `/crm/v3/lists/` for create and get-many). */
function dispatch(routes: Route[], method: string, routePath: string, url: URL, body: unknown): RouteResult {
  const path = routePath.replace(/(.)\/+$/, '$1');
  const found = findRoute(routes, method, path);
  if (found === undefined) return hubspotError(404, 'OBJECT_NOT_FOUND', `No endpoint ${method} ${url.pathname}.`);
  if (found === 'method') return hubspotError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${url.pathname}.`);
  return found.route.handler({ method, path, params: found.params, query: url.searchParams, body });
}

function invalidJson(): RouteResult {
  return hubspotError(400, 'VALIDATION_ERROR', 'Invalid input JSON: the request body is not valid JSON.');
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
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
