// vscode-languageclient 9 shows server progress in the status bar only (ProgressLocation.Window, no
// Cancel button). This feature replaces its `window/workDoneProgress/create` handler: registered after
// the built-in features, its `initialize` runs after theirs on every start of the client (also the
// client's own restarts after a crash), so `client.onRequest` leaves ours as the one handler.

import * as vscode from 'vscode';
import {
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type FeatureState,
  type LanguageClient,
  type StaticFeature,
} from 'vscode-languageclient/node';
import { WorkDoneProgressBridge, type ShowProgress } from './progress-bridge';

const showInEditor: ShowProgress = (options, task) => {
  const location = options.cancellable ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
  void vscode.window.withProgress({ location, title: options.title, cancellable: options.cancellable }, (progress, cancellation) =>
    task(progress, (listener) => cancellation.onCancellationRequested(listener)));
};

export class NotificationProgressFeature implements StaticFeature {
  private readonly bridge: WorkDoneProgressBridge;

  constructor(private readonly client: LanguageClient, show: ShowProgress = showInEditor) {
    this.bridge = new WorkDoneProgressBridge({
      onProgress: (token, handler) => client.onProgress(WorkDoneProgress.type, token, handler),
      sendCancel: (token) => void client.sendNotification(WorkDoneProgressCancelNotification.type, { token }).catch(() => undefined),
    }, show);
  }

  fillClientCapabilities(capabilities: { window?: { workDoneProgress?: boolean } }): void {
    capabilities.window = { ...capabilities.window, workDoneProgress: true };
  }

  initialize(): void {
    // One handler per method: this replaces the built-in one the client registered a moment ago.
    this.client.onRequest(WorkDoneProgressCreateRequest.type, (params) => this.bridge.create(params.token));
  }

  getState(): FeatureState {
    return { kind: 'window', id: WorkDoneProgressCreateRequest.method, registrations: this.bridge.open > 0 };
  }

  /** The client stopped or restarts: open progress notifications close (their server is gone). */
  clear(): void {
    this.bridge.clear();
  }
}
