// The Metadata API calls hslist makes, for custom fields on Lead and Contact: readMetadata, createMetadata and
// updateMetadata of `CustomField` components ("Lead.Region__c"), at most 10 a call as Salesforce allows. They go
// over jsforce's own SOAP client (the one `conn.metadata` uses, with its Metadata API schema for the answers),
// made per call with a transport that notes the HTTP status, under the same time limit as every other exchange.
// A component Salesforce refuses comes back as a result with its `statusCode` and message, never as success;
// a SOAP fault (a bad session, a missing permission) is a SalesforceError.

import type { Connection } from 'jsforce';
import SOAP from 'jsforce/lib/soap';
import { ApiSchemas } from 'jsforce/lib/api/metadata/schema';
import { withinTime } from '../accounts/time-limit';
import { toSalesforceError, SalesforceError } from './errors';
import { statusRecordingTransport, type SeenStatus } from './transport';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
export const MAX_COMPONENTS_PER_CALL = 10;

/** A picklist value of a custom field's own value set. */
export interface CustomValue {
  fullName: string;
  label?: string | null;
  default?: boolean;
  isActive?: boolean | null;
  [other: string]: unknown;
}

/**
 * A CustomField component as read and written: the keys hslist looks at, and every other key kept as read,
 * because an update replaces the whole component.
 */
export interface CustomFieldMetadata {
  fullName: string;
  label?: string | null;
  type?: string | null;
  valueSet?: {
    restricted?: boolean | null;
    /** Set when the field takes its values from a global value set. */
    valueSetName?: string | null;
    valueSetDefinition?: { sorted?: boolean; value?: CustomValue[] } | null;
    [other: string]: unknown;
  } | null;
  [other: string]: unknown;
}

export interface MetadataSaveResult {
  fullName: string;
  success: boolean;
  errors: { statusCode: string; message: string }[];
}

export type SoapInvoke = (call: string, message: object, resultSchema: unknown, action: string) => Promise<unknown>;

interface InvokeOptions {
  timeoutMs: number;
  secrets: readonly (string | undefined)[];
  late: (action: string) => SalesforceError;
}

/** Calls on the Metadata API's SOAP endpoint of the connection's instance and API version. */
export function metadataInvoker(conn: Connection, options: InvokeOptions): SoapInvoke {
  return async (call, message, resultSchema, action) => {
    const seen: SeenStatus = {};
    const endpointOptions = {
      xmlns: METADATA_NAMESPACE,
      endpointUrl: `${conn.instanceUrl}/services/Soap/m/${conn.version}`,
      transport: statusRecordingTransport(conn._transport, seen),
    };
    try {
      const endpoint = new SOAP(conn, endpointOptions);
      const answer = endpoint.invoke(call, message, { result: resultSchema } as never, ApiSchemas as never) as Promise<{ result?: unknown }>;
      return (await withinTime(answer, options.timeoutMs, undefined, () => options.late(action))).result;
    } catch (error) {
      if (error instanceof SalesforceError) throw error;
      throw toSalesforceError(withoutFaultPrefix(error), { action, host: conn.instanceUrl, status: seen.status, secrets: options.secrets });
    }
  };
}

/** A SOAP fault reads `sf:INVALID_SESSION_ID` / "INVALID_SESSION_ID: Invalid Session ID…": said once, without the prefix. */
function withoutFaultPrefix(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as { errorCode?: unknown; message?: unknown; name?: unknown };
  if (typeof e.errorCode !== 'string' || typeof e.message !== 'string') return error;
  const code = e.errorCode.replace(/^[A-Za-z]+:/, '');
  const message = e.message.startsWith(`${code}: `) ? e.message.slice(code.length + 2) : e.message;
  return { name: code, errorCode: code, message };
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_COMPONENTS_PER_CALL) out.push(items.slice(i, i + MAX_COMPONENTS_PER_CALL));
  return out;
}

const READ_SCHEMA = { type: 'ReadResult', props: { records: ['CustomField'] } };

/** The components that exist, by lower-cased full name; one Salesforce lacks is simply absent (it reads back without a fullName). */
export async function readCustomFields(invoke: SoapInvoke, fullNames: readonly string[]): Promise<Map<string, CustomFieldMetadata>> {
  const found = new Map<string, CustomFieldMetadata>();
  for (const batch of batches(fullNames)) {
    const result = (await invoke('readMetadata', { type: 'CustomField', fullNames: batch }, READ_SCHEMA, `reading the definition of ${batch.join(', ')}`)) as { records?: unknown[] } | null;
    for (const record of result?.records ?? []) {
      if (typeof record !== 'object' || record === null) continue;
      const { $: _attributes, ...component } = record as Record<string, unknown>;
      if (typeof component.fullName === 'string' && component.fullName !== '') found.set(component.fullName.toLowerCase(), component as CustomFieldMetadata);
    }
  }
  return found;
}

/** createMetadata or updateMetadata of one CustomField; Salesforce's verdict on it. */
export async function saveCustomField(invoke: SoapInvoke, call: 'createMetadata' | 'updateMetadata', field: CustomFieldMetadata): Promise<MetadataSaveResult> {
  const verb = call === 'createMetadata' ? 'creating' : 'updating';
  const { fullName, ...rest } = field;
  const metadata = [{ '@xsi:type': 'CustomField', fullName, ...rest }];
  const results = (await invoke(call, { metadata }, [ApiSchemas.SaveResult], `${verb} ${fullName}`)) as MetadataSaveResult[] | null;
  const result = results?.[0];
  if (!result || typeof result.success !== 'boolean') {
    throw new SalesforceError(`Salesforce's answer to ${verb} ${fullName} holds no result.`, undefined, undefined);
  }
  return { fullName: result.fullName || fullName, success: result.success, errors: (result.errors ?? []).map((e) => ({ statusCode: e.statusCode, message: e.message })) };
}
