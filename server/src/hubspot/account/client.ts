// The one @hubspot/api-client Client per token and base, with its transport settings. The SDK keeps its
// retry/limiter decorators in a process-wide singleton that every `new Client()` resets, so clients are
// cached and all are made alike: no SDK limiter (rawRequest paces by HubSpot's own rate-limit headers,
// with one pacer per token and base, shared by everything that uses that account in the process).

import { Client } from '@hubspot/api-client';
import { DEFAULT_TIMEOUT_MS, type Transport } from './raw-request';
import { READ_CONCURRENCY } from './parallel-reads';
import { RatePacer } from './rate-pacer';
import { registerSecret } from './redact';
import type { HubSpotApiVersion } from './paths';

export interface ClientOptions {
  accessToken: string;
  basePath?: string;
  /** Attempts in total on 5xx and lost connections for calls safe to repeat, 1–6. Default 3. */
  numberOfApiCallRetries?: number;
  /** Pace to HubSpot's rate limit (default). `false` sends at once (tests against an unlimited emulator). */
  throttle?: boolean;
  /** Time limit for an answer's headers and for each pause in its body. Default 60 s. */
  timeoutMs?: number;
  /** `v3` (default) or a date-based version such as `2026-09` (paths.ts). */
  apiVersion?: HubSpotApiVersion;
  /** Id-based reads in flight at once (parallel-reads.ts; default READ_CONCURRENCY). 1 reads one after another, as tests compare. */
  readConcurrency?: number;
}

interface Cached {
  client: Client;
  pacer: RatePacer;
  searchPacer: RatePacer;
}

const clients = new Map<string, Cached>();

function cached(options: ClientOptions): Cached {
  registerSecret(options.accessToken);
  const base = options.basePath?.replace(/\/+$/, '') ?? '';
  const key = JSON.stringify([options.accessToken, base]);
  let entry = clients.get(key);
  if (!entry) {
    const client = new Client({ accessToken: options.accessToken, ...(base ? { basePath: base } : {}), numberOfApiCallRetries: 3 });
    // HubSpot's search API allows 5 requests a second; 4 leaves room for the clock's jitter.
    entry = { client, pacer: new RatePacer(), searchPacer: new RatePacer({ assumedMax: 4, windowMs: 1000, safetyMs: 50 }) };
    clients.set(key, entry);
  }
  return entry;
}

export function hubSpotClient(options: ClientOptions): Client {
  return cached(options).client;
}

/** How rawRequest treats this account's calls. */
export function transportFor(options: ClientOptions): Transport {
  const entry = cached(options);
  const attempts = Math.min(6, Math.max(1, options.numberOfApiCallRetries ?? 3));
  const paced = options.throttle !== false;
  return {
    host: hostOf(options.basePath),
    attempts,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    concurrency: Math.max(1, Math.floor(options.readConcurrency ?? READ_CONCURRENCY)),
    ...(paced ? { pacer: entry.pacer, searchPacer: entry.searchPacer } : {}),
  };
}

export function hostOf(basePath: string | undefined): string {
  try {
    return new URL(basePath ?? 'https://api.hubapi.com').host;
  } catch {
    return basePath ?? 'api.hubapi.com';
  }
}
