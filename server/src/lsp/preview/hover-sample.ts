// The preview's part of a hover: on a list's name, its count and a sample of matching contacts
// (email, name). hover.ts (the hover feature) appends this to its own text; it reads the stored
// preview only, so a hover never waits for an evaluation.

import type { ServerContext } from '../context';
import { fileOf } from '../context';
import { countTitle, diffTitle } from './lenses';
import type { PreviewSession } from './session';

const sessions = new WeakMap<ServerContext, PreviewSession>();

export function attachSession(ctx: ServerContext, session: PreviewSession): void {
  sessions.set(ctx, session);
}

export function sessionOf(ctx: ServerContext): PreviewSession | undefined {
  return sessions.get(ctx);
}

function cell(value: string | null | undefined): string {
  return (value ?? '').replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** Markdown for the list whose name is at `offset` of the document, or undefined. */
export function previewHoverMarkdown(ctx: ServerContext, uri: string, offset: number): string | undefined {
  const session = sessions.get(ctx);
  const at = fileOf(ctx, uri);
  if (!session || !at) return undefined;
  const list = (at.file.tree.lists ?? []).find((l) => l.name.start <= offset && offset <= l.name.end);
  const stored = list ? session.previews.get(list.name.text) : undefined;
  if (!stored) return undefined;
  const { result, sample, columns } = stored.preview;
  const lines = [`**Preview:** ${countTitle(result)}${diffTitle(stored.preview.diff)}`];
  if (sample.length === 0) return lines.join('\n');
  const email = columns.indexOf('email');
  const first = columns.indexOf('firstname');
  const last = columns.indexOf('lastname');
  lines.push('', '| contact | email | name |', '|---|---|---|');
  for (const row of sample) {
    const name = [first >= 0 ? row.values[first] : null, last >= 0 ? row.values[last] : null].filter(Boolean).join(' ');
    lines.push(`| ${cell(row.id)} | ${cell(email >= 0 ? row.values[email] : null)} | ${cell(name)} |`);
  }
  if (result.count > sample.length) lines.push('', `…and ${(result.count - sample.length).toLocaleString('en-US')} more.`);
  return lines.join('\n');
}
