// Files changed outside the editor: `.hslist` files are read again (an open document keeps the
// editor's text), a change to hslist.json or the schema files reloads the settings, and a change to a
// static list's members file (`members from: "people.csv"`) checks and previews again the lists that
// name it. The watcher is registered dynamically when the client supports it. The `hslist.schemaFile`
// setting arrives through workspace/didChangeConfiguration.

import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver/node';
import { refreshSchema } from './commands';
import type { ServerContext } from './context';
import { describeError } from './guard';
import { pathOfUri } from './state';
import { filesRead, membersFilesChanged } from './workspace-events';
import { findSetting } from '../language/checks/settings';

export const WATCHED_GLOBS = ['**/*.hslist', '**/hslist.json', '**/.hslist/schema/**', '**/*.csv'];

/**
 * The `**\/*.hslist` glob also matches folders, above all the `.hslist/` a schema pull or a preview
 * creates: a folder is not a list file (its files come with events of their own), so it is not read.
 */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // gone again, or unreadable: reading it reports why
  }
}

/** Every file a static list of the workspace reads its members from (absolute paths). */
function membersFiles(ctx: ServerContext): Set<string> {
  const files = new Set<string>();
  for (const file of ctx.state.analysis().files.values()) {
    for (const list of file.tree.lists) {
      const setting = findSetting(list.settings, 'members from');
      if (setting?.value?.kind !== 'string') continue;
      const written = setting.value.value;
      files.add(isAbsolute(written) ? written : resolve(dirname(file.path), written));
    }
  }
  return files;
}

function onWatchedFiles(ctx: ServerContext, params: DidChangeWatchedFilesParams): void {
  let settingsChanged = false;
  let membersChanged = false;
  const changes = params.changes ?? [];
  const named = changes.some((c) => pathOfUri(c.uri).endsWith('.csv')) ? membersFiles(ctx) : new Set<string>();
  for (const change of changes) {
    const path = pathOfUri(change.uri);
    if (ctx.state.isSettingsFile(path)) settingsChanged = true;
    // Members files are read by the workspace checks (cached by size and time): a new analysis reads it again.
    if (named.has(path)) membersChanged = true;
    if (!path.endsWith('.hslist')) continue;
    if (change.type === FileChangeType.Deleted) ctx.state.deletedFromDisk(path);
    else if (!isFolder(path)) ctx.state.readFromDisk(path);
  }
  if (membersChanged) ctx.state.inputChanged();
  if (settingsChanged) refreshSchema(ctx);
  ctx.publisher.schedule();
  filesRead(ctx);
  if (membersChanged) membersFilesChanged(ctx);
}

function onConfiguration(ctx: ServerContext, params: DidChangeConfigurationParams): void {
  const settings = (params.settings as { hslist?: { schemaFile?: unknown } } | undefined)?.hslist;
  const file = typeof settings?.schemaFile === 'string' && settings.schemaFile.trim() !== '' ? settings.schemaFile.trim() : undefined;
  if (file === ctx.state.schemaOverride) return;
  ctx.state.schemaOverride = file;
  refreshSchema(ctx);
}

export function registerWatcher(ctx: ServerContext): void {
  ctx.connection.onDidChangeWatchedFiles((params) => {
    try {
      onWatchedFiles(ctx, params);
    } catch (error) {
      ctx.connection.console.error(`hslist: watched files failed: ${describeError(error)}`);
    }
  });
  ctx.connection.onDidChangeConfiguration((params) => {
    try {
      onConfiguration(ctx, params);
    } catch (error) {
      ctx.connection.console.error(`hslist: configuration change failed: ${describeError(error)}`);
    }
  });
}

export function registerWatcherDynamically(ctx: ServerContext): void {
  if (!ctx.client.watchedFilesRegistration) return;
  const watchers = WATCHED_GLOBS.map((globPattern) => ({ globPattern }));
  ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error: unknown) => {
    ctx.connection.console.warn(`hslist: the client refused the file watcher: ${describeError(error)}`);
  });
}
