// The workspace config file `hslist.json` (schemas/hslist.schema.json describes it for editors).
// Shared by the CLI and the language server: both find the same root, schema and time zone.
import { existsSync } from 'node:fs';
import { readRegularText } from '../files/regular-file';
import { dirname, join, resolve } from 'node:path';
import { isValidTimeZone } from '../hubspot/compile/time';
import { isApiVersion } from '../hubspot/account/paths';

export const CONFIG_FILE = 'hslist.json';

export interface WorkspaceConfig {
  /** Folder holding hslist.json (or the folder the command started from when there is none). */
  root: string;
  /** Portal schema: a file or a folder like `.hslist/schema/`; undefined = bundled default. */
  schema?: string;
  /** Zone for lists without `timezone:`. */
  timezone: string;
  /** hslist.json names the zone (else `timezone` is the UTC default, which nobody chose). */
  timezoneChosen?: boolean;
  /** Contact data for the preview (CSV export, JSON or NDJSON). */
  contacts?: string;
  /** `"contacts": "hubspot"`: the preview reads the live portal (the connected HubSpot account). */
  liveContacts?: boolean;
  hubspotBaseUrl?: string;
  /** `hubspot.apiVersion`: `v3` or a date-based version such as `2026-09`. */
  hubspotApiVersion?: string;
  salesforceInstanceUrl?: string;
  /** `salesforce.records`: Salesforce leads and contacts for the sync simulator, an export file or folder (resolved), or "org". */
  salesforceRecords?: string;
  /** `targets`: named portals to publish to, each with the prefix of its credential variables. */
  targets?: Record<string, PublishTarget>;
}

/** A portal `hslist plan|apply|pull --target NAME` works on. Credentials come from `<env>_HUBSPOT_TOKEN` (+ `_HUBSPOT_BASE_URL`). */
export interface PublishTarget {
  /** The portal the credentials must belong to; checked before anything is read or written. */
  portalId?: string;
  /** Prefix of the credential variables; default `HSLIST_<NAME>` (upper case, non-alphanumerics as _). */
  env: string;
}

export interface ConfigLoad {
  config: WorkspaceConfig;
  /** Problems with hslist.json, each naming the file and the field. */
  problems: string[];
}

/** The nearest hslist.json at or above `start`. */
export function findConfigRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadWorkspaceConfig(start: string): ConfigLoad {
  const root = findConfigRoot(start);
  if (!root) return { config: withDefaultSchemaCache({ root: resolve(start), timezone: 'UTC' }), problems: [] };
  const file = join(root, CONFIG_FILE);
  const problems: string[] = [];
  let raw: unknown;
  // Only a regular file is read (a FIFO would block), and a byte-order mark is accepted.
  const read = readRegularText(file, 1024 * 1024);
  if (!read.ok) {
    problems.push(`${file} ${read.message}`);
    return { config: withDefaultSchemaCache({ root, timezone: 'UTC' }), problems };
  }
  try {
    raw = JSON.parse(read.text);
  } catch (error) {
    problems.push(`${file}: not valid JSON (${(error as Error).message}).`);
    return { config: withDefaultSchemaCache({ root, timezone: 'UTC' }), problems };
  }
  return { config: withDefaultSchemaCache(readConfigObject(raw, root, file, problems)), problems };
}

function readConfigObject(raw: unknown, root: string, file: string, problems: string[]): WorkspaceConfig {
  const config: WorkspaceConfig = { root, timezone: 'UTC' };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${file}: expected a JSON object.`);
    return config;
  }
  const o = raw as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.length > 0) return v;
    problems.push(`${file}: "${key}" must be a non-empty string.`);
    return undefined;
  };
  const schema = text('schema');
  if (schema) config.schema = resolve(root, schema);
  const contacts = text('contacts');
  // "hubspot" names the live portal, as `--data hubspot` does; a file of that name is written ./hubspot.
  if (contacts?.trim().toLowerCase() === 'hubspot') config.liveContacts = true;
  else if (contacts) config.contacts = resolve(root, contacts);
  const timezone = text('timezone');
  if (timezone) {
    if (isValidTimeZone(timezone)) Object.assign(config, { timezone, timezoneChosen: true });
    else problems.push(`${file}: "timezone" is not an IANA time zone: "${timezone}".`);
  }
  config.hubspotBaseUrl = nestedUrl(o, 'hubspot', file, problems);
  config.hubspotApiVersion = apiVersion(o, file, problems);
  config.salesforceInstanceUrl = nestedUrl(o, 'salesforce', file, problems, 'instanceUrl');
  const records = salesforceRecords(o, root, file, problems);
  if (records) config.salesforceRecords = records;
  const targets = readTargets(o.targets, file, problems);
  if (targets) config.targets = targets;
  const known = new Set(['$schema', 'schema', 'contacts', 'timezone', 'hubspot', 'salesforce', 'targets']);
  for (const key of Object.keys(o)) if (!known.has(key)) problems.push(`${file}: unknown setting "${key}".`);
  return config;
}

function nestedUrl(o: Record<string, unknown>, key: string, file: string, problems: string[], field = 'baseUrl'): string | undefined {
  const section = o[key];
  if (section === undefined) return undefined;
  const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>)[field] : undefined;
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^https?:\/\//.test(value)) return value.replace(/\/+$/, '');
  problems.push(`${file}: "${key}.${field}" must be an http(s) URL.`);
  return undefined;
}

/** `salesforce.records`: "org" as written (the connected org), else a path resolved against the root. */
function salesforceRecords(o: Record<string, unknown>, root: string, file: string, problems: string[]): string | undefined {
  const section = o.salesforce;
  const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>).records : undefined;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${file}: "salesforce.records" must be the path of a Salesforce export (a file or a folder) or "org".`);
    return undefined;
  }
  return value.trim().toLowerCase() === 'org' ? 'org' : resolve(root, value);
}

function apiVersion(o: Record<string, unknown>, file: string, problems: string[]): string | undefined {
  const section = o.hubspot;
  const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>).apiVersion : undefined;
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isApiVersion(value)) return value;
  problems.push(`${file}: "hubspot.apiVersion" must be "v3" or a date-based version such as "2026-09".`);
  return undefined;
}

function readTargets(value: unknown, file: string, problems: string[]): Record<string, PublishTarget> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${file}: "targets" must be an object of named targets, e.g. {"production": {"portalId": "123456", "env": "HSLIST_PROD"}}.`);
    return undefined;
  }
  const targets: Record<string, PublishTarget> = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    const t = raw as Record<string, unknown> | null;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) {
      problems.push(`${file}: "targets.${name}" must be an object with "portalId" and/or "env".`);
      continue;
    }
    const portalId = t.portalId === undefined ? undefined : String(t.portalId);
    if (portalId !== undefined && !/^\d+$/.test(portalId)) problems.push(`${file}: "targets.${name}.portalId" must be a HubSpot portal id (digits).`);
    const env = t.env === undefined ? defaultTargetEnv(name) : t.env;
    if (typeof env !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(env)) problems.push(`${file}: "targets.${name}.env" must be an environment variable prefix such as "HSLIST_PROD".`);
    for (const key of Object.keys(t)) if (key !== 'portalId' && key !== 'env') problems.push(`${file}: unknown setting "targets.${name}.${key}" (credentials never go in hslist.json).`);
    targets[name] = { ...(portalId !== undefined ? { portalId } : {}), env: String(env) };
  }
  return targets;
}

export function defaultTargetEnv(name: string): string {
  return `HSLIST_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** The live-schema cache written by `hslist schema pull` is used when the config names no schema. */
function withDefaultSchemaCache(config: WorkspaceConfig): WorkspaceConfig {
  if (!config.schema) {
    const cache = join(config.root, '.hslist', 'schema');
    if (existsSync(join(cache, 'contacts.json'))) config.schema = cache;
  }
  return config;
}
