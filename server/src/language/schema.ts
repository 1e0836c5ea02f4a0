// The property schema the checks validate against: the bundled default (HubSpot's standard
// properties) or a portal's schema loaded from JSON. Accepted layouts:
//   - one file `{ "contacts": {"results": [...]}, "companies": {"results": [...]} }`
//   - one file `{ "contacts": [...], "companies": [...] }`
//   - a directory with `contacts.json` and `companies.json`, each a Properties API response
//     (`{ "results": [...] }`); the live-schema cache `.hslist/schema/` uses this layout.
// Loading never throws: problems come back with the file and JSON path they are about.

import * as path from 'node:path';
import * as fs from 'node:fs';
import { MAX_JSON_BYTES, readRegularText } from '../files/regular-file';
import type { ObjectTypeName, PortalListRef, PropertyDef, Schema } from './schema-types';
import { isRecord, validatePropertyList, type SchemaProblem } from './schema-validate';
import { OWNERS_FILE, parseOwners, withOwnerOptions } from './schema-owners';
import { FORMS_FILE, parseForms } from './schema-forms';
import { PAGES_FILE, parsePages } from './schema-pages';
import { MARKETING_EMAILS_FILE, parseMarketingEmails } from './schema-emails';
import { ASSOCIATION_LABELS_FILE, parseAssociationLabels } from './association-labels';
import { parseSubscriptions, SUBSCRIPTIONS_FILE } from './schema-subscriptions';
import defaultContacts from './default-schema/contacts.json';
import defaultCompanies from './default-schema/companies.json';
import defaultDeals from './default-schema/deals.json';
import defaultTickets from './default-schema/tickets.json';

export type { SchemaProblem } from './schema-validate';

export interface SchemaLoadResult {
  /** Present when every required part loaded; properties that failed validation are left out. */
  schema: Schema | undefined;
  problems: SchemaProblem[];
}

/** The object types every schema has. */
export const OBJECT_TYPES = ['contacts', 'companies'] as const;
/** Object types a schema may add (a pulled schema has them; else HubSpot's standard properties are used). */
export const OPTIONAL_OBJECT_TYPES = ['deals', 'tickets'] as const;

function indexByName(defs: PropertyDef[]): Map<string, PropertyDef> {
  return new Map(defs.map((d) => [d.name, d]));
}

let bundled: Schema | undefined;

/** HubSpot's standard contact and company properties, as shipped with hslist. */
export function defaultSchema(): Schema {
  if (bundled) return bundled;
  const problems: SchemaProblem[] = [];
  const contacts = validatePropertyList(defaultContacts, 'contacts', 'default-schema/contacts.json', problems);
  const companies = validatePropertyList(defaultCompanies, 'companies', 'default-schema/companies.json', problems);
  const deals = validatePropertyList(defaultDeals, 'deals', 'default-schema/deals.json', problems);
  const tickets = validatePropertyList(defaultTickets, 'tickets', 'default-schema/tickets.json', problems);
  // The bundled files are ours: a problem here is a packaging bug, surfaced loudly in tests.
  if (problems.length > 0) throw new Error(`bundled schema is invalid: ${problems[0].message}`);
  const objects = { contacts: indexByName(contacts), companies: indexByName(companies), deals: indexByName(deals), tickets: indexByName(tickets) };
  bundled = { source: 'bundled default', objects };
  return bundled;
}

/** The properties of an object type: the schema's own, or HubSpot's standard deal and ticket properties when it has none. */
export function propertiesOf(schema: Schema, objectType: ObjectTypeName): Map<string, PropertyDef> {
  return schema.objects[objectType] ?? (defaultSchema().objects[objectType] as Map<string, PropertyDef>);
}

/** A parsed JSON value holding both object types (either accepted single-file shape). */
export function schemaFromJson(value: unknown, file: string): SchemaLoadResult {
  const problems: SchemaProblem[] = [];
  if (!isRecord(value)) {
    problems.push({ file, path: '$', message: 'the schema must be a JSON object with "contacts" and "companies"' });
    return { schema: undefined, problems };
  }
  const objects: Partial<Record<ObjectTypeName, Map<string, PropertyDef>>> = {};
  for (const type of OBJECT_TYPES) {
    if (value[type] === undefined) {
      problems.push({ file, path: type, message: `"${type}" is missing; expected {"results": [...]} or an array of properties` });
      continue;
    }
    objects[type] = indexByName(validatePropertyList(value[type], type, file, problems));
  }
  for (const type of OPTIONAL_OBJECT_TYPES) {
    if (value[type] !== undefined) objects[type] = indexByName(validatePropertyList(value[type], type, file, problems));
  }
  return finish(objects, file, problems);
}

function finish(
  objects: Partial<Record<ObjectTypeName, Map<string, PropertyDef>>>,
  source: string,
  problems: SchemaProblem[],
): SchemaLoadResult {
  if (!objects.contacts || !objects.companies) return { schema: undefined, problems };
  const optional = Object.fromEntries(OPTIONAL_OBJECT_TYPES.flatMap((t) => (objects[t] ? [[t, objects[t]]] : [])));
  return { schema: { source, objects: { contacts: objects.contacts, companies: objects.companies, ...optional } }, problems };
}

function readJson(file: string, problems: SchemaProblem[]): { ok: true; value: unknown } | { ok: false } {
  const read = readRegularText(file, MAX_JSON_BYTES);
  if (!read.ok) {
    problems.push({ file, path: '$', message: `${file} ${read.message.replace(/\.$/, '')}` });
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch (e) {
    problems.push({ file, path: '$', message: `${file} is not valid JSON: ${(e as Error).message}` });
    return { ok: false };
  }
}

/** A directory with `contacts.json` and `companies.json` in Properties API response shape. */
export function loadSchemaDirectory(dir: string): SchemaLoadResult {
  const problems: SchemaProblem[] = [];
  const objects: Partial<Record<ObjectTypeName, Map<string, PropertyDef>>> = {};
  for (const type of OBJECT_TYPES) {
    const file = path.join(dir, `${type}.json`);
    if (!fs.existsSync(file)) {
      problems.push({ file, path: '$', message: `${file} is missing; a schema directory needs contacts.json and companies.json` });
      continue;
    }
    const read = readJson(file, problems);
    if (read.ok) objects[type] = indexByName(validatePropertyList(read.value, type, file, problems));
  }
  // deals.json and tickets.json are optional: a schema pulled before hslist read them has neither.
  for (const type of OPTIONAL_OBJECT_TYPES) {
    const file = path.join(dir, `${type}.json`);
    if (!fs.existsSync(file)) continue;
    const read = readJson(file, problems);
    if (read.ok) objects[type] = indexByName(validatePropertyList(read.value, type, file, problems));
  }
  const loaded = finish(objects, dir, problems);
  const listsFile = path.join(dir, LISTS_FILE);
  if (loaded.schema && fs.existsSync(listsFile)) {
    const read = readJson(listsFile, problems);
    if (read.ok) loaded.schema.lists = portalLists(read.value, listsFile, problems);
  }
  if (!loaded.schema) return loaded;
  const owners = readCatalogue(dir, OWNERS_FILE, parseOwners, problems);
  if (owners) loaded.schema = withOwnerOptions(loaded.schema, owners);
  const forms = readCatalogue(dir, FORMS_FILE, parseForms, problems);
  if (forms) loaded.schema = { ...loaded.schema, forms };
  const pages = readCatalogue(dir, PAGES_FILE, parsePages, problems);
  if (pages) loaded.schema = { ...loaded.schema, pages };
  const marketingEmails = readCatalogue(dir, MARKETING_EMAILS_FILE, parseMarketingEmails, problems);
  if (marketingEmails) loaded.schema = { ...loaded.schema, marketingEmails };
  const associationLabels = readCatalogue(dir, ASSOCIATION_LABELS_FILE, parseAssociationLabels, problems);
  if (associationLabels) loaded.schema = { ...loaded.schema, associationLabels };
  const subscriptions = readCatalogue(dir, SUBSCRIPTIONS_FILE, parseSubscriptions, problems);
  if (subscriptions) loaded.schema = { ...loaded.schema, subscriptions };
  return loaded;
}

export { ASSOCIATION_LABELS_FILE, FORMS_FILE, MARKETING_EMAILS_FILE, OWNERS_FILE, PAGES_FILE, SUBSCRIPTIONS_FILE };

type CatalogueParser<T> = (value: unknown, file: string, problems: { path: string; message: string }[]) => T | undefined;

/** An optional catalogue beside the property files (owners, forms, …), parsed; its problems name the file. */
function readCatalogue<T>(dir: string, name: string, parseCatalogue: CatalogueParser<T>, problems: SchemaProblem[]): T | undefined {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return undefined;
  const read = readJson(file, problems);
  if (!read.ok) return undefined;
  const found: { path: string; message: string }[] = [];
  const parsed = parseCatalogue(read.value, file, found);
  problems.push(...found.map((p) => ({ file, ...p })));
  return parsed;
}

/** The portal's list catalogue beside the property files (written by `hslist schema pull`). */
export const LISTS_FILE = 'lists.json';

function portalLists(value: unknown, file: string, problems: SchemaProblem[]): Map<string, PortalListRef> {
  const lists = new Map<string, PortalListRef>();
  const results = isRecord(value) && Array.isArray(value.results) ? value.results : undefined;
  if (!results) {
    problems.push({ file, path: '$', message: `${file} must hold {"results": [lists]}` });
    return lists;
  }
  results.forEach((item, i) => {
    const l = item as Partial<PortalListRef>;
    if (!isRecord(item) || typeof l.listId !== 'string' || typeof l.name !== 'string') {
      problems.push({ file, path: `results[${i}]`, message: `${file}: results[${i}] needs a string listId and name` });
      return;
    }
    lists.set(l.name.toLowerCase(), { listId: l.listId, name: l.name, processingType: String(l.processingType ?? ''), objectTypeId: String(l.objectTypeId ?? '0-1') });
  });
  return lists;
}

/** A schema file or a schema directory. */
export function loadSchema(location: string): SchemaLoadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    return { schema: undefined, problems: [{ file: location, path: '$', message: `${location} does not exist` }] };
  }
  if (stat.isDirectory()) return loadSchemaDirectory(location);
  const problems: SchemaProblem[] = [];
  const read = readJson(location, problems);
  if (!read.ok) return { schema: undefined, problems };
  const result = schemaFromJson(read.value, location);
  return { schema: result.schema, problems: [...problems, ...result.problems] };
}

/** One line per problem, naming file and JSON path: for the CLI and the editor's status. */
export function formatSchemaProblem(problem: SchemaProblem): string {
  return `${problem.file}: ${problem.message}`;
}

/** The property by internal name, exactly as HubSpot stores it. */
export function findProperty(schema: Schema, objectType: ObjectTypeName, name: string): PropertyDef | undefined {
  return propertiesOf(schema, objectType).get(name);
}
