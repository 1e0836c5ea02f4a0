// A fixture workspace of several .hslist files in a temp folder, and documents with `<|>` markers.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../../server/src/language/positions';
import { marked } from '../../support/markers';

export const FILES: Record<string, string> = {
  'hslist.json': '{ "timezone": "Europe/Warsaw" }\n',
  'lists/qualified.hslist': [
    '// Contacts that may sync to Salesforce.',
    'list "Qualified" {',
    '  type: active',
    '  folder: "Salesforce"',
    '  where email is known',
    '    and lifecyclestage is any of (marketingqualifiedlead, salesqualifiedlead)',
    '    and not in list "Internal"',
    '}',
    '',
  ].join('\n'),
  'lists/internal.hslist': [
    'list "Internal" {',
    '  type: active',
    '  folder: "Hygiene"',
    '  where email ends with "@example.com"',
    '}',
    '',
    'list "Webinar" {',
    '  type: static',
    '}',
    '',
  ].join('\n'),
  'sync.hslist': [
    'sync salesforce {',
    '  inclusion list: "Qualified"',
    '  hubspot creates in salesforce: lead',
    '  map lifecyclestage to Status: prefer salesforce unless blank',
    '}',
    '',
  ].join('\n'),
  'broken.hslist': ['list "Broken" {', '  where emial is known', '}', ''].join('\n'),
  '.hslist/schema/salesforce/lead.json': JSON.stringify({
    name: 'Lead',
    label: 'Lead',
    fields: [
      { name: 'Email', label: 'Email', type: 'email' },
      { name: 'Status', label: 'Lead Status', type: 'picklist' },
      { name: 'Company', label: 'Company', type: 'string' },
    ],
  }),
};

export class Fixture {
  readonly root: string;

  constructor(files: Record<string, string> = FILES) {
    this.root = mkdtempSync(join(tmpdir(), 'hslist-lsp-'));
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  write(rel: string, text: string): string {
    const path = this.path(rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Text with a `<|>` cursor: the clean text and the cursor as an LSP position. */
export function atCursor(source: string): { text: string; position: Position; offset: number } {
  const m = marked(source);
  if (m.cursor === undefined) throw new Error('atCursor(): no <|> in the text');
  return { text: m.text, position: new LineIndex(m.text).positionAt(m.cursor), offset: m.cursor };
}

/** Text with ⟦ranges⟧: the clean text and the ranges as LSP ranges. */
export function withRanges(source: string): { text: string; ranges: Range[] } {
  const m = marked(source);
  const index = new LineIndex(m.text);
  return { text: m.text, ranges: m.ranges.map((r) => ({ start: index.positionAt(r.start), end: index.positionAt(r.end) })) };
}
