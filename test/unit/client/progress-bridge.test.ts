// Server progress shown by the client: a cancellable begin opens a notification with Cancel, reports
// become increments, Cancel sends window/workDoneProgress/cancel, end closes it — also when end comes
// before the editor ran the progress callback, and when the server stops.

import { strict as assert } from 'node:assert';
import { WorkDoneProgressBridge, type ProgressSink, type ShowOptions, type ShowProgress, type WorkDoneValue } from '../../../client/src/progress-bridge';

type Token = string | number;

/** A fake language client channel: the test pushes $/progress values and reads the cancels sent. */
class Channel {
  readonly handlers = new Map<Token, (value: WorkDoneValue) => void>();
  readonly cancels: Token[] = [];
  onProgress(token: Token, handler: (value: WorkDoneValue) => void) {
    this.handlers.set(token, handler);
    return { dispose: () => this.handlers.delete(token) };
  }
  sendCancel(token: Token): void {
    this.cancels.push(token);
  }
  send(token: Token, value: WorkDoneValue): void {
    this.handlers.get(token)?.(value);
  }
}

/** A fake editor: records each shown progress; `run()` starts its callback (VS Code does so asynchronously). */
class Editor {
  readonly shown: { options: ShowOptions; reports: { message?: string; increment?: number }[]; cancel?: () => void; settled: boolean; run: () => Promise<void> }[] = [];
  readonly show: ShowProgress = (options, task) => {
    const entry = { options, reports: [] as { message?: string; increment?: number }[], cancel: undefined as (() => void) | undefined, settled: false, run: async (): Promise<void> => undefined };
    const sink: ProgressSink = { report: (v) => entry.reports.push(v) };
    entry.run = () => task(sink, (listener) => {
      entry.cancel = listener;
      return { dispose: () => (entry.cancel = undefined) };
    }).then(() => { entry.settled = true; });
    this.shown.push(entry);
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('client: work-done progress as a cancellable notification', () => {
  it('shows a cancellable begin with its title, reports increments and closes on end', async () => {
    const channel = new Channel();
    const editor = new Editor();
    const bridge = new WorkDoneProgressBridge(channel, editor.show);
    assert.equal(bridge.create('load-1'), null);
    channel.send('load-1', { kind: 'begin', title: 'hslist: loading contacts from HubSpot…', cancellable: true, percentage: 0 });
    assert.deepEqual(editor.shown.map((s) => s.options), [{ title: 'hslist: loading contacts from HubSpot…', cancellable: true }]);
    const running = editor.shown[0].run();
    channel.send('load-1', { kind: 'report', message: '100 of 300 contacts', percentage: 33 });
    channel.send('load-1', { kind: 'report', message: '300 of 300 contacts', percentage: 100 });
    assert.deepEqual(editor.shown[0].reports, [{ increment: 0 }, { message: '100 of 300 contacts', increment: 33 }, { message: '300 of 300 contacts', increment: 67 }]);
    assert.equal(editor.shown[0].settled, false);
    channel.send('load-1', { kind: 'end' });
    await running;
    assert.equal(editor.shown[0].settled, true);
    assert.equal(channel.handlers.size, 0, 'the $/progress handler is removed');
    assert.equal(bridge.open, 0);
  });

  it('Cancel sends window/workDoneProgress/cancel with the token, once the user presses it', async () => {
    const channel = new Channel();
    const editor = new Editor();
    const bridge = new WorkDoneProgressBridge(channel, editor.show);
    bridge.create(7);
    channel.send(7, { kind: 'begin', title: 'loading', cancellable: true });
    void editor.shown[0].run();
    assert.deepEqual(channel.cancels, []);
    editor.shown[0].cancel!();
    assert.deepEqual(channel.cancels, [7]);
    channel.send(7, { kind: 'end', message: 'cancelled' });
    await tick();
    assert.equal(editor.shown[0].settled, true);
    assert.equal(editor.shown[0].cancel, undefined, 'the cancel listener is disposed at the end');
  });

  it('a progress that is not cancellable goes to the status bar (no Cancel button)', () => {
    const channel = new Channel();
    const editor = new Editor();
    new WorkDoneProgressBridge(channel, editor.show).create('t');
    channel.send('t', { kind: 'begin', title: 'checking' });
    assert.deepEqual(editor.shown[0].options, { title: 'checking', cancellable: false });
  });

  it('end before the editor ran the callback: the callback returns at once and reports nothing', async () => {
    const channel = new Channel();
    const editor = new Editor();
    new WorkDoneProgressBridge(channel, editor.show).create('fast');
    channel.send('fast', { kind: 'begin', title: 'quick', cancellable: true, percentage: 0 });
    channel.send('fast', { kind: 'end' });
    await editor.shown[0].run();
    assert.equal(editor.shown[0].settled, true);
    assert.deepEqual(editor.shown[0].reports, []);
    assert.equal(editor.shown[0].cancel, undefined);
  });

  it('a begin after end shows nothing; percentages going back never give negative increments', async () => {
    const channel = new Channel();
    const editor = new Editor();
    const bridge = new WorkDoneProgressBridge(channel, editor.show);
    bridge.create('a');
    channel.send('a', { kind: 'begin', title: 'a', cancellable: true, percentage: 50 });
    void editor.shown[0].run();
    channel.send('a', { kind: 'report', percentage: 20 });
    channel.send('a', { kind: 'report', percentage: 140 });
    assert.deepEqual(editor.shown[0].reports.map((r) => r.increment), [50, 0, 50]);
    bridge.create('b');
    channel.send('b', { kind: 'end' });
    channel.send('b', { kind: 'begin', title: 'late', cancellable: true });
    assert.equal(editor.shown.length, 1);
  });

  it('the server stopping (clear) closes every open progress', async () => {
    const channel = new Channel();
    const editor = new Editor();
    const bridge = new WorkDoneProgressBridge(channel, editor.show);
    bridge.create(1);
    bridge.create(2);
    channel.send(1, { kind: 'begin', title: 'one', cancellable: true });
    channel.send(2, { kind: 'begin', title: 'two', cancellable: true });
    const runs = editor.shown.map((s) => s.run());
    assert.equal(bridge.open, 2);
    bridge.clear();
    await Promise.all(runs);
    assert.deepEqual(editor.shown.map((s) => s.settled), [true, true]);
    assert.equal(bridge.open, 0);
    assert.equal(channel.handlers.size, 0);
  });
});
