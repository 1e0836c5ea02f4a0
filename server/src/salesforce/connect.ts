// The Salesforce org as hslist uses it, over the real jsforce `Connection` with an explicit API version:
// describe, paged queries, counts and email lookups, and the custom-field calls of the Metadata API
// (metadata.ts). Connects with an existing token or the OAuth2 username-password flow. All failures reject
// with a SalesforceError worded by errors.ts.

import { Connection } from 'jsforce';
import { withinTime } from '../accounts/time-limit';
import { toSalesforceError, redact, SalesforceError } from './errors';
import { toObjectSchema, type SalesforceObjectSchema } from './field-model';
import { buildSelect, isSoqlName, type SoqlCondition, type SoqlSelect } from './soql';
import { metadataInvoker, readCustomFields, saveCustomField, type CustomFieldMetadata, type MetadataSaveResult, type SoapInvoke } from './metadata';
import { statusRecordingTransport, type SeenStatus } from './transport';

export const DEFAULT_API_VERSION = '62.0';
const DEFAULT_TIMEOUT_MS = 60_000;

/** jsforce has no time limit of its own short of 30 minutes: a held answer ends here, in one sentence. */
function lateAnswer(host: string, action: string, options: SalesforceConnectOptions): SalesforceError {
  const seconds = Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000);
  return new SalesforceError(`Salesforce at ${host} did not finish answering ${action} within ${seconds} s.`, undefined, 'TIMEOUT');
}

export interface SalesforceConnectOptions {
  version?: string;
  instanceUrl?: string;
  accessToken?: string;
  loginUrl?: string;
  clientId?: string;
  clientSecret?: string;
  username?: string;
  /** The password with the security token appended, when the org requires one. */
  password?: string;
  /** Time limit for each exchange with Salesforce (its retries included); default 60 s. */
  timeoutMs?: number;
  /** jsforce's transport retries for GET (5xx, 429, network errors); default jsforce's (5 retries from 500 ms). */
  retry?: { maxRetries?: number; minTimeout?: number };
  log?: (line: string) => void;
}

export type SalesforceRow = Record<string, string | number | boolean | null>;

export interface SalesforceOrg {
  readonly instanceUrl: string;
  readonly version: string;
  describe(objectName: string): Promise<SalesforceObjectSchema>;
  /** Every record of a query, one page (queryMore batch) at a time. */
  queryAll(soql: string, options?: { batchSize?: number; includeDeleted?: boolean }): AsyncIterable<SalesforceRow[]>;
  countWhere(object: string, where?: SoqlCondition): Promise<number>;
  /** Records whose Email is one of `emails` (case-insensitive), queried in batches of `IN (...)`. */
  findByEmails(object: string, emails: Iterable<string>, fields?: string[]): Promise<SalesforceRow[]>;
  /** From the last response's Sforce-Limit-Info header. */
  apiUsage(): { used: number; limit: number } | undefined;
  /** Metadata API readMetadata: the custom fields that exist, by lower-cased full name ("lead.region__c"). */
  readCustomFields(fullNames: readonly string[]): Promise<Map<string, CustomFieldMetadata>>;
  /** Metadata API createMetadata of one custom field. */
  createCustomField(field: CustomFieldMetadata): Promise<MetadataSaveResult>;
  /** Metadata API updateMetadata of one custom field: the component sent replaces the field's definition. */
  updateCustomField(field: CustomFieldMetadata): Promise<MetadataSaveResult>;
}

export async function connectSalesforce(options: SalesforceConnectOptions): Promise<SalesforceOrg> {
  const version = options.version ?? DEFAULT_API_VERSION;
  const secrets = [options.accessToken, options.password, options.clientSecret];
  if (options.instanceUrl && options.accessToken) {
    const conn = new Connection({ instanceUrl: options.instanceUrl, accessToken: options.accessToken, version });
    return new JsforceOrg(conn, options, secrets);
  }
  const { loginUrl, clientId, clientSecret, username, password } = options;
  if (!loginUrl || !clientId || !clientSecret || !username || !password) {
    throw new SalesforceError('Salesforce credentials are incomplete: give an instance URL and access token, or a login URL, client id, client secret, username and password.', undefined, undefined);
  }
  const conn = new Connection({ loginUrl, version, oauth2: { clientId, clientSecret, loginUrl } });
  const seen: SeenStatus = {};
  conn.oauth2._transport = statusRecordingTransport(conn.oauth2._transport, seen);
  try {
    await withinTime(conn.login(username, password), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, undefined, () => lateAnswer(loginUrl, `logging in as ${username}`, options));
  } catch (error) {
    throw toSalesforceError(error, { action: `logging in as ${username}`, host: loginUrl, status: seen.status, secrets });
  }
  secrets.push(conn.accessToken ?? undefined);
  options.log?.(redact(`Salesforce: logged in as ${username} at ${conn.instanceUrl}`, secrets));
  return new JsforceOrg(conn, options, secrets);
}

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

const MAX_EMAILS_PER_QUERY = 200;
const MAX_ENCODED_SOQL = 12_000;

class JsforceOrg implements SalesforceOrg {
  readonly instanceUrl: string;
  readonly version: string;
  private readonly soap: SoapInvoke;

  constructor(private readonly conn: Connection, private readonly options: SalesforceConnectOptions, private readonly secrets: (string | undefined)[]) {
    this.instanceUrl = conn.instanceUrl;
    this.version = conn.version;
    this.soap = metadataInvoker(conn, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, secrets, late: (action) => lateAnswer(this.instanceUrl, action, options) });
  }

  readCustomFields(fullNames: readonly string[]): Promise<Map<string, CustomFieldMetadata>> {
    return readCustomFields(this.soap, fullNames);
  }

  createCustomField(field: CustomFieldMetadata): Promise<MetadataSaveResult> {
    return saveCustomField(this.soap, 'createMetadata', field);
  }

  updateCustomField(field: CustomFieldMetadata): Promise<MetadataSaveResult> {
    return saveCustomField(this.soap, 'updateMetadata', field);
  }

  async describe(objectName: string): Promise<SalesforceObjectSchema> {
    if (!isSoqlName(objectName)) throw new SalesforceError(`"${objectName}" is not a Salesforce object name.`, undefined, undefined);
    const body = await this.get(`/services/data/v${this.version}/sobjects/${objectName}/describe`, `describing ${objectName}`);
    const schema = toObjectSchema(body);
    if ('error' in schema) throw new SalesforceError(`Salesforce's describe of ${objectName} could not be read: ${schema.error}.`, undefined, undefined);
    return schema;
  }

  async *queryAll(soql: string, options: { batchSize?: number; includeDeleted?: boolean } = {}): AsyncIterable<SalesforceRow[]> {
    const object = /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? 'records';
    const headers: Record<string, string> = options.batchSize ? { 'Sforce-Query-Options': `batchSize=${options.batchSize}` } : {};
    let url: string | undefined = `/services/data/v${this.version}/${options.includeDeleted ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`;
    for (let page = 1; url !== undefined; page++) {
      const result = (await this.get(url, `querying ${object}`, headers)) as QueryPage;
      this.log(`Salesforce: ${object} page ${page}, ${result.records.length} records (${result.totalSize} in all)`);
      yield result.records.map(withoutAttributes);
      url = result.done ? undefined : result.nextRecordsUrl;
    }
  }

  async countWhere(object: string, where?: SoqlCondition): Promise<number> {
    const soql = this.build({ object, fields: 'count', where });
    const result = (await this.get(`/services/data/v${this.version}/query?q=${encodeURIComponent(soql)}`, `counting ${object}`)) as QueryPage;
    return result.totalSize;
  }

  async findByEmails(object: string, emails: Iterable<string>, fields: string[] = ['Id', 'Email']): Promise<SalesforceRow[]> {
    const wanted = fields.some((f) => f.toLowerCase() === 'email') ? fields : [...fields, 'Email'];
    const rows: SalesforceRow[] = [];
    for (const batch of emailBatches(emails, (values) => this.build({ object, fields: wanted, where: { field: 'Email', op: 'IN', values } }))) {
      for await (const page of this.queryAll(batch)) rows.push(...page);
    }
    return rows;
  }

  apiUsage(): { used: number; limit: number } | undefined {
    return this.conn.limitInfo.apiUsage;
  }

  private build(select: SoqlSelect): string {
    const built = buildSelect(select);
    if ('error' in built) throw new SalesforceError(`Cannot build the query on ${select.object}: ${built.error}.`, undefined, undefined);
    return built.soql;
  }

  private async get(url: string, action: string, headers: Record<string, string> = {}): Promise<unknown> {
    const seen: SeenStatus = {};
    const transport = statusRecordingTransport(this.conn._transport, seen);
    try {
      const answer = this.conn.request({ method: 'GET', url, headers }, { transport, retry: this.options.retry });
      return await withinTime(answer, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, undefined, () => lateAnswer(this.instanceUrl, action, this.options));
    } catch (error) {
      if (error instanceof SalesforceError) throw error;
      throw toSalesforceError(error, { action, host: this.instanceUrl, status: seen.status, secrets: this.secrets });
    }
  }

  private log(line: string): void {
    this.options.log?.(redact(line, this.secrets));
  }
}

function withoutAttributes(record: Record<string, unknown>): SalesforceRow {
  const row: SalesforceRow = {};
  for (const [key, value] of Object.entries(record)) if (key !== 'attributes') row[key] = value as SalesforceRow[string];
  return row;
}

/** Distinct emails (case-insensitively) in groups small enough for one GET query URL. */
function* emailBatches(emails: Iterable<string>, toSoql: (values: string[]) => string): Generator<string> {
  const seen = new Set<string>();
  let batch: string[] = [];
  for (const email of emails) {
    const key = email.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const candidate = [...batch, email.trim()];
    if (batch.length > 0 && (candidate.length > MAX_EMAILS_PER_QUERY || encodeURIComponent(toSoql(candidate)).length > MAX_ENCODED_SOQL)) {
      yield toSoql(batch);
      batch = [email.trim()];
    } else {
      batch = candidate;
    }
  }
  if (batch.length > 0) yield toSoql(batch);
}
