import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hslist, workspace } from './cli-support';

const UGLY = 'LIST "A" {\n  TYPE: active\n  WHERE email IS KNOWN AND country = "Poland"\n}\n';
const PRETTY = 'list "A" {\n  type: active\n  where email is known\n    and country is "Poland"\n}\n';

describe('hslist fmt', () => {
  it('--check lists unformatted files and exits 1 without touching them', async () => {
    const root = workspace({ 'a.hslist': UGLY, 'b.hslist': PRETTY });
    const run = await hslist(root, 'fmt', '--check');
    assert.equal(run.code, 1);
    assert.equal(run.out, 'a.hslist: not formatted\n');
    assert.equal(readFileSync(join(root, 'a.hslist'), 'utf8'), UGLY);
  });

  it('rewrites files into the canonical form, and a second run changes nothing', async () => {
    const root = workspace({ 'a.hslist': UGLY });
    assert.equal((await hslist(root, 'fmt')).code, 0);
    assert.equal(readFileSync(join(root, 'a.hslist'), 'utf8'), PRETTY);
    const again = await hslist(root, 'fmt', '--check');
    assert.equal(again.code, 0);
    assert.equal(again.err, '1 file checked, 0 not formatted.\n');
  });

  it('never rewrites a file with syntax errors; reports them and exits 1', async () => {
    const broken = 'list "A" {\n  where email is\n}\n';
    const root = workspace({ 'a.hslist': broken });
    const run = await hslist(root, 'fmt');
    assert.equal(run.code, 1);
    assert.match(run.out, /^a\.hslist:2:15: error syntax-error Expected a value after `is`/m);
    assert.equal(readFileSync(join(root, 'a.hslist'), 'utf8'), broken);
  });

  it('the bundled examples are formatted', async () => {
    const run = await hslist(join(__dirname, '../../../examples'), 'fmt', '--check');
    assert.equal(run.out, '');
    assert.equal(run.code, 0);
  });
});

describe('hslist compile', () => {
  const files = {
    'a.hslist': 'list "Customers" {\n  type: active\n  where lifecyclestage is customer and not in list "Tests"\n}\nlist "Manual" {\n  type: static\n}\n',
    'b.hslist': 'list "Tests" {\n  type: active\n  where email ends with "@test.com"\n}\n',
  };

  it('prints the create requests of every list of the file as a JSON array', async () => {
    const run = await hslist(workspace(files), 'compile', 'a.hslist');
    assert.equal(run.code, 0, run.err);
    const requests = JSON.parse(run.out);
    assert.deepEqual(requests.map((r: { name: string; processingType: string }) => [r.name, r.processingType]), [
      ['Customers', 'DYNAMIC'],
      ['Manual', 'MANUAL'],
    ]);
    const and = requests[0].filterBranch.filterBranches[0];
    assert.deepEqual(and.filters[1], { filterType: 'IN_LIST', listId: '$list:Tests', operator: 'NOT_IN_LIST' });
  });

  it('says on stderr why an `or` inside an `and` makes several AND groups, and what `$list:` stands for; nothing to say, no note', async () => {
    const root = workspace({ ...files, 'c.hslist': 'list "Either" {\n  where email is known\n    and (country is "Poland" or annualrevenue > 10)\n    and (city is known or in list "Tests")\n}\n' });
    const run = await hslist(root, 'compile', 'c.hslist');
    assert.equal(run.code, 0, run.err);
    assert.equal(JSON.parse(run.out)[0].filterBranch.filterBranches.length, 4);
    assert.match(run.err, /^note: "Either" is 4 AND groups with 12 filters in all: HubSpot's filterBranch is an OR of AND groups, so each `or` inside an `and` multiplies the groups/m);
    assert.match(run.err, /^note: `\$list:Tests` stands for that list's HubSpot id, known once the list is published: `hslist apply` .*`--target T` prints the ids/m);
    const plain = await hslist(root, 'compile', 'b.hslist');
    assert.equal(plain.err, '', 'one AND group and no placeholder: nothing to explain');
  });

  it('--list NAME (any case) prints that one request, in the same shape: an array; an unknown name is a usage error naming the lists', async () => {
    const root = workspace(files);
    const one = JSON.parse((await hslist(root, 'compile', 'a.hslist', '--list', 'manual')).out);
    assert.ok(Array.isArray(one));
    assert.deepEqual(one.map((r: { name: string }) => r.name), ['Manual']);
    const missing = await hslist(root, 'compile', 'a.hslist', '--list', 'Nope');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no list named "Nope" \(its lists: "Customers", "Manual"\)/);
  });

  it('refuses to print JSON for a file with problems', async () => {
    const root = workspace({ 'a.hslist': 'list "A" {\n  type: active\n  where not (email starts with "x")\n}\n' });
    const run = await hslist(root, 'compile', 'a.hslist');
    assert.equal(run.code, 1);
    assert.equal(run.out, '');
    assert.match(run.err, /a\.hslist:3:9: error not-expressible /);
  });

  it('prints warnings on stderr but still compiles', async () => {
    const root = workspace({ 'a.hslist': 'list "A" {\n  type: active\n  where email is known including unknown\n}\n' });
    const run = await hslist(root, 'compile', 'a.hslist');
    assert.equal(run.code, 0);
    assert.match(run.err, /warning including-unknown-ignored/);
    assert.equal(JSON.parse(run.out)[0].name, 'A');
  });

  it('needs exactly one file', async () => {
    const root = workspace(files);
    assert.equal((await hslist(root, 'compile')).code, 2);
    assert.equal((await hslist(root, 'compile', 'a.hslist', 'b.hslist')).code, 2);
  });
});
