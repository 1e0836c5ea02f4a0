// One status bar item: the language server's state and which accounts are connected.
import * as vscode from 'vscode';
import { AccountState } from './accounts';
import { ClientCommands } from './ids';

export type ServerState = 'starting' | 'ready' | 'error' | 'stopped';

const ICONS: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  ready: '$(check)',
  error: '$(error)',
  stopped: '$(circle-slash)',
};

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private server: ServerState = 'starting';
  private accounts: AccountState = { hubspot: [], salesforce: [] };

  constructor() {
    this.item = vscode.window.createStatusBarItem('hslist.status', vscode.StatusBarAlignment.Left, 100);
    this.item.name = 'hslist';
    this.item.command = ClientCommands.showLog;
    this.render();
    this.item.show();
  }

  get serverState(): ServerState {
    return this.server;
  }

  get text(): string {
    return this.item.text;
  }

  setServerState(state: ServerState): void {
    this.server = state;
    this.render();
  }

  setAccounts(accounts: AccountState): void {
    this.accounts = accounts;
    this.render();
  }

  private render(): void {
    const hubspot = this.accounts.hubspot.length > 0 ? 'connected' : 'none';
    const salesforce = this.accounts.salesforce.length > 0 ? 'connected' : 'none';
    // The tooltip names the hosts: a credential is only ever sent to the host it was connected for.
    const hosts = (list: string[]) => (list.length > 0 ? `connected for ${list.join(', ')}` : 'none');
    this.item.text = `${ICONS[this.server]} hslist: ${this.server} | HubSpot: ${hubspot} | Salesforce: ${salesforce}`;
    this.item.tooltip = `hslist language server: ${this.server}\nHubSpot: ${hosts(this.accounts.hubspot)}\nSalesforce: ${hosts(this.accounts.salesforce)}\nClick to show the log.`;
    this.item.backgroundColor =
      this.server === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
