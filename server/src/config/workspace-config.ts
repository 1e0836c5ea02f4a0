// The workspace config file `hslist.json` (schemas/hslist.schema.json describes it for editors).
// Shared by the CLI and the language server: both find the same root, schema and time zone.
import { existsSync } from 'node:fs';
import { readRegularText } from '../files/regular-file';
import { dirname, join, resolve } from 'node:path';
import { isValidTimeZone } from '../hubspot/compile/time';

export const CONFIG_FILE = 'hslist.json';

export interface WorkspaceConfig {
  /** Folder holding hslist.json (or the folder the command started from when there is none). */
  root: string;
  /** Portal schema: a file or a folder like `.hslist/schema/`; undefined = bundled default. */
  schema?: string;
  /** Zone for lists without `timezone:`. */
  timezone: string;
  /** Contact data for the preview (CSV export, JSON or NDJSON). */
  contacts?: string;
  /** `"contacts": "hubspot"`: the preview reads the live portal (the connected HubSpot account). */
  liveContacts?: boolean;
  hubspotBaseUrl?: string;
  salesforceInstanceUrl?: string;
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
    if (isValidTimeZone(timezone)) config.timezone = timezone;
    else problems.push(`${file}: "timezone" is not an IANA time zone: "${timezone}".`);
  }
  config.hubspotBaseUrl = nestedUrl(o, 'hubspot', file, problems);
  config.salesforceInstanceUrl = nestedUrl(o, 'salesforce', file, problems, 'instanceUrl');
  const known = new Set(['$schema', 'schema', 'contacts', 'timezone', 'hubspot', 'salesforce']);
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

/** The live-schema cache written by `hslist schema pull` is used when the config names no schema. */
function withDefaultSchemaCache(config: WorkspaceConfig): WorkspaceConfig {
  if (!config.schema) {
    const cache = join(config.root, '.hslist', 'schema');
    if (existsSync(join(cache, 'contacts.json'))) config.schema = cache;
  }
  return config;
}
