// `hslist.refreshSchema` with accounts: the client sends the HubSpot token and the Salesforce session
// (read from VS Code's SecretStorage) with the URLs they were connected for as the command's argument;
// a side connected for another host than the workspace's is refused (account-hosts.ts). They
// live only in this request: never logged, never written, never echoed in a message. The schemas are
// pulled into `<workspace root>/.hslist/schema/`, then the settings are reloaded and every file is
// checked again. The answer is one line for a notification.

import { join } from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { countsText, openAccounts, refreshSchema, SCHEMA_CACHE_DIR, type AccountSettings, type SchemaRefresh, type SideResult } from '../accounts';
import { gateRefreshAccounts, workspaceHosts } from './account-hosts';
import type { ServerContext } from './context';

/** What the client sends as `arguments[0]`. */
export interface RefreshAccountsArgument {
  hubspot?: { accessToken: string; baseUrl?: string };
  salesforce?: { instanceUrl: string; accessToken: string };
}

export interface RefreshAnswer {
  /** False when any connected side failed (the other side may still have been refreshed). */
  ok: boolean;
  /** One line: the counts per service, or why a service was not refreshed. */
  message: string;
  /** The files written, absolute. */
  files: string[];
}

export const NO_ACCOUNTS_MESSAGE = 'No account is connected: run "hslist: Connect HubSpot account" or "hslist: Connect Salesforce org" first.';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]/.test(value);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The argument as account settings, or a sentence naming the bad field (never its value: it may be a token). */
export function accountSettingsOf(argument: unknown): { settings: AccountSettings } | { error: string } {
  const arg = record(argument);
  if (!arg) return { error: 'hslist.refreshSchema expects an object with "hubspot" and/or "salesforce" accounts.' };
  const settings: AccountSettings = {};
  const hubspot = record(arg.hubspot);
  if (arg.hubspot !== undefined) {
    const accessToken = text(hubspot?.accessToken);
    const baseUrl = text(hubspot?.baseUrl);
    if (!accessToken) return { error: 'hslist.refreshSchema: "hubspot.accessToken" must be a non-empty string.' };
    if (baseUrl !== undefined && !isHttpUrl(baseUrl)) return { error: 'hslist.refreshSchema: "hubspot.baseUrl" must be an http(s) URL.' };
    settings.hubspot = baseUrl ? { accessToken, baseUrl: baseUrl.replace(/\/+$/, '') } : { accessToken };
  }
  const salesforce = record(arg.salesforce);
  if (arg.salesforce !== undefined) {
    const accessToken = text(salesforce?.accessToken);
    const instanceUrl = text(salesforce?.instanceUrl);
    if (!accessToken) return { error: 'hslist.refreshSchema: "salesforce.accessToken" must be a non-empty string.' };
    if (!instanceUrl || !isHttpUrl(instanceUrl)) return { error: 'hslist.refreshSchema: "salesforce.instanceUrl" must be an http(s) URL.' };
    settings.salesforce = { instanceUrl: instanceUrl.replace(/\/+$/, ''), accessToken };
  }
  return { settings };
}

function describeSide(service: string, side: SideResult): string {
  if (!side.ok) return `${service}: not refreshed: ${side.message.replace(/[.\s]+$/, '')}`;
  const notes = (side.notes ?? []).map((n) => ` (${n})`).join('');
  return `${service}: ${countsText(side.counts)}${notes}`;
}

/** "HubSpot: 103 contact properties, 44 company properties; Salesforce: 26 Lead fields, 20 Contact fields". */
export function summarizeRefresh(refresh: SchemaRefresh): RefreshAnswer {
  const sides = [['HubSpot', refresh.hubspot], ['Salesforce', refresh.salesforce]] as const;
  const parts: string[] = [];
  const files: string[] = [];
  let ok = true;
  for (const [service, side] of sides) {
    if (!side) continue;
    parts.push(describeSide(service, side));
    if (side.ok) files.push(...side.files);
    else ok = false;
  }
  if (parts.length === 0) return { ok: false, message: NO_ACCOUNTS_MESSAGE, files };
  return { ok, message: `${parts.join('; ')}.`, files };
}

/** A note when the checks do not read the folder just written (hslist.json or hslist.schemaFile names another schema). */
function schemaInUseNote(ctx: ServerContext, dir: string): string {
  const inUse = ctx.state.settings.config.schema;
  const override = ctx.state.schemaOverride;
  if (override) return ` Checks use the hslist.schemaFile setting (${override}), not the refreshed HubSpot schema.`;
  if (inUse && inUse !== dir) return ` Checks use the schema hslist.json names (${ctx.state.relative(inUse)}), not the refreshed HubSpot schema.`;
  return '';
}

/**
 * Pulls both connected accounts' schemas, then `reload` (settings + re-check). Resolves with the answer;
 * a malformed argument is refused with InvalidParams. Never rejects otherwise.
 */
export async function refreshFromAccounts(ctx: ServerContext, argument: unknown, reload: () => void): Promise<RefreshAnswer> {
  const parsed = accountSettingsOf(argument);
  if ('error' in parsed) throw new ResponseError(ErrorCodes.InvalidParams, parsed.error);
  if (!parsed.settings.hubspot && !parsed.settings.salesforce) return { ok: false, message: NO_ACCOUNTS_MESSAGE, files: [] };
  if (ctx.state.folders.length === 0) return { ok: false, message: `Open a folder first: the schema is written to its ${SCHEMA_CACHE_DIR}/ folder.`, files: [] };
  const root = ctx.state.settings.config.root;
  // Defence in depth: the client sends only credentials bound to this workspace's hosts; check again.
  const gate = gateRefreshAccounts(parsed.settings, await workspaceHosts(ctx));
  let answer: RefreshAnswer;
  try {
    const pulled = gate.settings.hubspot || gate.settings.salesforce ? await refreshSchema(root, openAccounts(gate.settings)) : { dir: join(root, SCHEMA_CACHE_DIR) };
    answer = summarizeRefresh({ ...pulled, ...gate.refused });
  } catch (error) {
    // refreshSchema reports failures per side; this is for the unexpected (the message is redacted by the account layers).
    answer = { ok: false, message: `The schema refresh failed: ${error instanceof Error ? error.message : String(error)}`, files: [] };
  }
  if (answer.files.length > 0) {
    reload();
    answer.message += schemaInUseNote(ctx, join(root, SCHEMA_CACHE_DIR));
  }
  ctx.connection.console.info(`hslist: schema refresh: ${answer.message}`);
  return answer;
}
