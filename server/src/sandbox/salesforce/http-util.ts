// Small helpers for speaking Salesforce's HTTP dialect: JSON with `application/json;charset=UTF-8`,
// error bodies as an array of {message, errorCode}.

import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendErrors(res: ServerResponse, status: number, errorCode: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, [{ message, errorCode }], headers);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The bearer token of a request, or undefined. `OAuth <token>` is accepted too, as Salesforce does. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^(Bearer|OAuth)\s+(\S+)$/i.exec(header);
  return match ? match[2] : undefined;
}
