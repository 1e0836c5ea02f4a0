import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultSchema, loadSchema, schemaFromJson } from '../../../server/src/language/schema';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hslist-schema-'));
}

const EMAIL = { name: 'email', label: 'Email', type: 'string', fieldType: 'text', options: [] };
const NAME = { name: 'name', label: 'Company name', type: 'string', fieldType: 'text', options: [] };

describe('language: schema', () => {
  it('bundles HubSpot standard contact and company properties', () => {
    const schema = defaultSchema();
    const contacts = schema.objects.contacts;
    assert.ok(contacts.size >= 60 && contacts.size <= 110, `${contacts.size} contact properties`);
    assert.deepEqual(contacts.get('lifecyclestage')?.options.map((o) => o.value), [
      'subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other',
    ]);
    assert.equal(contacts.get('hubspot_owner_id')?.externalOptions, true);
    assert.equal(contacts.get('hs_email_optout')?.type, 'bool');
    assert.equal(contacts.get('hs_buying_role')?.fieldType, 'checkbox');
    assert.ok(schema.objects.companies.get('industry')?.options.some((o) => o.value === 'COMPUTER_SOFTWARE'));
  });

  it('loads {contacts: {results}, companies: {results}} and {contacts: [...], companies: [...]}', () => {
    const a = schemaFromJson({ contacts: { results: [EMAIL] }, companies: { results: [NAME] } }, 'a.json');
    const b = schemaFromJson({ contacts: [EMAIL], companies: [NAME] }, 'b.json');
    for (const r of [a, b]) {
      assert.deepEqual(r.problems, []);
      assert.equal(r.schema?.objects.contacts.get('email')?.label, 'Email');
      assert.ok(r.schema?.objects.companies.has('name'));
    }
  });

  it('names the file and the JSON path of a bad property, and keeps the good ones', () => {
    const bad = { name: 'score', label: 'Score', type: 42, fieldType: 'number' };
    const r = schemaFromJson({ contacts: { results: [EMAIL, EMAIL, EMAIL, bad] }, companies: [NAME] }, 'portal.json');
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].file, 'portal.json');
    assert.equal(r.problems[0].path, 'contacts.results[3].type');
    assert.match(r.problems[0].message, /contacts\.results\[3\]\.type must be a string; found number 42/);
    assert.ok(r.schema?.objects.contacts.has('email'));
  });

  it('tolerates unknown property types', () => {
    const odd = { name: 'hs_notes_last_activity', label: 'Last Activity', type: 'object_coordinates', fieldType: 'text' };
    const r = schemaFromJson({ contacts: [odd], companies: [] }, 'x.json');
    assert.deepEqual(r.problems, []);
    assert.equal(r.schema?.objects.contacts.get('hs_notes_last_activity')?.type, 'object_coordinates');
  });

  it('reports bad options by path', () => {
    const prop = { ...EMAIL, name: 'x', type: 'enumeration', options: [{ label: 'A', value: 'a' }, { label: 'B' }] };
    const r = schemaFromJson({ contacts: [prop], companies: [] }, 'x.json');
    assert.equal(r.problems[0].path, 'contacts[0].options[1].value');
  });

  it('loads a directory of Properties API responses (the .hslist/schema/ cache layout)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'contacts.json'), JSON.stringify({ results: [EMAIL] }));
    fs.writeFileSync(path.join(dir, 'companies.json'), JSON.stringify({ results: [NAME] }));
    const r = loadSchema(dir);
    assert.deepEqual(r.problems, []);
    assert.equal(r.schema?.source, dir);
    assert.ok(r.schema?.objects.contacts.has('email'));
  });

  it('bad files give a clear message, never a crash', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'contacts.json'), '{ "results": [ oops ] }');
    const r = loadSchema(dir);
    assert.equal(r.schema, undefined);
    assert.ok(r.problems.some((p) => p.file.endsWith('contacts.json') && /not valid JSON/.test(p.message)));
    assert.ok(r.problems.some((p) => p.file.endsWith('companies.json') && /missing/.test(p.message)));

    const file = path.join(dir, 'schema.json');
    fs.writeFileSync(file, JSON.stringify({ contacts: { results: 'none' } }));
    const f = loadSchema(file);
    assert.equal(f.schema, undefined);
    assert.deepEqual(f.problems.map((p) => p.path), ['contacts.results', 'companies']);
    assert.match(loadSchema(path.join(dir, 'absent.json')).problems[0].message, /does not exist/);
    assert.match(schemaFromJson([1, 2], 'arr.json').problems[0].message, /must be a JSON object/);
  });
});
