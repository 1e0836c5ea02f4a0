// Paces requests to HubSpot's rolling rate-limit window instead of a fixed throttle: HubSpot counts the
// requests of an app in a ten-second rolling window (190 on Professional, 100 on Free/Starter, 250 with
// the limit-increase pack) and says so on every answer in `X-HubSpot-RateLimit-Max`, `-Remaining` and
// `-Interval-Milliseconds` (developers.hubspot.com, "API usage guidelines and limits"). The pacer lets
// requests go at once while the window has room and holds the next one until the oldest request of the
// window leaves it, so a burst never turns into a 429 storm and a long job never idles below the limit.
// What HubSpot reports as remaining also counts other apps' and tools' requests on the same limit; the
// pacer leaves that share alone.
//
// A request counts from the moment it is let go until its answer (or failure), and then for a window
// after that answer: HubSpot counts it when it arrives, which is after we let it go, and may be much
// after when the event loop was busy in between (the socket is written only once it is free again: at
// 1M contacts the export file's 23 s of reading held requests let go just before it, and when they
// arrived with the next window's requests HubSpot answered 429). Its answer is the latest it can have
// arrived, so counting from there never counts fewer than HubSpot does.
//
// Requests that nothing waits on (a form's submissions, a list's memberships: `background`) leave the
// window's last places to the ones a fetch's next step waits on (the export's status, the contacts and
// their companies), and give way to those that are waiting: a burst of form pages filled the whole
// window at the start of a fetch, and the export's second status read then waited ten seconds behind
// them, with the export long ready (issue 15).
//
// The id-based batch reads of a full fetch (its contacts' associations and those records: `bulk`) go a
// few at a time and can fill a window within a second, so they give way to a background request that
// waits, and keep one place free while one is running. A form's submissions are one page after another
// (each page's cursor comes with the page before): held back while the batch reads took the window,
// the chain was left with the fetch's last window to itself, one page at a time, and the window's
// places free only at the pace the requests ten seconds before went at (docs/preview.md, twelfth round).

export interface RateHeaders {
  max?: number;
  remaining?: number;
  intervalMs?: number;
}

interface HeaderSource {
  get(name: string): string | null;
}

function headerNumber(headers: HeaderSource, name: string): number | undefined {
  const value = Number(headers.get(name));
  return headers.get(name) !== null && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function readRateHeaders(headers: HeaderSource): RateHeaders {
  return {
    max: headerNumber(headers, 'x-hubspot-ratelimit-max'),
    remaining: headerNumber(headers, 'x-hubspot-ratelimit-remaining'),
    intervalMs: headerNumber(headers, 'x-hubspot-ratelimit-interval-milliseconds'),
  };
}

export interface PacerOptions {
  /** Requests per window until HubSpot's headers say otherwise: the lowest tier's limit. */
  assumedMax?: number;
  windowMs?: number;
  /** Added to the window: a margin on HubSpot's clock and ours. */
  safetyMs?: number;
  now?: () => number;
}

export class RateLimitAbort extends Error {}

/**
 * `background`: nothing waits on this request; it leaves room for those something waits on. `bulk`: one
 * of many batch reads going a few at a time; it gives way to any request that waits, and keeps a place
 * for a background chain that is running.
 */
export type Priority = 'foreground' | 'background' | 'bulk';

/** A background request let go this recently is a chain whose next page is coming: bulk requests keep it a place. */
const CHAIN_GAP_MS = 50;

/** The share of the window background requests leave to foreground ones (at least one place). */
const FOREGROUND_RESERVE = 0.05;

export class RatePacer {
  /** When each answered request of the window was answered, oldest first. */
  private readonly sent: number[] = [];
  /** Requests let go and not answered yet: all of them count. */
  private inFlight = 0;
  /** Acquires waiting for an answer to free room. */
  private readonly waitingForAnswer = new Set<() => void>();
  private max: number;
  private windowMs: number;
  private readonly safetyMs: number;
  /** Requests in the window that are not ours, as of HubSpot's last answer. */
  private others = 0;
  /** Set after a 429: every request waits for it (one window), however the clock reads. */
  private block: Promise<void> | undefined;
  private readonly now: () => number;
  /** Foreground acquires waiting now: background and bulk ones give way to them. */
  private foregroundWaiting = 0;
  /** Background acquires waiting now: bulk ones give way to them. */
  private backgroundWaiting = 0;
  /** When a background request was last let go. */
  private lastBackgroundAt = Number.NEGATIVE_INFINITY;
  /** When a foreground request was last let go (the reserve holds for a window after it). */
  private lastForegroundAt = Number.NEGATIVE_INFINITY;
  /** Total time requests waited for the window, for benchmarks and logs. */
  waitedMs = 0;

  constructor(options: PacerOptions = {}) {
    this.max = options.assumedMax ?? 100;
    this.windowMs = options.windowMs ?? 10_000;
    this.safetyMs = options.safetyMs ?? 250;
    this.now = options.now ?? Date.now;
  }

  /** Waits until the window has room for one more request, then counts it; `settle` must follow once it is answered or failed. */
  async acquire(signal?: AbortSignal, priority: Priority = 'foreground'): Promise<void> {
    if (priority === 'bulk') return this.acquireRoom(signal, (room) => this.bulkHeld(room));
    const background = priority === 'background';
    if (background) this.backgroundWaiting++;
    else this.foregroundWaiting++;
    try {
      await this.acquireRoom(signal, background ? (room) => this.backgroundHeld(room) : () => 0);
      if (background) this.lastBackgroundAt = this.now();
      else this.lastForegroundAt = this.now();
    } finally {
      if (background) this.backgroundWaiting--;
      else this.foregroundWaiting--;
      this.wakeWaiters(); // requests that gave way look again
    }
  }

  /**
   * The places a bulk request may not take: all while a foreground request waits; while a background one
   * waits, all but the foreground's reserve (which the background request may not take either); one while
   * a background chain runs (its next page comes within milliseconds of the last).
   */
  private bulkHeld(room: number): number {
    if (this.foregroundWaiting > 0) return room;
    if (this.backgroundWaiting > 0) return room - this.backgroundHeld(room);
    return this.now() - this.lastBackgroundAt <= CHAIN_GAP_MS ? Math.min(1, room - 1) : 0;
  }

  /**
   * The places of the window a background request may not take: all while a foreground one waits;
   * else the reserve for a window after a foreground request went (never the last place of all).
   */
  private backgroundHeld(room: number): number {
    if (this.foregroundWaiting > 0) return room;
    if (this.now() - this.lastForegroundAt > this.windowMs) return 0;
    return Math.min(room - 1, Math.ceil(this.max * FOREGROUND_RESERVE));
  }

  private async acquireRoom(signal: AbortSignal | undefined, held: (room: number) => number): Promise<void> {
    for (;;) {
      while (this.block) await this.block;
      const now = this.now();
      this.forgetOld(now);
      const room = Math.max(1, this.max - this.others);
      const free = room - this.inFlight - held(room);
      if (free <= 0) {
        await this.nextAnswer(signal);
        continue;
      }
      const wait = this.waitTime(now, free);
      if (wait <= 0) {
        this.inFlight++;
        return;
      }
      this.waitedMs += wait;
      await sleep(wait, signal);
    }
  }

  /** A request `acquire` let go was answered (or failed): it counts for a window from now. */
  settle(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.sent.push(this.now());
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    for (const wake of this.waitingForAnswer) wake();
    this.waitingForAnswer.clear();
  }

  private nextAnswer(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason ?? new RateLimitAbort('aborted'));
      const onAbort = () => {
        this.waitingForAnswer.delete(wake);
        reject(signal?.reason ?? new RateLimitAbort('aborted'));
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waitingForAnswer.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Learns the limit and the other clients' share from an answer's headers. */
  observe(headers: RateHeaders): void {
    if (headers.intervalMs !== undefined && headers.intervalMs > 0) this.windowMs = headers.intervalMs;
    if (headers.max !== undefined && headers.max > 0) this.max = headers.max;
    if (headers.max !== undefined && headers.remaining !== undefined) {
      this.forgetOld(this.now());
      this.others = Math.max(0, headers.max - headers.remaining - this.sent.length - this.inFlight);
    }
  }

  /**
   * After a ten-secondly 429 (someone else filled the window): nothing more goes for `ms` (a whole
   * window unless HubSpot said how long), after which none of our requests is in the window any more.
   */
  blockFor(ms: number = this.windowMs + this.safetyMs): Promise<void> {
    // Ours answered before the block leave the window with it; those answered during it still count.
    this.block ??= sleep(ms).then(() => {
      this.block = undefined;
      this.others = 0;
    });
    return this.block;
  }

  private forgetOld(now: number): void {
    const horizon = now - this.windowMs - this.safetyMs;
    while (this.sent.length > 0 && this.sent[0] <= horizon) this.sent.shift();
  }

  /** How long until one more fits beside the answered requests, with `free` places left besides those in flight. */
  private waitTime(now: number, free: number): number {
    if (this.sent.length < free) return 0;
    // The answered request that must leave the window before one more fits.
    const leaving = this.sent[this.sent.length - free];
    return leaving + this.windowMs + this.safetyMs - now + 1;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new RateLimitAbort('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new RateLimitAbort('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
