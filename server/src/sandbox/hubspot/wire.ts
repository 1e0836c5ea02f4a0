// The emulator's bytes on the wire: reading a request body, writing an answer whole or cut short.

import type * as http from 'node:http';
import type { RouteResult } from './http-kit';

export const INVALID_JSON = Symbol('invalid JSON');

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

interface Encoded {
  status: number;
  headers: Record<string, string>;
  payload?: Buffer;
}

function encode(result: RouteResult, headers: Record<string, string>): Encoded {
  const all: Record<string, string> = { ...headers, ...result.headers };
  const text = result.raw ?? (result.body === undefined ? undefined : JSON.stringify(result.body));
  if (text === undefined) return { status: result.status, headers: all };
  const payload = Buffer.from(text, 'utf8');
  return { status: result.status, headers: { ...all, 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': String(payload.length) }, payload };
}

export function send(res: http.ServerResponse, result: RouteResult, headers: Record<string, string>): void {
  const { status, headers: all, payload } = encode(result, headers);
  res.writeHead(status, all);
  res.end(payload);
}

export interface Truncation {
  /** Replaces the real status. */
  status?: number;
  /** How many body bytes to send; default half the body. Always fewer than Content-Length says. */
  bytes?: number;
}

/**
 * The real answer with its full Content-Length, then only part of the body, then the connection
 * closes: a client must notice the short body instead of parsing what arrived. A bodiless answer
 * (204) becomes 200 with Content-Length 1 and no byte, since a 204 cannot announce a body.
 */
export function sendTruncated(res: http.ServerResponse, result: RouteResult, headers: Record<string, string>, cut: Truncation): void {
  const { status, headers: all, payload = Buffer.alloc(0) } = encode(result, headers);
  const declared = Math.max(payload.length, 1);
  const sent = payload.subarray(0, Math.min(cut.bytes ?? Math.floor(payload.length / 2), declared - 1));
  res.writeHead(cut.status ?? (status === 204 ? 200 : status), { ...all, 'Content-Length': String(declared) });
  res.flushHeaders();
  if (sent.length > 0) res.write(sent);
  // Ending the socket (not the response) queues the FIN after the bytes written above.
  res.socket?.end();
}
