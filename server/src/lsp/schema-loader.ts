// What the server checks against, loaded the way the CLI loads it: hslist.json (nearest to the first
// workspace folder), the schema it names (or the `.hslist/schema/` cache, or the bundled default), and
// the pulled Salesforce schema when present. A broken schema falls back to the bundled default with
// its problems reported, so the editor keeps working.

import { existsSync } from 'node:fs';
import { MAX_JSON_BYTES, readRegularText } from '../files/regular-file';
import { join, resolve } from 'node:path';
import { loadWorkspaceConfig, type WorkspaceConfig } from '../config/workspace-config';
import { salesforceFieldsFrom } from '../language/completion-salesforce';
import type { SalesforceFieldInfo } from '../language/completion-values';
import { defaultSchema, formatSchemaProblem, loadSchema } from '../language/schema';
import type { Schema } from '../language/schema-types';
import { DEFAULT_SALESFORCE_SCHEMA_DIR } from '../salesforce/schema-pull';

export interface LoadedSettings {
  config: WorkspaceConfig;
  schema: Schema;
  salesforceFields: SalesforceFieldInfo[] | undefined;
  /** Sentences naming the file and what is wrong. */
  problems: string[];
}

function salesforceFields(root: string, problems: string[]): SalesforceFieldInfo[] | undefined {
  const dir = join(root, DEFAULT_SALESFORCE_SCHEMA_DIR);
  const files: { file: string; json: unknown }[] = [];
  for (const name of ['lead.json', 'contact.json']) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    const read = readRegularText(file, MAX_JSON_BYTES);
    if (!read.ok) {
      problems.push(`${file} ${read.message}`);
      continue;
    }
    try {
      files.push({ file, json: JSON.parse(read.text) as unknown });
    } catch (error) {
      problems.push(`${file}: cannot be read as JSON (${(error as Error).message}).`);
    }
  }
  return files.length === 0 ? undefined : salesforceFieldsFrom(files, problems);
}

/** `schemaOverride` is the editor setting `hslist.schemaFile` (relative to the root). */
export function loadSettings(start: string, schemaOverride?: string): LoadedSettings {
  const { config, problems } = loadWorkspaceConfig(start);
  const location = schemaOverride ? resolve(config.root, schemaOverride) : config.schema;
  let schema = defaultSchema();
  if (location) {
    const loaded = loadSchema(location);
    if (loaded.schema && loaded.problems.length === 0) schema = loaded.schema;
    else problems.push(`The schema at ${location} cannot be used, so the bundled default is used: ${loaded.problems.map(formatSchemaProblem).join('; ')}`);
  }
  return { config, schema, salesforceFields: salesforceFields(config.root, problems), problems };
}

/** Files whose change means the settings must be loaded again. */
export function isSettingsFile(path: string): boolean {
  return /(^|[\\/])hslist\.json$/.test(path) || /[\\/]\.hslist[\\/]schema([\\/]|$)/.test(path);
}
