// The Salesforce side of the sync checks: the Lead and Contact fields written by `hslist schema pull`
// into `.hslist/schema/salesforce/lead.json` and `contact.json` (server/src/salesforce/schema-pull.ts).
// Loading never throws: problems come back naming the file. When no Salesforce schema is present the
// Salesforce-aware checks simply stay off.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_JSON_BYTES, readRegularText } from '../files/regular-file';
import { toObjectSchema, type SalesforceField } from '../salesforce/field-model';
import type { SchemaProblem } from './schema-validate';

export type SalesforceObjectName = 'Lead' | 'Contact';

export const SALESFORCE_OBJECTS: readonly SalesforceObjectName[] = ['Lead', 'Contact'];

export interface SalesforceObjectFields {
  name: SalesforceObjectName;
  label: string;
  /** Fields by lowercased API name: Salesforce resolves field names case-insensitively. */
  fields: Map<string, SalesforceField>;
}

export interface SalesforceSchema {
  /** Where it came from (the folder), for messages. */
  source: string;
  objects: Record<SalesforceObjectName, SalesforceObjectFields>;
}

export interface SalesforceSchemaLoad {
  schema: SalesforceSchema | undefined;
  problems: SchemaProblem[];
}

/** The folder the pull writes, relative to a schema folder such as `.hslist/schema/`. */
export const SALESFORCE_SCHEMA_SUBDIR = 'salesforce';

export function salesforceFileName(object: SalesforceObjectName): string {
  return `${object.toLowerCase()}.json`;
}

export function findSalesforceField(schema: SalesforceSchema, object: SalesforceObjectName, name: string): SalesforceField | undefined {
  return schema.objects[object].fields.get(name.toLowerCase());
}

/** Builds the schema from already parsed object files (tests and the language server use this too). */
export function salesforceSchemaFromJson(files: Record<SalesforceObjectName, unknown>, source: string): SalesforceSchemaLoad {
  const problems: SchemaProblem[] = [];
  const objects: Partial<Record<SalesforceObjectName, SalesforceObjectFields>> = {};
  for (const object of SALESFORCE_OBJECTS) {
    const file = path.join(source, salesforceFileName(object));
    const read = toObjectSchema(files[object]);
    if ('error' in read) {
      problems.push({ file, path: '$', message: `${file} is not a Salesforce field list: ${read.error}` });
      continue;
    }
    if (read.name.toLowerCase() !== object.toLowerCase()) {
      problems.push({ file, path: 'name', message: `${file} describes ${read.name}, expected ${object}` });
      continue;
    }
    objects[object] = { name: object, label: read.label, fields: new Map(read.fields.map((f) => [f.name.toLowerCase(), f])) };
  }
  if (!objects.Lead || !objects.Contact) return { schema: undefined, problems };
  return { schema: { source, objects: { Lead: objects.Lead, Contact: objects.Contact } }, problems };
}

/** A folder holding `lead.json` and `contact.json`. */
export function loadSalesforceSchema(dir: string): SalesforceSchemaLoad {
  const problems: SchemaProblem[] = [];
  const parsed: Partial<Record<SalesforceObjectName, unknown>> = {};
  for (const object of SALESFORCE_OBJECTS) {
    const file = path.join(dir, salesforceFileName(object));
    let text: string;
    const read = readRegularText(file, MAX_JSON_BYTES);
    if (read.ok) text = read.text;
    else if (fs.existsSync(file)) {
      problems.push({ file, path: '$', message: `${file} ${read.message.replace(/\.$/, '')}` });
      continue;
    } else {
      problems.push({ file, path: '$', message: `${file} is missing; a Salesforce schema folder needs lead.json and contact.json (run \`hslist schema pull\`)` });
      continue;
    }
    try {
      parsed[object] = JSON.parse(text) as unknown;
    } catch (e) {
      problems.push({ file, path: '$', message: `${file} is not valid JSON: ${(e as Error).message}` });
    }
  }
  if (problems.length > 0) return { schema: undefined, problems };
  return salesforceSchemaFromJson(parsed as Record<SalesforceObjectName, unknown>, dir);
}

/**
 * Where the Salesforce schema of a workspace lives, if anywhere: `salesforce/` beside the HubSpot schema
 * folder in use, else the pull cache `<root>/.hslist/schema/salesforce/`.
 */
export function findSalesforceSchemaDir(root: string, hubspotSchemaLocation?: string): string | undefined {
  const candidates: string[] = [];
  if (hubspotSchemaLocation && isDirectory(hubspotSchemaLocation)) candidates.push(path.join(hubspotSchemaLocation, SALESFORCE_SCHEMA_SUBDIR));
  candidates.push(path.join(root, '.hslist', 'schema', SALESFORCE_SCHEMA_SUBDIR));
  return candidates.find(isDirectory);
}

function isDirectory(location: string): boolean {
  try {
    return fs.statSync(location).isDirectory();
  } catch {
    return false;
  }
}
