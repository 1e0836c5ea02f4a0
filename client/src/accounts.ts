// Connected accounts live in VS Code's SecretStorage only: never in settings, files or logs.
import * as vscode from 'vscode';

const HUBSPOT_TOKEN_KEY = 'hslist.hubspot.token';
const SALESFORCE_KEY = 'hslist.salesforce.session';

export interface SalesforceSession {
  instanceUrl: string;
  accessToken: string;
}

export interface AccountState {
  hubspot: boolean;
  salesforce: boolean;
}

/** Reads and writes the secrets; tells listeners when either account changes. */
export class Accounts implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AccountState>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Another window may connect or disconnect: SecretStorage reports it here too.
    this.subscription = secrets.onDidChange(async (e) => {
      if (e.key === HUBSPOT_TOKEN_KEY || e.key === SALESFORCE_KEY) this.changed.fire(await this.state());
    });
  }

  async state(): Promise<AccountState> {
    const [hubspot, salesforce] = await Promise.all([this.hubSpotToken(), this.salesforceSession()]);
    return { hubspot: hubspot !== undefined, salesforce: salesforce !== undefined };
  }

  hubSpotToken(): Thenable<string | undefined> {
    return this.secrets.get(HUBSPOT_TOKEN_KEY);
  }

  async salesforceSession(): Promise<SalesforceSession | undefined> {
    const raw = await this.secrets.get(SALESFORCE_KEY);
    if (raw === undefined) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<SalesforceSession>;
      if (typeof parsed.instanceUrl === 'string' && typeof parsed.accessToken === 'string') {
        return { instanceUrl: parsed.instanceUrl, accessToken: parsed.accessToken };
      }
    } catch {
      // A damaged entry counts as "not connected"; connecting again overwrites it.
    }
    return undefined;
  }

  async setHubSpotToken(token: string): Promise<void> {
    await this.secrets.store(HUBSPOT_TOKEN_KEY, token);
    this.changed.fire(await this.state());
  }

  async setSalesforceSession(session: SalesforceSession): Promise<void> {
    await this.secrets.store(SALESFORCE_KEY, JSON.stringify(session));
    this.changed.fire(await this.state());
  }

  async disconnectAll(): Promise<void> {
    await Promise.all([this.secrets.delete(HUBSPOT_TOKEN_KEY), this.secrets.delete(SALESFORCE_KEY)]);
    this.changed.fire(await this.state());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
