// Server-initiated work-done progress (LSP `window/workDoneProgress/create` + `$/progress`) shown the
// way the user needs it for long loads: a notification with a Cancel button when the server says the
// work is cancellable, the status bar otherwise. No `vscode` import: the editor side is passed in, so
// the bookkeeping (end before begin, cancel, server stopped) is unit-tested without an editor.

import type { ProgressToken, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol';

export type WorkDoneValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface Disposable {
  dispose(): void;
}

/** What one shown progress accepts: `increment` is in percent of the whole, as `vscode.Progress`. */
export interface ProgressSink {
  report(value: { message?: string; increment?: number }): void;
}

export interface ShowOptions {
  title: string;
  cancellable: boolean;
}

/** `vscode.window.withProgress`, reduced: the task's promise ends the progress; `onCancel` is the Cancel button. */
export type ShowProgress = (options: ShowOptions, task: (sink: ProgressSink, onCancel: (listener: () => void) => Disposable) => Promise<void>) => void;

/** The language client's side: progress values for a token, and the cancel notification. */
export interface ProgressChannel {
  onProgress(token: ProgressToken, handler: (value: WorkDoneValue) => void): Disposable;
  sendCancel(token: ProgressToken): void;
}

/** One server progress, from `create` to `end` (or until the server stops). */
class ProgressPart {
  private ended = false;
  private sink: ProgressSink | undefined;
  private reported = 0;
  private finish: () => void = () => undefined;
  private readonly finished = new Promise<void>((resolve) => (this.finish = resolve));
  private readonly subscriptions: Disposable[] = [];

  constructor(private readonly token: ProgressToken, private readonly channel: ProgressChannel, private readonly show: ShowProgress, private readonly onDone: (part: ProgressPart) => void) {
    this.subscriptions.push(channel.onProgress(token, (value) => this.handle(value)));
  }

  private handle(value: WorkDoneValue): void {
    if (value.kind === 'begin') this.begin(value);
    else if (value.kind === 'report') this.report(value);
    else this.end();
  }

  private begin(value: WorkDoneProgressBegin): void {
    if (this.ended) return;
    this.show({ title: value.title, cancellable: value.cancellable === true }, async (sink, onCancel) => {
      // `end` may have come while the editor was still opening the progress.
      if (this.ended) return;
      this.sink = sink;
      this.subscriptions.push(onCancel(() => this.channel.sendCancel(this.token)));
      this.report(value);
      await this.finished;
    });
  }

  private report(value: WorkDoneProgressBegin | WorkDoneProgressReport): void {
    if (this.ended || !this.sink) return;
    const update: { message?: string; increment?: number } = {};
    if (typeof value.message === 'string') update.message = value.message;
    if (typeof value.percentage === 'number') {
      const percentage = Math.max(0, Math.min(100, value.percentage));
      // VS Code adds increments up; a server going backwards must not shrink the bar below zero.
      update.increment = Math.max(0, percentage - this.reported);
      this.reported += update.increment;
    }
    if (update.message !== undefined || update.increment !== undefined) this.sink.report(update);
  }

  /** The server said `end`, or it stopped: the progress closes either way. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.finish();
    this.onDone(this);
  }
}

/** All progress parts of one language client; `clear()` closes them when the server stops or restarts. */
export class WorkDoneProgressBridge {
  private readonly parts = new Set<ProgressPart>();

  constructor(private readonly channel: ProgressChannel, private readonly show: ShowProgress) {}

  /** The `window/workDoneProgress/create` handler: starts listening for the token's values. */
  create(token: ProgressToken): null {
    this.parts.add(new ProgressPart(token, this.channel, this.show, (part) => this.parts.delete(part)));
    return null;
  }

  get open(): number {
    return this.parts.size;
  }

  clear(): void {
    for (const part of [...this.parts]) part.end();
  }
}
