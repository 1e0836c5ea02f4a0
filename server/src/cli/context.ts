// What every command needs: the workspace config, the schema it checks against, and the sources.
import { resolve } from 'node:path';
import type { Schema } from '../language/schema-types';
import { defaultSchema, formatSchemaProblem, loadSchema } from '../language/schema';
import { loadWorkspaceConfig, type WorkspaceConfig } from '../config/workspace-config';
import { findSalesforceSchemaDir, loadSalesforceSchema, type SalesforceSchema } from '../language/salesforce-schema';
import { UsageError } from './args';

export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Asks a yes/no question on the terminal; absent when there is no terminal to ask (CI, pipes). */
  confirm?(question: string): Promise<boolean>;
}

export interface CommandContext {
  config: WorkspaceConfig;
  schema: Schema;
  /** The pulled Salesforce schema (`.hslist/schema/salesforce/`), when there is one. */
  salesforceSchema?: SalesforceSchema;
}

/**
 * Config from the nearest hslist.json above `start`; schema from `--schema`, else the config, else the
 * live-schema cache, else the bundled default. A broken config or schema is a usage error: checking
 * lists against the wrong schema would report nonsense.
 */
export function loadCommandContext(start: string, schemaFlag: string | undefined, cwd: string = start): CommandContext {
  const { config, problems } = loadWorkspaceConfig(start);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const location = schemaFlag !== undefined ? resolve(cwd, schemaFlag) : config.schema;
  const salesforceSchema = loadSalesforceSide(config.root, location);
  if (!location) return { config, schema: defaultSchema(), salesforceSchema };
  const loaded = loadSchema(location);
  if (!loaded.schema || loaded.problems.length > 0) {
    const lines = loaded.problems.map(formatSchemaProblem);
    throw new UsageError(`the schema at ${location} cannot be used:\n${lines.join('\n')}`);
  }
  return { config, schema: loaded.schema, salesforceSchema };
}

/** The Salesforce schema beside the HubSpot one (or in the pull cache); a broken one is a usage error too. */
function loadSalesforceSide(root: string, hubspotLocation: string | undefined): SalesforceSchema | undefined {
  const dir = findSalesforceSchemaDir(root, hubspotLocation);
  if (!dir) return undefined;
  const loaded = loadSalesforceSchema(dir);
  if (!loaded.schema || loaded.problems.length > 0) {
    throw new UsageError(`the Salesforce schema at ${dir} cannot be used:\n${loaded.problems.map(formatSchemaProblem).join('\n')}`);
  }
  return loaded.schema;
}
