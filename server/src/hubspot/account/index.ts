// The HubSpot account layer: one import for the CLI and the language server.
export { createHubSpotAccount, type HubSpotAccountOptions } from './account';
export { HubSpotAccountError, type HubSpotErrorKind } from './errors';
export { pullHubSpotSchema, stableJson } from './pull-schema';
export { hubSpotCredentialsFromEnv, TOKEN_VARIABLE, BASE_URL_VARIABLE } from './credentials';
export { redact, registerSecret } from './redact';
export { apiPaths, DEFAULT_API_VERSION, isApiVersion, type HubSpotApiVersion } from './paths';
export { ROOT_FOLDER_ID } from './account-folders';
export type * from './types';
