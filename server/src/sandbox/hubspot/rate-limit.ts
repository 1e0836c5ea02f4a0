// HubSpot's rate limits (HubSpot's API usage guidelines): a ten-second rolling window, a daily count
// (reset at midnight UTC; the emulator's portal zone), and 5 searches a second. The clock is
// injected, so tests never wait for a window to pass.

import { correlationId, type RouteResult } from './http-kit';
import { randomUUID } from 'node:crypto';

export interface RateLimitOptions {
  tenSecondMax?: number;
  dailyMax?: number;
  searchPerSecond?: number;
}

export type RatePolicy = 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';

const WINDOW_MS = 10_000;
const DAY_MS = 86_400_000;

export function rateLimitBody(policy: RatePolicy): Record<string, unknown> {
  const message = {
    TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
    DAILY: 'You have reached your daily limit.',
    SECONDLY: 'You have reached your secondly limit.',
  }[policy];
  return { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: correlationId(), policyName: policy, requestId: randomUUID() };
}

export class RateLimiter {
  private readonly recent: number[] = [];
  private readonly recentSearches: number[] = [];
  private day = -1;
  private dailyCount = 0;
  readonly tenSecondMax: number;
  readonly dailyMax: number;
  readonly searchPerSecond: number;

  constructor(options: RateLimitOptions, private readonly now: () => number) {
    this.tenSecondMax = options.tenSecondMax ?? 190;
    this.dailyMax = options.dailyMax ?? 1_000_000;
    this.searchPerSecond = options.searchPerSecond ?? 5;
  }

  reset(): void {
    this.recent.length = 0;
    this.recentSearches.length = 0;
    this.dailyCount = 0;
  }

  /** Counts the request if allowed; returns the 429 (with headers) when a limit is reached. */
  admit(isSearch: boolean): { rejected?: RouteResult; headers: Record<string, string> } {
    const now = this.now();
    this.roll(now);
    const policy = this.exceeded(isSearch);
    if (policy) return { rejected: { status: 429, body: rateLimitBody(policy), headers: this.headers() }, headers: this.headers() };
    this.recent.push(now);
    if (isSearch) this.recentSearches.push(now);
    this.dailyCount++;
    return { headers: this.headers() };
  }

  private exceeded(isSearch: boolean): RatePolicy | undefined {
    if (this.dailyCount >= this.dailyMax) return 'DAILY';
    if (this.recent.length >= this.tenSecondMax) return 'TEN_SECONDLY_ROLLING';
    if (isSearch && this.recentSearches.length >= this.searchPerSecond) return 'SECONDLY';
    return undefined;
  }

  private roll(now: number): void {
    while (this.recent.length > 0 && this.recent[0] <= now - WINDOW_MS) this.recent.shift();
    while (this.recentSearches.length > 0 && this.recentSearches[0] <= now - 1000) this.recentSearches.shift();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.dailyCount = 0;
    }
  }

  headers(): Record<string, string> {
    return {
      'X-HubSpot-RateLimit-Max': String(this.tenSecondMax),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, this.tenSecondMax - this.recent.length)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(WINDOW_MS),
      'X-HubSpot-RateLimit-Daily': String(this.dailyMax),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.dailyMax - this.dailyCount)),
    };
  }
}
