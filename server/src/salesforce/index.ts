// The Salesforce account layer: connect (token or username-password), describe, paged queries, schema pull.

export { connectSalesforce, DEFAULT_API_VERSION, type SalesforceConnectOptions, type SalesforceOrg, type SalesforceRow } from './connect';
export { SalesforceError, redact } from './errors';
export type { CustomFieldMetadata, CustomValue, MetadataSaveResult } from './metadata';
export { toObjectSchema, type SalesforceField, type SalesforceObjectSchema, type SalesforcePicklistValue } from './field-model';
export { salesforceOptionsFromEnv, SALESFORCE_ENV } from './env';
export { pullSalesforceSchema, schemaJson, DEFAULT_SALESFORCE_SCHEMA_DIR } from './schema-pull';
export * from './soql';
