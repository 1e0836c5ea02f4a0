// The connected org as the editor's Salesforce data (`hslist.salesforceData: "org"`, or `salesforce.records`
// "org" in hslist.json): read in the preview worker, in the background, once per set of mapped fields, and
// again only when asked (Reload preview contact data) or when the accounts change. The session is asked of the
// client right before the read (salesforce-connection.ts). While the read runs, or when it failed, the sync
// lens and the panel say so instead of figures; edits go on being previewed meanwhile.

import { workspaceHosts } from '../account-hosts';
import type { ServerContext } from '../context';
import type { PreviewRunner } from './runner';
import { askSalesforceConnection } from './salesforce-connection';
import type { SalesforceSource } from './worker-messages';

interface OrgState {
  key: string;
  state: 'reading' | 'read' | 'failed';
  /** "org at acme.my.salesforce.com", for messages ("Salesforce org at …"). */
  label: string;
  message?: string;
}

export type OrgSourceAnswer = { source: Extract<SalesforceSource, { kind: 'org' }>; label: string } | { problem: string };

export class OrgReader {
  private generation = 0;
  private current: OrgState | undefined;

  /** `whenRead`: the read ended (either way); the caller simulates again. */
  constructor(private readonly ctx: ServerContext, private readonly whenRead: () => void) {}

  /** The next use reads the org again (a reload, or an account connected or disconnected). */
  readAgain(): void {
    this.generation++;
    this.current = undefined;
  }

  /** What the simulation may use now: the org read for these fields, or why not (yet). Starts a read when none is under way for them. */
  async source(runner: PreviewRunner, fields: string[]): Promise<OrgSourceAnswer> {
    // The instance the workspace names is part of the key: naming another one reads that org.
    const wanted = (await workspaceHosts(this.ctx)).salesforce?.url ?? '';
    const key = JSON.stringify([fields, wanted, this.generation]);
    const at = this.current?.key === key ? this.current : undefined;
    if (at?.state === 'read') return { source: { kind: 'org', key }, label: at.label };
    if (at?.state === 'reading') return { problem: `reading the leads and contacts of the ${at.label}…` };
    if (at?.state === 'failed') return { problem: at.message ?? `the ${at.label} cannot be read` };
    const connection = await askSalesforceConnection(this.ctx);
    if ('unavailable' in connection) {
      this.current = { key, state: 'failed', label: 'org', message: `the org cannot be read: ${connection.unavailable}` };
      return { problem: this.current.message! };
    }
    const state: OrgState = { key, state: 'reading', label: `org at ${connection.host}` };
    this.current = state;
    const { config } = this.ctx.state.settings;
    runner.readOrg({ key, connection: connection.options, fields, root: config.root, schemaLocation: config.schema }).then(
      () => { state.state = 'read'; },
      (error: unknown) => {
        state.state = 'failed';
        state.message = `the ${state.label} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
      },
    ).finally(() => {
      if (this.current === state) this.whenRead();
    });
    return { problem: `reading the leads and contacts of the ${state.label}…` };
  }
}
