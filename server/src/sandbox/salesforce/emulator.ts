// A local Salesforce org over HTTP on 127.0.0.1: the OAuth2 token endpoint and the REST endpoints hslist
// uses (query/queryAll/queryMore, describe, limits, record reads), in Salesforce's wire shapes, so the real
// jsforce client can be pointed at it. See docs/emulators.md ("Salesforce emulator").

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSalesforceOrg, type SalesforceOrgOptions, type SalesforceRecord } from '../data/salesforce-org';
import { bearerToken, sendErrors, sendJson } from './http-util';
import { handleToken } from './oauth';
import { handleRest } from './rest';
import { SalesforceOrgState, type ReceivedRequest, type SalesforceUser } from './state';

export interface SalesforceEmulatorOptions {
  port?: number;
  /** Seed of the generated org (default 1). */
  seed?: number;
  /** Generator settings (HubSpot emails or count, overlap...); ignored when `records` is given. */
  org?: Omit<SalesforceOrgOptions, 'seed'>;
  /** Exactly these records instead of a generated org. */
  records?: Iterable<SalesforceRecord>;
  users?: SalesforceUser[];
  clientId?: string;
  clientSecret?: string;
  /** A token accepted without logging in (the `{instanceUrl, accessToken}` style of connecting). */
  accessToken?: string;
  dailyRequestLimit?: number;
  now?: () => Date;
}

export interface SalesforceEmulator {
  url: string;
  port: number;
  state: SalesforceOrgState;
  stop(): Promise<void>;
}

export const DEFAULT_USER: SalesforceUser = { username: 'admin@hslist-emulator.example', password: 'emulator-password', securityToken: 'EMULATORTOKEN' };
export const DEFAULT_CLIENT = { clientId: 'hslist-emulator-client-id', clientSecret: 'hslist-emulator-client-secret' };

export async function startSalesforceEmulator(options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  const state = createState(options);
  let baseUrl = '';
  const server = createServer((req, res) => {
    dispatch(req, res, state, baseUrl).catch((error: unknown) => sendErrors(res, 500, 'UNKNOWN_EXCEPTION', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  const stop = (): Promise<void> => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { url: baseUrl, port, state, stop };
}

function createState(options: SalesforceEmulatorOptions): SalesforceOrgState {
  const now = options.now ?? (() => new Date());
  const state = new SalesforceOrgState(
    options.dailyRequestLimit ?? 15000,
    options.users ?? [DEFAULT_USER],
    { clientId: options.clientId ?? DEFAULT_CLIENT.clientId, clientSecret: options.clientSecret ?? DEFAULT_CLIENT.clientSecret },
    now,
  );
  if (options.accessToken) state.tokens.add(options.accessToken);
  const records = options.records ?? generateSalesforceOrg({ seed: options.seed ?? 1, referenceDate: now(), ...options.org });
  for (const record of records) state.addRecord(record.type, record.fields);
  return state;
}

async function dispatch(req: IncomingMessage, res: ServerResponse, state: SalesforceOrgState, baseUrl: string): Promise<void> {
  const path = new URL(req.url ?? '/', baseUrl).pathname;
  // The test-only request log: not logged itself, no auth, no faults.
  if (path === '/__emulator/requests' && req.method === 'GET') return sendJson(res, 200, { requests: state.received });
  state.received.push(receivedRequest(req, path));
  const fault = state.faults.take();
  if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.reset) { req.socket.destroy(); return; }
  if (fault.broken === 'hold') return; // never answered: the socket stays open until the emulator stops
  if (fault.broken === 'truncate') {
    res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': '1000' });
    res.write('{"totalSize":3,"done":true,"records":[');
    res.socket?.destroy();
    return;
  }
  if (fault.failure) { sendErrors(res, fault.failure.status, fault.failure.errorCode, fault.failure.message); return; }
  const url = new URL(req.url ?? '/', baseUrl);
  if (url.pathname === '/services/oauth2/token' && req.method === 'POST') return handleToken(req, res, state, baseUrl);
  if (/^\/services\/data\/?$/.test(url.pathname)) return sendJson(res, 200, versions());
  const match = /^\/services\/data\/v(\d{2}\.\d)(?:\/(.*))?$/.exec(url.pathname);
  if (match && Number(match[1]) >= 20 && Number(match[1]) <= 66) return handleRest(req, res, state, url, match[1], match[2] ?? '');
  sendErrors(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
}

function versions(): unknown {
  return ['58.0', '59.0', '60.0', '61.0', '62.0', '63.0', '64.0'].map((version) => ({ label: `v${version}`, url: `/services/data/v${version}`, version }));
}

function receivedRequest(req: IncomingMessage, path: string): ReceivedRequest {
  const token = bearerToken(req);
  const entry: ReceivedRequest = { method: req.method ?? 'GET', path };
  if (token !== undefined) entry.bearerSha256 = createHash('sha256').update(token).digest('hex');
  return entry;
}
