// A local Salesforce org over HTTP on 127.0.0.1: the OAuth2 token endpoint, the REST endpoints hslist
// uses (query/queryAll/queryMore, describe, limits, record reads) and the Metadata API's CustomField calls
// (SOAP), in Salesforce's wire shapes, so the real jsforce client can be pointed at it. See docs/emulators.md
// ("Salesforce emulator").

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSalesforceOrg, type SalesforceOrgOptions, type SalesforceRecord } from '../data/salesforce-org';
import type { TakenFaults } from './faults';
import { bearerToken, readBody, sendErrors, sendJson } from './http-util';
import { handleMetadataCall } from './metadata-route';
import { handleToken } from './oauth';
import { handleRest } from './rest';
import { readSoapRequest, sendSoap, soapFault, type SoapRequest } from './soap-xml';
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
  /** Whether a field created through the Metadata API shows in describe at once (default), or only after `state.grantFieldAccess`. */
  newFieldsVisible?: boolean;
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
  if (options.newFieldsVisible === false) state.newFieldsVisible = false;
  const records = options.records ?? generateSalesforceOrg({ seed: options.seed ?? 1, referenceDate: now(), ...options.org });
  for (const record of records) state.addRecord(record.type, record.fields);
  return state;
}

async function dispatch(req: IncomingMessage, res: ServerResponse, state: SalesforceOrgState, baseUrl: string): Promise<void> {
  const url = new URL(req.url ?? '/', baseUrl);
  const path = url.pathname;
  // The test-only request log: not logged itself, no auth, no faults.
  if (path === '/__emulator/requests' && req.method === 'GET') return sendJson(res, 200, { requests: state.received });
  // A SOAP request is read first, so that a fault can be aimed at its Metadata API call.
  const soap = METADATA_PATH.test(path) && req.method === 'POST' ? await readSoapRequest(await readBody(req)) : undefined;
  const call = soap && 'call' in soap ? soap.call : undefined;
  state.received.push(receivedRequest(req, path, soap));
  const fault = state.faults.take({ method: req.method ?? 'GET', path, call });
  if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.reset) { req.socket.destroy(); return; }
  if (fault.broken === 'hold') return; // never answered: the socket stays open until the emulator stops
  if (fault.broken === 'truncate') return truncate(res, soap !== undefined);
  if (fault.failure) {
    const { status, errorCode, message } = fault.failure;
    if (soap) sendSoap(res, { ...soapFault(errorCode, message), status });
    else sendErrors(res, status, errorCode, message);
    return;
  }
  if (soap) return answerSoap(req, res, state, soap, fault);
  if (path === '/services/oauth2/token' && req.method === 'POST') return handleToken(req, res, state, baseUrl);
  if (/^\/services\/data\/?$/.test(path)) return sendJson(res, 200, versions());
  const match = /^\/services\/data\/v(\d{2}\.\d)(?:\/(.*))?$/.exec(path);
  if (match && Number(match[1]) >= 20 && Number(match[1]) <= 66) return handleRest(req, res, state, url, match[1], match[2] ?? '');
  sendErrors(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
}

const METADATA_PATH = /^\/services\/Soap\/m\/\d{2}\.\d$/;

function answerSoap(req: IncomingMessage, res: ServerResponse, state: SalesforceOrgState, soap: SoapRequest | { error: string }, fault: TakenFaults): void {
  if ('error' in soap) return sendSoap(res, soapFault('INVALID_REQUEST', soap.error, 'soapenv:Client'));
  state.requestLog.push(`POST ${new URL(req.url ?? '/', 'http://x').pathname} ${soap.call}`);
  const reply = handleMetadataCall(state, soap, fault);
  if (fault.resetAfter) { req.socket.destroy(); return; } // carried out, but the client never hears so
  sendSoap(res, reply);
}

/** Headers promising more than is sent, part of a body in the endpoint's own dialect, then the socket closes. */
function truncate(res: ServerResponse, soap: boolean): void {
  const [type, part] = soap
    ? ['text/xml;charset=UTF-8', '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><result>']
    : ['application/json;charset=UTF-8', '{"totalSize":3,"done":true,"records":['];
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': '1000' });
  res.write(part);
  res.socket?.destroy();
}

function versions(): unknown {
  return ['58.0', '59.0', '60.0', '61.0', '62.0', '63.0', '64.0'].map((version) => ({ label: `v${version}`, url: `/services/data/v${version}`, version }));
}

function receivedRequest(req: IncomingMessage, path: string, soap: SoapRequest | { error: string } | undefined): ReceivedRequest {
  const token = soap && 'call' in soap ? soap.sessionId : bearerToken(req);
  const entry: ReceivedRequest = { method: req.method ?? 'GET', path };
  if (token !== undefined) entry.bearerSha256 = createHash('sha256').update(token).digest('hex');
  if (soap && 'call' in soap) entry.call = soap.call;
  return entry;
}
