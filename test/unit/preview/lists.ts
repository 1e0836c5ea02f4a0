// Lists for the preview tests, written in the language and parsed with the grammar's parser, so a
// test reads like the criteria it checks: listOf('country is "Poland"'). Plus the small portal schema.

import { strict as assert } from 'node:assert';
import { parse, type ListNode } from '@hslist/grammar';
import type { CmsPageRef, PropertyDef, Schema } from '../../../server/src/language/schema-types';

/** Every list of a workspace file; a syntax error in a test's own text fails the test. */
export function parseLists(text: string): ListNode[] {
  const { file, diagnostics } = parse(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => `${d.message} (at ${d.start})`), [], `the test's list does not parse:\n${text}`);
  return file.lists;
}

/** `list "Under test" { timezone: …  where <where> }` parsed. */
export function listOf(where: string, timezone?: string, name = 'Under test'): ListNode {
  const zone = timezone ? `  timezone: ${JSON.stringify(timezone)}\n` : '';
  const [list] = parseLists(`list ${JSON.stringify(name)} {\n${zone}  where ${where}\n}\n`);
  return list;
}

function prop(name: string, type: string, options: string[] = [], fieldType = type === 'enumeration' ? 'checkbox' : 'text'): PropertyDef {
  return { name, label: name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), type, fieldType, options: options.map((value) => ({ label: value.toUpperCase(), value })) };
}

/** A small portal schema for the tests. */
export function testSchema(): Schema {
  const contacts = [
    prop('email', 'string'), prop('country', 'string'), prop('jobtitle', 'string'),
    prop('lifecyclestage', 'enumeration', ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer'], 'radio'),
    prop('hs_tags', 'enumeration', ['a', 'b', 'c']),
    prop('num_employees', 'number'), prop('annualrevenue', 'number'),
    prop('createdate', 'datetime'), prop('closedate', 'date'), prop('notes_last_contacted', 'datetime'),
    prop('is_vip', 'bool'),
  ];
  const companies = [prop('industry', 'enumeration', ['SOFTWARE', 'RETAIL']), prop('name', 'string')];
  return {
    source: 'test',
    objects: { contacts: new Map(contacts.map((p) => [p.name, p])), companies: new Map(companies.map((p) => [p.name, p])) },
    pages: TEST_PAGES,
  };
}

/** The test portal's CMS pages, for `submitted … on page …`: #102's url has a trailing slash; #103 has none yet. */
export const TEST_PAGES: CmsPageRef[] = [
  { id: '101', name: 'Pricing', url: 'https://x.com/pricing', kind: 'website page', archived: false },
  { id: '102', name: 'Contact', url: 'https://x.com/Contact/', kind: 'website page', archived: false },
  { id: '103', name: 'Draft', url: '', kind: 'landing page', archived: false },
];
