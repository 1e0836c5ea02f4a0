// SOQL for Salesforce admins in the editor: on a list's name the hover shows its criteria as a SOQL count
// over Lead and Contact (where every property it reads is mapped), and the command `hslist.soql` returns the
// same text for the list at a position. Pure over the workspace: the sync block's mappings and the pulled
// Salesforce schema (`.hslist/schema/salesforce/`), which it needs for the fields' types.

import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver/node';
import type { ListNode } from '@hslist/grammar';
import { findSalesforceSchemaDir, loadSalesforceSchema, type SalesforceSchema } from '../language/salesforce-schema';
import { planForList } from '../preview/run-plan';
import { mappingsByObject } from '../sync/mappings';
import { syncSettingsOf, type SyncSettings } from '../sync/settings';
import { soqlForMappings, type SoqlForObject } from '../sync/soql-where';
import { fileOf, type ServerContext } from './context';
import type { LoadedSettings } from './schema-loader';
import { toOffset } from './ranges';
import { resolveList, workspaceLists } from '../language/definitions/resolve';

const schemas = new WeakMap<LoadedSettings, SalesforceSchema | null>();
const NO_SETTINGS: SyncSettings = { inclusionList: undefined, salesforceCreatesContacts: undefined, createsIn: undefined, mappings: [] };

function salesforceSchema(ctx: ServerContext): SalesforceSchema | undefined {
  const settings = ctx.state.settings;
  if (!schemas.has(settings)) {
    const dir = findSalesforceSchemaDir(settings.config.root, settings.config.schema);
    schemas.set(settings, (dir ? loadSalesforceSchema(dir).schema : undefined) ?? null);
  }
  return schemas.get(settings) ?? undefined;
}

/** Both objects' count queries for the list, or why not; undefined without a Salesforce schema. */
export function listSoqlOf(ctx: ServerContext, list: ListNode, now = Date.now()): SoqlForObject[] | undefined {
  const sf = salesforceSchema(ctx);
  if (!sf) return undefined;
  const analysis = ctx.state.analysis();
  const sync = analysis.syncBlocks[0];
  const { schema, config } = ctx.state.settings;
  const mappings = mappingsByObject(sync ? syncSettingsOf(sync.node) : NO_SETTINGS, schema, sf);
  const lists = workspaceLists(analysis);
  const plan = planForList(resolveList(list, analysis.definitions), { schema, lists, defaultTimezone: config.timezone }, now);
  return (['Lead', 'Contact'] as const).map((object) => soqlForMappings(mappings[object], plan, object));
}

export function soqlText(name: string, lines: SoqlForObject[]): string {
  const out = [`-- "${name}" as SOQL: the records whose values, as HubSpot would hold them, meet its criteria`];
  for (const line of lines) out.push(line.query ? `${line.query};` : `-- ${line.object}: no SOQL: ${line.error}`);
  return `${out.join('\n')}\n`;
}

/** The hover's part on a list's name. */
export function soqlHoverMarkdown(ctx: ServerContext, uri: string, offset: number): string | undefined {
  const at = fileOf(ctx, uri);
  const list = at?.file.tree.lists.find((l) => l.name.start <= offset && offset <= l.name.end);
  const lines = list ? listSoqlOf(ctx, list) : undefined;
  if (!lines) return undefined;
  const parts = lines.map((l) => (l.query ? `${l.object}:\n\n\`\`\`sql\n${l.query}\n\`\`\`` : `${l.object}: no SOQL: ${l.error}`));
  return `**Salesforce SOQL** (records that would be in the list as HubSpot contacts):\n\n${parts.join('\n\n')}`;
}

/** `hslist.soql` [uri, position]: the SOQL of the list at the position. */
export function soqlCommand(ctx: ServerContext, args: unknown[]): string {
  const uri = typeof args[0] === 'string' ? args[0] : undefined;
  const at = uri ? fileOf(ctx, uri) : undefined;
  if (!at) throw new ResponseError(ErrorCodes.InvalidParams, `hslist.soql needs the URI of an open .hslist document (got ${JSON.stringify(args[0])}).`);
  const position = args[1] as Position | undefined;
  const offset = position && Number.isInteger(position.line) ? toOffset(at.file.lineIndex, position) : 0;
  const list = at.file.tree.lists.find((l) => l.start <= offset && offset <= l.end) ?? at.file.tree.lists[0];
  if (!list) throw new ResponseError(ErrorCodes.InvalidParams, `${ctx.state.relative(at.path)} has no list.`);
  const lines = listSoqlOf(ctx, list);
  if (!lines) throw new ResponseError(ErrorCodes.InvalidRequest, 'SOQL needs the Salesforce schema: run "hslist: Refresh schema" with a Salesforce org connected, or `hslist schema pull`.');
  return soqlText(list.name.text, lines);
}
