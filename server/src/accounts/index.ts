// The accounts layer: both accounts built from env vars or explicit settings, and the schema refresh that
// the CLI (`hslist schema pull`) and the language server share.
export { accountSettingsFromEnv, noAccountsMessage, ACCOUNT_VARIABLES, type AccountSettings, type HubSpotSettings, type SettingsFromEnv } from './settings';
export { openAccounts, type Accounts, type OpenOptions, type SalesforceConnector } from './accounts';
export { countsText, refreshSchema, SCHEMA_CACHE_DIR, type RefreshOptions, type SchemaRefresh, type SideResult } from './refresh-schema';
export { writeFilesAtomically, type FileToWrite } from './atomic-write';
