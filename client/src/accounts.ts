// Connected accounts live in VS Code's SecretStorage only: never in settings, files or logs. Each
// credential is bound to the host it was connected for (credential-store.ts) and is only ever
// looked up by that host, so a workspace naming another host finds nothing to send there.
import * as vscode from 'vscode';
import { displayHost } from '../../server/src/accounts/hosts';
import { CredentialStore, type BoundCredential } from './credential-store';
import { migrateUnboundCredentials } from './legacy-credentials';

export interface SalesforceSession {
  instanceUrl: string;
  accessToken: string;
}

/** The hosts each service is connected for, as messages name them (empty: not connected). */
export interface AccountState {
  hubspot: string[];
  salesforce: string[];
}

const asSession = (credential: BoundCredential | undefined): SalesforceSession | undefined =>
  credential && { instanceUrl: credential.url, accessToken: credential.accessToken };

/** Reads and writes the secrets; tells listeners when any account changes. */
export class Accounts implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AccountState>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly hubspot: CredentialStore;
  private readonly salesforce: CredentialStore;
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.hubspot = new CredentialStore(secrets, 'hslist.hubspot.credential');
    this.salesforce = new CredentialStore(secrets, 'hslist.salesforce.credential');
    // Another window may connect or disconnect: SecretStorage reports it here too.
    this.subscription = secrets.onDidChange((e) => {
      if (this.hubspot.owns(e.key) || this.salesforce.owns(e.key)) this.announce();
    });
  }

  /**
   * One event per change: a connect writes the host's secret and the index, and SecretStorage reports
   * each write. Every event makes the server drop its data and ask again, so they are coalesced.
   */
  private announce(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.state().then((state) => this.changed.fire(state)), 50);
  }

  /** Binds what an earlier version stored without a host; returns lines for the log (no secrets). */
  migrate(): Promise<string[]> {
    return migrateUnboundCredentials(this.secrets, { hubspot: this.hubspot, salesforce: this.salesforce });
  }

  async state(): Promise<AccountState> {
    const [hubspot, salesforce] = await Promise.all([this.hubspot.hosts(), this.salesforce.hosts()]);
    return { hubspot: hubspot.map(displayHost), salesforce: salesforce.map(displayHost) };
  }

  /** The HubSpot credential connected for the host of `url`, or undefined: never another host's. */
  hubSpotFor(url: string): Promise<BoundCredential | undefined> {
    return this.hubspot.forHost(url);
  }

  /** The Salesforce session connected for the host of `url`; without a URL, the one connected last. */
  async salesforceFor(url: string | undefined): Promise<SalesforceSession | undefined> {
    return asSession(url === undefined ? await this.salesforce.latest() : await this.salesforce.forHost(url));
  }

  async connectHubSpot(url: string, token: string): Promise<BoundCredential> {
    const credential = await this.hubspot.store(url, token);
    this.announce();
    return credential;
  }

  async connectSalesforce(instanceUrl: string, token: string): Promise<SalesforceSession> {
    const credential = await this.salesforce.store(instanceUrl, token);
    this.announce();
    return { instanceUrl: credential.url, accessToken: credential.accessToken };
  }

  async disconnectAll(): Promise<void> {
    await Promise.all([this.hubspot.clear(), this.salesforce.clear()]);
    this.announce();
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
