// HubSpot's file host for export downloads, emulated: a server of its own on another port (another origin
// than the API), serving `/exports/{exportId}/{key}/{file}` to whoever holds the key, as HubSpot's export
// URLs "can be accessed without any additional authorization" (HubSpot's exports guide). Each request is
// logged with whether it carried an Authorization header, and the SHA-256 of a bearer token when it did,
// so tests can show that no token reached it. Its own faults (a status, a body cut short, no answer, a
// reset connection) shape its answers; the API's faults never do.

import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExportStore } from './exports';
import type { FaultInjector } from './faults';

export interface FileRequest {
  at: string;
  method: string;
  path: string;
  /** True when the request carried an Authorization header (it never should). */
  authorization: boolean;
  bearerSha256?: string;
  status?: number | 'reset' | 'held' | 'truncated';
}

export interface ExportHost {
  url: string;
  requests: FileRequest[];
  stop(): Promise<void>;
}

export async function startExportHost(exports: ExportStore, faults: FaultInjector, now: () => number): Promise<ExportHost> {
  const host = '127.0.0.1';
  const requests: FileRequest[] = [];
  const server = http.createServer((req, res) => {
    const entry = logged(req, now());
    requests.push(entry);
    answer(req, res, entry, exports, faults);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  exports.filesUrl = url;
  return {
    url, requests,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function logged(req: http.IncomingMessage, at: number): FileRequest {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const entry: FileRequest = { at: new Date(at).toISOString(), method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://files').pathname, authorization: req.headers.authorization !== undefined };
  if (bearer !== undefined) entry.bearerSha256 = createHash('sha256').update(bearer).digest('hex');
  return entry;
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, entry: FileRequest, exports: ExportStore, faults: FaultInjector): void {
  const fault = faults.next(entry.method, [entry.path]).terminal;
  if (fault?.type === 'hold') return void (entry.status = 'held');
  if (fault?.type === 'reset') {
    entry.status = 'reset';
    return void req.socket.destroy();
  }
  if (fault?.type === 'status') return error(res, entry, fault.status, 'InternalError', 'We encountered an internal error.');
  const key = /^\/exports\/\d+\/([0-9a-f]+)\/[^/]+$/.exec(entry.path)?.[1];
  const file = entry.method === 'GET' && key ? exports.file(key) : undefined;
  if (file === 'expired') return error(res, entry, 403, 'AccessDenied', 'Request has expired');
  if (!file) return error(res, entry, 404, 'NoSuchKey', 'The specified key does not exist.');
  res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': String(file.bytes.length), 'Content-Disposition': `attachment; filename="${file.name}"` });
  if (fault?.type === 'truncate') {
    entry.status = 'truncated';
    res.write(file.bytes.subarray(0, fault.bytes ?? Math.floor(file.bytes.length / 2)));
    return void setImmediate(() => req.socket.destroy());
  }
  entry.status = 200;
  res.end(file.bytes);
}

/** The error answer of an object store, as file hosts give it: XML, not HubSpot's JSON. */
function error(res: http.ServerResponse, entry: FileRequest, status: number, code: string, message: string): void {
  entry.status = status;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}
