// A real LSP client for the tests: starts the BUILT server (dist/server.js) as a child process over
// stdio, speaks JSON-RPC with vscode-languageserver-protocol, and turns notifications into awaitable
// events (no sleeps). Documents are written with `<|>` cursor markers (test/support/markers.ts).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { WorkDoneProgress, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO = resolve(__dirname, '../../..');
export const SERVER = join(REPO, 'dist/server.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Build dist/server.js when it is missing or older than the sources it bundles. */
export function ensureBuilt(): void {
  const sources = Math.max(newestSource(join(REPO, 'server/src')), newestSource(join(REPO, 'grammar/src')));
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

type Waiter = { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export interface StartOptions {
  execArgv?: string[];
  initializationOptions?: unknown;
  /** Announce dynamic registration of watched files (default true). */
  watchedFiles?: boolean;
  /** Announce `window.workDoneProgress` (the server then reports loads with progress). */
  workDoneProgress?: boolean;
  /** Variables added to the server's environment. */
  env?: Record<string, string>;
}

/** A `$/progress` value the server sent, with its token. */
export interface ProgressEvent {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean };
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  readonly log: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** The `hslist` section answered to `workspace/configuration`. */
  settings: Record<string, unknown> = {};
  /** What the client answers when the server asks for the HubSpot connection (as the VS Code client does). */
  hubspotConnection: unknown = { unavailable: 'no HubSpot account is connected' };
  /** The parameters of each `hslist/account/hubspotConnection` request (the host the server is about to call). */
  readonly hubspotConnectionAsks: unknown[] = [];
  /** What the client answers when the server asks for the Salesforce session (the editor reading the org). */
  salesforceConnection: unknown = { unavailable: 'no Salesforce org is connected' };
  /** The parameters of each `hslist/account/salesforceConnection` request. */
  readonly salesforceConnectionAsks: unknown[] = [];
  readonly progressTokens: (string | number)[] = [];
  readonly progress: ProgressEvent[] = [];
  /** The names of each `hslist/preview/updated` notification. */
  readonly previewUpdates: string[][] = [];
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private exited = false;
  initializeResult: unknown;

  private constructor(readonly child: ChildProcess, readonly root: string) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.onDiagnostics(p));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.log.push(p.message));
    this.connection.onNotification('window/showMessage', (p: { message: string }) => this.log.push(p.message));
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('workspace/configuration', () => [this.settings]);
    this.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.progressTokens.push(p.token);
      this.connection.onProgress(WorkDoneProgress.type, p.token, (value) => this.progress.push({ token: p.token, value: value as ProgressEvent['value'] }));
      return null;
    });
    this.connection.onRequest('hslist/account/hubspotConnection', (params: unknown) => {
      this.hubspotConnectionAsks.push(params);
      return this.hubspotConnection;
    });
    this.connection.onRequest('hslist/account/salesforceConnection', (params: unknown) => {
      this.salesforceConnectionAsks.push(params);
      return this.salesforceConnection;
    });
    this.connection.onNotification('hslist/preview/updated', (p: { names: string[] }) => this.previewUpdates.push(p.names));
    child.on('exit', () => (this.exited = true));
    this.connection.listen();
  }

  static async start(root: string, options: StartOptions = {}): Promise<LspClient> {
    ensureBuilt();
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
    child.stderr?.on('data', () => undefined);
    const client = new LspClient(child, root);
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: 'fixture' }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
        workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchedFiles ?? true }, workspaceEdit: { documentChanges: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: false } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  get alive(): boolean {
    return !this.exited;
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.latest.set(p.uri, p);
    const ready = this.waiters.filter((w) => w.uri === p.uri && w.test(p));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(p);
  }

  /** The next (or current) diagnostics of `uri` that pass `test`; rejects after `timeoutMs`. */
  diagnostics(uri: string, test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    const current = this.latest.get(uri);
    if (current && test(current.diagnostics, current)) return Promise.resolve(current.diagnostics);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; latest: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map((d) => d.code))}`)), timeoutMs);
      this.waiters.push({ uri, test: (p) => test(p.diagnostics, p), resolve: (p) => { clearTimeout(timer); resolvePromise(p.diagnostics); } });
    });
  }

  /** Diagnostics published for exactly this version of an open document. */
  diagnosticsOfVersion(uri: string, version: number, timeoutMs = 10000): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (_d, p) => p.version === version, timeoutMs);
  }

  open(path: string, text: string): { uri: string; version: number } {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hslist', version: 1, text } });
    return { uri, version: 1 };
  }

  /** Replace the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  filesChanged(changes: { path: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uriOf(c.path), type: c.type })) });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await Promise.race([exited, new Promise<void>((r) => setTimeout(() => { this.child.kill(); r(); }, 3000))]);
    this.connection.dispose();
  }
}
