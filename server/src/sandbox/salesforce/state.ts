// The emulated org: records per object, issued access tokens, open query cursors, the daily API
// request budget and fault injection. Tests reach in through `state` to arrange and inspect.

import { randomBytes } from 'node:crypto';
import { Faults } from './faults';
import { sameId } from './ids';
import type { Row } from './soql/compile';
import { cloneObjects, type SfObjectDef, type SfObjectName, type SfObjects } from './schema';

export interface SalesforceUser {
  username: string;
  password: string;
  /** Appended to the password on login, as Salesforce requires outside trusted IP ranges. */
  securityToken?: string;
}

export interface QueryCursor {
  object: SfObjectName;
  select: string[];
  rows: Row[];
  batchSize: number;
}

/** A request as the log keeps it: never a header or a body, only whether (and which, by hash) bearer token came. */
export interface ReceivedRequest {
  method: string;
  path: string;
  /** SHA-256 (hex) of the bearer token (or, for the SOAP endpoint, of the session id), absent without one. */
  bearerSha256?: string;
  /** The Metadata API call of a SOAP request (`readMetadata`, …). */
  call?: string;
}

const MAX_OPEN_CURSORS = 50;

export class SalesforceOrgState {
  readonly tables: Record<SfObjectName, Row[]> = { Lead: [], Contact: [] };
  /** This org's Lead and Contact schema: a copy of schema.ts's, which Metadata API writes change. */
  readonly schema: SfObjects = cloneObjects();
  /**
   * Custom fields (`Lead.Foo__c`, lower-case) the API user cannot see: created through the Metadata API while
   * `newFieldsVisible` is false, as a real org hides a new field until field-level security grants it.
   */
  readonly hiddenFields = new Set<string>();
  newFieldsVisible = true;
  readonly faults = new Faults();
  readonly tokens = new Set<string>();
  /** Paths of REST requests received, in order (never headers or bodies), for tests to assert on. */
  readonly requestLog: string[] = [];
  /** Every request received (the token endpoint's too), with a hash of its bearer token: served at GET /__emulator/requests. */
  readonly received: ReceivedRequest[] = [];
  readonly cursors = new Map<string, QueryCursor>();
  readonly organizationId = '00D5g000004hSlSEAU';
  readonly userId = '0055g00000AbCdEAAV';
  apiUsage = 0;
  private cursorCount = 0;

  constructor(
    public dailyRequestLimit: number,
    readonly users: SalesforceUser[],
    readonly client: { clientId: string; clientSecret: string },
    readonly now: () => Date,
  ) {}

  /** The schema as the API user sees it (describe, SOQL): without the hidden fields. */
  visibleSchema(): SfObjects {
    if (this.hiddenFields.size === 0) return this.schema;
    const visible = (object: SfObjectDef): SfObjectDef => ({ ...object, fields: object.fields.filter((f) => !this.hiddenFields.has(`${object.name}.${f.name}`.toLowerCase())) });
    return { Lead: visible(this.schema.Lead), Contact: visible(this.schema.Contact) };
  }

  /** What an admin does in Setup (Set Field-Level Security): the field shows in describe and SOQL. */
  grantFieldAccess(fullName: string): void {
    this.hiddenFields.delete(fullName.toLowerCase());
  }

  addRecord(type: SfObjectName, fields: Row): void {
    this.tables[type].push(Object.assign({ IsDeleted: false }, fields));
  }

  findRecord(type: SfObjectName, id: string): Row | undefined {
    return this.tables[type].find((row) => !row.IsDeleted && sameId(String(row.Id), id));
  }

  issueToken(): string {
    const token = `${this.organizationId.slice(0, 15)}!AR${randomBytes(30).toString('base64url')}`;
    this.tokens.add(token);
    return token;
  }

  /** Every token issued or configured stops working, as when a session times out. */
  expireTokens(): void {
    this.tokens.clear();
  }

  openCursor(cursor: QueryCursor): string {
    const id = `01g5g${String(++this.cursorCount).padStart(10, '0')}`;
    this.cursors.set(id, cursor);
    if (this.cursors.size > MAX_OPEN_CURSORS) this.cursors.delete(this.cursors.keys().next().value as string);
    return id;
  }
}
