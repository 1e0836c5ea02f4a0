// An export's file comes from HubSpot's file host, not from the API: the URL an export's status gives
// is signed and "can be accessed without any additional authorization" (HubSpot's exports guide). So
// the token never goes there, neither as a header nor in the URL: this module never holds it, and uses
// plain node:http(s) rather than the SDK (whose requests carry it). What it checks instead:
// - the URL: https, or http only to this machine (the emulator); no user name or password; each
//   redirect is checked again;
// - the size: over `maxBytes` is refused, before reading when the answer says its length;
// - the end: a body shorter than its Content-Length, or a connection closed before the end, is an
//   error, and so is a pause longer than the time limit. The caller checks the content (rows, columns).

import { createWriteStream, type WriteStream } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { HubSpotAccountError } from './errors';
import type { ExportDownloadOptions } from './types';

/** The largest export file read: far above a 10M-contact CSV of the properties lists read (§ How many contacts). */
export const MAX_EXPORT_BYTES = 4 * 1024 ** 3;
const MAX_REDIRECTS = 3;

export interface DownloadContext extends ExportDownloadOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Bytes written to `file`; HubSpotAccountError for a refused URL, an HTTP error, a size over the limit or a cut-off body. */
export async function downloadExport(rawUrl: string, file: string, context: DownloadContext): Promise<number> {
  let url = checkedFileUrl(rawUrl);
  for (let hops = 0; ; hops++) {
    const response = await get(url, context);
    const location = response.headers.location;
    if (response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      if (hops >= MAX_REDIRECTS) throw fileError(url, `redirected more than ${MAX_REDIRECTS} times`);
      url = checkedFileUrl(new URL(location, url).href);
      continue;
    }
    if (response.statusCode !== 200) throw fileError(url, `answered ${response.statusCode ?? '?'} ${response.statusMessage ?? ''}: ${await bodyExcerpt(response)}`.trim(), 'server');
    return save(response, url, file, context);
  }
}

/** The URL, when a file may be fetched from it; else an error naming why (never the URL's query: it is the signature). */
export function checkedFileUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HubSpotAccountError('request', 'HubSpot gave an export file URL that is not a URL.');
  }
  if (url.username !== '' || url.password !== '') throw fileError(url, 'has a user name or password in its URL; not fetched');
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return url;
  throw fileError(url, `is not https (${url.protocol.replace(':', '')}); not fetched`);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function fileError(url: URL, what: string, kind: 'request' | 'server' | 'unreachable' | 'timeout' = 'request'): HubSpotAccountError {
  return new HubSpotAccountError(kind, `HubSpot's export file host ${url.host} ${what}.`);
}

function get(url: URL, context: DownloadContext): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    // No Authorization header and nothing but the URL HubSpot gave: the file host gets no credential.
    const request = client.get(url, { headers: { accept: '*/*', 'user-agent': 'hslist' }, signal: context.signal }, resolve);
    request.setTimeout(context.timeoutMs, () => request.destroy(fileError(url, `did not answer within ${Math.round(context.timeoutMs / 1000)} s`, 'timeout')));
    request.on('error', (error) => reject(asFileError(error, url, context.signal)));
  });
}

function asFileError(error: unknown, url: URL, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return signal.reason instanceof Error ? signal.reason : new Error('aborted');
  if (error instanceof HubSpotAccountError) return error;
  const code = (error as { code?: unknown }).code;
  return fileError(url, `could not be reached (${typeof code === 'string' ? code : String(error)})`, 'unreachable');
}

/** The first 200 characters of an error answer, for the message. */
async function bodyExcerpt(response: http.IncomingMessage): Promise<string> {
  let text = '';
  try {
    for await (const chunk of response) {
      text += String(chunk);
      if (text.length > 200) break;
    }
  } catch {
    // the message goes without the body
  }
  response.destroy();
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? 'no body' : flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function save(response: http.IncomingMessage, url: URL, file: string, context: DownloadContext): Promise<number> {
  const maxBytes = context.maxBytes ?? MAX_EXPORT_BYTES;
  const declared = /^\d+$/.test(response.headers['content-length'] ?? '') ? Number(response.headers['content-length']) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    response.destroy();
    return Promise.reject(fileError(url, `sent a file of ${mb(declared)}, over the ${mb(maxBytes)} hslist reads`));
  }
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let bytes = 0;
    let done = false;
    // Settles only once the file is closed: a caller removing the partial file must not race its last write.
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      response.destroy();
      if (out.closed) return reject(error);
      out.once('close', () => reject(error));
      out.destroy();
    };
    response.setTimeout(context.timeoutMs, () => fail(fileError(url, `sent nothing for ${Math.round(context.timeoutMs / 1000)} s after ${bytes.toLocaleString('en-US')} bytes`, 'timeout')));
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(fileError(url, `sent more than the ${mb(maxBytes)} hslist reads`));
      context.onBytes?.(bytes);
      if (!out.write(chunk)) response.pause();
    });
    out.on('drain', () => response.resume());
    out.on('error', (error) => fail(new HubSpotAccountError('request', `The export file could not be written to ${file}: ${error.message}.`)));
    response.on('error', (error) => fail(asFileError(error, url, context.signal)));
    response.on('aborted', () => fail(cutOff(url, bytes, declared)));
    response.on('end', () => {
      if (declared !== undefined && bytes < declared) return fail(cutOff(url, bytes, declared));
      finish(out, () => {
        done = true;
        resolve(bytes);
      }, fail);
    });
    response.on('close', () => {
      if (!response.complete) fail(cutOff(url, bytes, declared));
    });
  });
}

function finish(out: WriteStream, then: () => void, fail: (error: Error) => void): void {
  out.end((error?: Error | null) => (error ? fail(error) : then()));
}

function cutOff(url: URL, bytes: number, declared: number | undefined): HubSpotAccountError {
  const arrived = declared === undefined ? `${bytes.toLocaleString('en-US')} bytes` : `${bytes.toLocaleString('en-US')} of ${declared.toLocaleString('en-US')} bytes`;
  return fileError(url, `broke off the file: ${arrived} arrived`, 'unreachable');
}

function mb(bytes: number): string {
  if (bytes < 1024 ** 2) return `${bytes.toLocaleString('en-US')} bytes`;
  return `${(bytes / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}
