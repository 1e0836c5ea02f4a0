// Writes the org's Lead and Contact field models as stable JSON (sorted fields, fixed key order, trailing
// newline), e.g. into `.hslist/schema/salesforce/lead.json` and `contact.json`, so the files diff cleanly.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SalesforceOrg } from './connect';
import type { SalesforceObjectSchema } from './field-model';

export const DEFAULT_SALESFORCE_SCHEMA_DIR = join('.hslist', 'schema', 'salesforce');
export const PULLED_OBJECTS = ['Lead', 'Contact'] as const;

export async function pullSalesforceSchema(org: SalesforceOrg, dir: string = DEFAULT_SALESFORCE_SCHEMA_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const objectName of PULLED_OBJECTS) {
    const schema = await org.describe(objectName);
    const path = join(dir, `${objectName.toLowerCase()}.json`);
    await writeFile(path, schemaJson(schema), 'utf8');
    written.push(path);
  }
  return written;
}

export function schemaJson(schema: SalesforceObjectSchema): string {
  const fields = [...schema.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => ({
    name: f.name, label: f.label, type: f.type, length: f.length,
    requiredForCreate: f.requiredForCreate, nillable: f.nillable, createable: f.createable, updateable: f.updateable,
    defaultedOnCreate: f.defaultedOnCreate, custom: f.custom, referenceTo: f.referenceTo,
    picklistValues: f.picklistValues.map((p) => ({ value: p.value, label: p.label, active: p.active, defaultValue: p.defaultValue })),
    ...(f.restrictedPicklist !== undefined ? { restrictedPicklist: f.restrictedPicklist } : {}),
  }));
  return `${JSON.stringify({ name: schema.name, label: schema.label, fields }, null, 2)}\n`;
}
