// The one @hubspot/api-client Client of the process. The SDK keeps its retry/limiter decorators in a
// process-wide singleton that every `new Client()` resets, so clients are cached by configuration and
// all use the same retry and throttle settings.

import { Client } from '@hubspot/api-client';
import { registerSecret } from './redact';

export interface ClientOptions {
  accessToken: string;
  basePath?: string;
  /** Attempts in total on 5xx and TEN_SECONDLY_ROLLING 429s (SDK semantics), 1–6. Default 3. */
  numberOfApiCallRetries?: number;
  /** Client-side throttle (SDK default 9 requests/s). `false` turns it off (tests against the emulator). */
  throttle?: boolean;
}

const DEFAULT_LIMITER = { minTime: 1000 / 9, maxConcurrent: 6 };
const clients = new Map<string, Client>();

export function hubSpotClient(options: ClientOptions): Client {
  registerSecret(options.accessToken);
  const retries = options.numberOfApiCallRetries ?? 3;
  const key = JSON.stringify([options.accessToken, options.basePath ?? '', retries, options.throttle !== false]);
  let client = clients.get(key);
  if (!client) {
    client = new Client({
      accessToken: options.accessToken,
      ...(options.basePath ? { basePath: options.basePath.replace(/\/+$/, '') } : {}),
      numberOfApiCallRetries: retries,
      ...(options.throttle === false ? {} : { limiterOptions: DEFAULT_LIMITER }),
    });
    clients.set(key, client);
  }
  return client;
}

export function hostOf(basePath: string | undefined): string {
  try {
    return new URL(basePath ?? 'https://api.hubapi.com').host;
  } catch {
    return basePath ?? 'api.hubapi.com';
  }
}
