// Features that follow the workspace's files, not only the open documents (the publish plan), hear
// here when the file watcher has read .hslist files from disk again (created, changed, deleted), and
// the preview when a static list's members file changed.

import type { ServerContext } from './context';

const listeners = new WeakMap<ServerContext, (() => void)[]>();

export function onFilesRead(ctx: ServerContext, listener: () => void): void {
  listeners.set(ctx, [...(listeners.get(ctx) ?? []), listener]);
}

export function filesRead(ctx: ServerContext): void {
  for (const listener of listeners.get(ctx) ?? []) listener();
}

const membersListeners = new WeakMap<ServerContext, (() => void)[]>();

/** The preview hears here when a static list's members file changed on disk (its counts change). */
export function onMembersFilesChanged(ctx: ServerContext, listener: () => void): void {
  membersListeners.set(ctx, [...(membersListeners.get(ctx) ?? []), listener]);
}

export function membersFilesChanged(ctx: ServerContext): void {
  for (const listener of membersListeners.get(ctx) ?? []) listener();
}
