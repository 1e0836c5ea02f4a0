// The publish state on every list's name line ("published #123 · in sync", "not published", …), from
// the plan recomputed on the last read of the portal: no HubSpot request per keystroke. Shown once a
// client asked for the plan (the VS Code client does when it starts), so other clients see only the
// preview's lenses.

import type { CodeLens } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { fileOf } from '../context';
import { toRange } from '../ranges';
import { isUnavailable } from './account';
import { lensTitle } from './lens-text';
import { PUBLISH_LENS_COMMAND } from './protocol';
import type { PublishSession } from './session';

export function publishLenses(ctx: ServerContext, session: PublishSession, uri: string): CodeLens[] {
  if (!session.wanted) return [];
  const at = fileOf(ctx, uri);
  if (!at || (at.file.tree.lists ?? []).length === 0) return [];
  const plan = session.current();
  if (!plan) {
    // Read once in the background; the read's end refreshes the lenses.
    void session.ensure();
    return [];
  }
  if (isUnavailable(plan)) return [];
  const lenses: CodeLens[] = [];
  for (const list of at.file.tree.lists ?? []) {
    // The entry of this definition (a second definition of the same name is blocked, on the first).
    const entry = plan.entries.find((e) => e.desired?.node === list);
    const title = entry && lensTitle(entry);
    if (!entry || !title) continue;
    lenses.push({ range: toRange(at.file.lineIndex, list.name), command: { title, command: PUBLISH_LENS_COMMAND, arguments: [entry.name] } });
  }
  return lenses;
}
