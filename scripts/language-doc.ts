// Keeps docs/language.md true: every ```hslist example there is followed by a ```json block holding what
// the compiler makes of it. `npm run docs:language` rewrites those JSON blocks; a unit test fails when a
// block is stale, so the reference can never drift from the compiler.
//
// An example is a whole file when it starts with `list`/`sync`/`values`/`condition`/`//`; otherwise it is
// a criterion (`where …`), wrapped in an active list. The JSON shown is the single filter when the
// criterion compiles to one AND branch with one filter, else the whole `filterBranch`, else the whole
// request. The file's value sets and named conditions are written into its first list, as the workspace does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@hslist/grammar';
import { compileList } from '../server/src/hubspot/compile';
import { defaultSchema } from '../server/src/language/schema';
import { collectDefinitions } from '../server/src/language/definitions/table';
import { resolveList } from '../server/src/language/definitions/resolve';
import type { Schema } from '../server/src/language/schema-types';

export const DOC_PATH = join(__dirname, '../docs/language.md');
const EXAMPLE = /```hslist\n([\s\S]*?)```\n(\s*```json\n[\s\S]*?```\n)?/g;

export interface DocExample {
  source: string;
  shownJson: string | undefined;
  compiledJson: string;
}

export function compileExample(source: string): string {
  const isFile = /^\s*(list|sync|values|condition|\/\/)/.test(source);
  const text = isFile ? source : `list "Example" {\n  type: active\n  timezone: "Europe/Warsaw"\n  ${source.trim()}\n}\n`;
  const { file, diagnostics } = parse(text);
  if (diagnostics.length > 0) return `// does not parse: ${diagnostics[0].message}\n`;
  const ctx = { schema: docSchema(), listIdFor: (n: string) => (n === 'Webinar attendees' ? '4711' : undefined), defaultTimezone: 'UTC' };
  if (file.lists.length === 0) return '';
  const definitions = collectDefinitions([{ path: 'example.hslist', text, tree: file }]);
  const compiled = compileList(resolveList(file.lists[0], definitions), ctx);
  if (!compiled.request) return `// not compiled: ${compiled.diagnostics.map((d) => `${d.code}: ${d.message}`).join(' ')}\n`;
  const branch = compiled.request.filterBranch;
  const shown = isFile ? compiled.request : onlyFilter(branch) ?? branch;
  return JSON.stringify(shown, null, 2) + '\n';
}

/**
 * The bundled properties plus `contract_start`, a custom `date` property (HubSpot's standard contact properties have
 * none), a pulled form and page, a marketing email sent once, and the subscription definitions the Subscriptions section names, so the examples
 * can name them as a portal's files (written by `hslist schema pull`) would.
 */
function docSchema(): Schema {
  const base = defaultSchema();
  const contacts = new Map(base.objects.contacts);
  contacts.set('contract_start', { name: 'contract_start', label: 'Contract start', type: 'date', fieldType: 'date', options: [] });
  const forms = [{ id: '3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35', name: 'Demo request', formType: 'hubspot', archived: false }];
  const pages = [{ id: '123456', name: 'Pricing', url: 'https://www.example.com/pricing', kind: 'website page' as const, archived: false }];
  const subscriptions = [
    { id: '81537745', name: 'Newsletter', description: 'The monthly newsletter', communicationMethod: 'EMAIL', archived: false },
    { id: '321981152', name: 'Product updates', description: 'What changed in the product', communicationMethod: 'EMAIL', archived: false },
    { id: '4711', name: 'Order alerts', description: 'Texts about deliveries', communicationMethod: 'SMS', archived: false },
  ];
  const marketingEmails = [{ id: '150001', name: 'November newsletter', subject: 'What changed in November', state: 'PUBLISHED', archived: false, emailCampaignIds: ['250001'] }];
  return { ...base, objects: { ...base.objects, contacts }, forms, pages, subscriptions, marketingEmails };
}

function onlyFilter(branch: unknown): unknown {
  const b = branch as { filterBranches?: { filters?: unknown[]; filterBranches?: unknown[] }[] } | undefined;
  const ands = b?.filterBranches ?? [];
  if (ands.length !== 1) return undefined;
  const [and] = ands;
  if ((and.filterBranches?.length ?? 0) > 0 || and.filters?.length !== 1) return undefined;
  return and.filters[0];
}

export function docExamples(doc: string): DocExample[] {
  return [...doc.matchAll(EXAMPLE)].map((m) => ({
    source: m[1],
    shownJson: m[2]?.replace(/^\s*```json\n/, '').replace(/```\n$/, ''),
    compiledJson: compileExample(m[1]),
  }));
}

export function rewriteDoc(doc: string): string {
  return doc.replace(EXAMPLE, (_all, source: string, json: string | undefined) => {
    if (json === undefined && /^\s*sync/.test(source)) return '```hslist\n' + source + '```\n';
    return '```hslist\n' + source + '```\n\n```json\n' + compileExample(source) + '```\n';
  });
}

if (require.main === module) {
  const doc = readFileSync(DOC_PATH, 'utf8');
  writeFileSync(DOC_PATH, rewriteDoc(doc));
  console.log(`docs/language.md: ${docExamples(doc).length} examples compiled.`);
}
