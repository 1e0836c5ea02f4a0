// When a workspace asks for a host no credential is bound to, the user hears why and is offered to
// connect for that host (a separate credential; the ones of other hosts stay as they are). Once per
// service and host until the accounts change, so a preview that asks again on every edit does not
// pile up notifications.

import * as vscode from 'vscode';
import { displayHost, originOf } from '../../server/src/accounts/hosts';
import type { WantedHost } from '../../server/src/lsp/preview/protocol';
import { ClientCommands } from './ids';

export type Service = 'HubSpot' | 'Salesforce';

export interface ConnectOffer {
  service: Service;
  host: string;
}

export class ConnectOffers {
  /** Every offer made (the extension-host tests read it). */
  readonly offered: ConnectOffer[] = [];
  private readonly shown = new Set<string>();

  constructor(private readonly output: vscode.OutputChannel) {}

  /** `clause`: why there is no connection ("HubSpot is not connected for …"). */
  offer(service: Service, wanted: WantedHost, clause: string): void {
    const key = `${service} ${originOf(wanted.url) ?? wanted.url}`;
    if (this.shown.has(key)) return;
    this.shown.add(key);
    const host = displayHost(wanted.url);
    this.offered.push({ service, host });
    this.output.appendLine(`[client] ${clause}: offered to connect for ${host}`);
    const action = `Connect for ${host}`;
    const command = service === 'HubSpot' ? ClientCommands.connectHubSpot : ClientCommands.connectSalesforce;
    void vscode.window.showWarningMessage(`hslist: ${clause}.`, action).then((choice) => {
      if (choice === action) void vscode.commands.executeCommand(command, wanted.url);
    });
  }

  /** Connected or disconnected: a host may be worth offering again. */
  reset(): void {
    this.shown.clear();
  }
}
