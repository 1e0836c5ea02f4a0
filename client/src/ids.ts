// Every identifier the client shares with package.json (`contributes`) and the language server.
// Client command ids differ from the server's executeCommand ids on purpose: vscode-languageclient
// registers a VS Code command for every id the server lists in `executeCommandProvider`, and a
// second registration of the same id fails.

export const LANGUAGE_ID = 'hslist';
export const CLIENT_ID = 'hslist'; // also the prefix of the `hslist.trace.server` setting
export const OUTPUT_CHANNEL_NAME = 'hslist';

export const ClientCommands = {
  showCompiledJson: 'hslist.showCompiledJson',
  restartServer: 'hslist.restartServer',
  connectHubSpot: 'hslist.connectHubSpot',
  connectSalesforce: 'hslist.connectSalesforce',
  disconnectAccounts: 'hslist.disconnectAccounts',
  refreshSchema: 'hslist.reloadSchema',
  showLog: 'hslist.showLog',
  showSoql: 'hslist.showSoql',
  showSettingsSheet: 'hslist.showSettingsSheet',
} as const;

/** The Getting Started walkthrough's steps and the context key each completes on (package.json: `onContext:<key>`). */
export const WalkthroughSteps = {
  workspace: 'hslist.walkthrough.workspace',
  connect: 'hslist.walkthrough.connected',
  schema: 'hslist.walkthrough.schemaRefreshed',
  preview: 'hslist.walkthrough.previewShown',
  publish: 'hslist.walkthrough.planShown',
} as const;

export const CREATE_WORKSPACE_COMMAND = 'hslist.createWorkspace';

export const ServerCommands = {
  compiledJson: 'hslist.compiledJson',
  refreshSchema: 'hslist.refreshSchema',
  soql: 'hslist.soql',
  settingsSheet: 'hslist.settingsSheet',
} as const;

/** Custom request: the server answers `{ pong: true, version }`; used by tests and the status bar. */
export const PING_REQUEST = 'hslist/ping';

export interface PingResult {
  pong: true;
  server: string;
  documents: number;
  /** How the server's node runs: its V8 flags and glibc mmap threshold (bin/node-settings.js). */
  node: { execArgv: string[]; mallocMmapThreshold: string | undefined };
}
