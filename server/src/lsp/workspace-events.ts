// Features that follow the workspace's files, not only the open documents (the publish plan), hear
// here when the file watcher has read .hslist files from disk again (created, changed, deleted).

import type { ServerContext } from './context';

const listeners = new WeakMap<ServerContext, (() => void)[]>();

export function onFilesRead(ctx: ServerContext, listener: () => void): void {
  listeners.set(ctx, [...(listeners.get(ctx) ?? []), listener]);
}

export function filesRead(ctx: ServerContext): void {
  for (const listener of listeners.get(ctx) ?? []) listener();
}
