// Starts the bundled language server (dist/server.js) over Node IPC and keeps the status bar in step
// with its state. Restart builds a fresh client, so a crashed server can always be brought back.
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { CLIENT_ID, LANGUAGE_ID, PING_REQUEST, PingResult } from './ids';
import { ServerState } from './status';
import { NODE_FLAGS, SERVER_ENV } from '../../bin/node-settings';

/** Called with every new LanguageClient before it starts: handlers and features of ours. */
export type ClientSetup = (client: LanguageClient) => void;

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly setups: ClientSetup[] = [];
  private state: ServerState = 'stopped';
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly serverModule: string,
    private readonly output: vscode.OutputChannel,
  ) {}

  get currentState(): ServerState {
    return this.state;
  }

  /** Resolves when the server answered `initialize`; never rejects (a failure shows as state `error`). */
  async start(): Promise<void> {
    const client = this.createClient();
    this.client = client;
    this.setState('starting');
    client.onDidChangeState((e) => {
      if (this.client !== client) return; // a stale client from before a restart
      if (e.newState === State.Running) this.setState('ready');
      else if (e.newState === State.Starting) this.setState('starting');
      else if (this.state !== 'error') this.setState('stopped');
    });
    try {
      await client.start();
      this.setState('ready');
    } catch (error) {
      this.output.appendLine(`[client] language server failed to start: ${describe(error)}`);
      this.setState('error');
    }
  }

  async restart(): Promise<void> {
    this.output.appendLine('[client] restarting the language server');
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop().catch((e) => this.output.appendLine(`[client] stop: ${describe(e)}`));
    this.setState('stopped');
  }

  ping(): Promise<PingResult> {
    return this.running().sendRequest<PingResult>(PING_REQUEST, {});
  }

  /** Runs one of the server's `workspace/executeCommand` commands. */
  executeServerCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.running().sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /**
   * Runs `setup` on each client this connection creates (the first start and every restart, which
   * builds a fresh client), so server→client handlers and features are never lost on a restart.
   */
  onNewClient(setup: ClientSetup): vscode.Disposable {
    this.setups.push(setup);
    return new vscode.Disposable(() => {
      const at = this.setups.indexOf(setup);
      if (at >= 0) this.setups.splice(at, 1);
    });
  }

  /** A notification to the server; dropped (false) when it is not running, since it reads afresh on start. */
  notify(method: string, params: unknown): boolean {
    if (!this.client?.isRunning()) return false;
    this.client.sendNotification(method, params).catch((e) => this.output.appendLine(`[client] ${method}: ${describe(e)}`));
    return true;
  }

  /** A custom request of the server (e.g. the preview's `hslist/preview/*`). */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.running().sendRequest<R>(method, params);
  }

  private running(): LanguageClient {
    if (!this.client || !this.client.isRunning()) throw new Error(`the hslist language server is ${this.state}`);
    return this.client;
  }

  private createClient(): LanguageClient {
    // The server and its preview worker fetch portals: they run with the CLI's V8 flags, and with the C
    // library's setting for a process that also re-checks on every keystroke (bin/node-settings.js).
    const settings = { execArgv: [...NODE_FLAGS], env: { ...SERVER_ENV, ...process.env } };
    const run = { module: this.serverModule, transport: TransportKind.ipc, options: settings };
    const serverOptions: ServerOptions = {
      run,
      debug: { ...run, options: { ...settings, execArgv: [...NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
      ],
      synchronize: {
        configurationSection: 'hslist',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.hslist,hslist.json}'),
      },
      outputChannel: this.output,
    };
    const client = new LanguageClient(CLIENT_ID, 'hslist language server', serverOptions, clientOptions);
    for (const setup of this.setups) setup(client);
    return client;
  }

  private setState(state: ServerState): void {
    if (state === this.state) return;
    this.state = state;
    this.output.appendLine(`[client] server state: ${state}`);
    this.stateChanged.fire(state);
  }

  dispose(): void {
    void this.stop();
    this.stateChanged.dispose();
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
