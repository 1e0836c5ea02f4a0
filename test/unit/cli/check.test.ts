import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSchema } from '../../../server/src/language/schema';
import { hslist, workspace } from './cli-support';

const CLEAN = `list "Customers" {
  type: active
  where lifecyclestage is customer
}
`;

describe('hslist check', () => {
  it('exits 0 on a clean workspace and says so', async () => {
    const root = workspace({ 'a.hslist': CLEAN });
    const run = await hslist(root, 'check');
    assert.equal(run.code, 0);
    assert.equal(run.out, '');
    assert.match(run.err, /1 file checked: no problems/);
  });

  it('prints file:line:col: severity code message and exits 1', async () => {
    const root = workspace({ 'lists/a.hslist': 'list "A" {\n  type: active\n  where emial is known\n}\n' });
    const run = await hslist(root, 'check', 'lists');
    assert.equal(run.code, 1);
    assert.match(run.out, /^lists\/a\.hslist:3:9: error unknown-property .*`email`/m);
  });

  it('checks files as one workspace: a list in another file resolves', async () => {
    const root = workspace({
      'a.hslist': CLEAN,
      'b.hslist': 'list "B" {\n  type: active\n  where in list "Customers"\n}\n',
    });
    assert.equal((await hslist(root, 'check')).code, 0);
    const alone = await hslist(root, 'check', 'b.hslist');
    assert.match(alone.out, /b\.hslist:3:17: error unknown-list/);
  });

  it('--format json gives machine-readable problems', async () => {
    const root = workspace({ 'a.hslist': 'list "A" {\n  type: active\n  where emial is known\n}\n' });
    const run = await hslist(root, 'check', '--format', 'json');
    const problems = JSON.parse(run.out);
    assert.deepEqual(Object.keys(problems[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].endColumn, problems[0].code], [3, 9, 14, 'unknown-property']);
  });

  it('--format github writes workflow annotations with escaped values', async () => {
    const root = workspace({ 'a.hslist': 'list "A" {\n  type: active\n  where emial is known\n}\n' });
    const run = await hslist(root, 'check', '--format=github');
    assert.match(run.out, /^::error file=a\.hslist,line=3,col=9,endLine=3,endColumn=14,title=unknown-property::Unknown/m);
  });

  it('bad usage exits 2: unknown option, bad format value, missing path, unknown command', async () => {
    const root = workspace({ 'a.hslist': CLEAN });
    for (const argv of [['check', '--nope'], ['check', '--format', 'xml'], ['check', 'missing.hslist'], ['frobnicate']]) {
      const run = await hslist(root, ...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.ok(run.err.length > 0 && !/\n\s+at /.test(run.err), `a message and no stack trace for ${argv.join(' ')}`);
    }
  });

  it('never crashes on bad files: binary, invalid UTF-8, too large, unreadable, deeply nested', async () => {
    const root = workspace({
      'binary.hslist': Buffer.from([0x6c, 0x00, 0x01, 0x02]),
      'latin1.hslist': Buffer.concat([Buffer.from('list "Caf'), Buffer.from([0xe9]), Buffer.from('" {\n}\n')]),
      'huge.hslist': 'x'.repeat(10 * 1024 * 1024),
      'deep.hslist': `list "D" {\n  type: active\n  where ${'('.repeat(100_000)}email is known${')'.repeat(100_000)}\n}\n`,
    });
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling.hslist'));
    const run = await hslist(root, 'check');
    assert.equal(run.code, 1);
    assert.match(run.out, /^binary\.hslist:1:1: error binary-file /m);
    assert.match(run.out, /^latin1\.hslist:1:10: error invalid-utf8 .*0xe9/m);
    assert.match(run.out, /^huge\.hslist:1:1: error file-too-large .*10\.0 MB/m);
    assert.match(run.out, /^dangling\.hslist:1:1: error unreadable-file .*no such file/m);
    assert.match(run.out, /^deep\.hslist:3:\d+: error nesting-too-deep /m);
  });

  it('uses the schema named by --schema, and rejects a broken one with exit 2', async () => {
    const schema = JSON.stringify({ contacts: { results: [{ name: 'shoe_size', label: 'Shoe size', type: 'number', fieldType: 'number', options: [] }] }, companies: { results: [] } });
    const root = workspace({
      'a.hslist': 'list "A" {\n  type: active\n  where shoe_size > 40\n}\n',
      'portal.json': schema,
      'broken.json': '{"contacts": {"results": [{"name": 3}]}}',
    });
    assert.equal((await hslist(root, 'check', 'a.hslist')).code, 1, 'not in the bundled schema');
    assert.equal((await hslist(root, 'check', 'a.hslist', '--schema', 'portal.json')).code, 0);
    const broken = await hslist(root, 'check', 'a.hslist', '--schema', 'broken.json');
    assert.equal(broken.code, 2);
    assert.match(broken.err, /broken\.json/);
  });

  it('the bundled examples/ workspace checks clean once the portal\'s list names are pulled', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hslist-examples-'));
    cpSync(join(__dirname, '../../../examples'), root, { recursive: true, filter: (source) => !source.split(/[\\/]/).includes('.hslist') });
    const before = await hslist(root, 'check');
    assert.equal(before.code, 1, 'a list not kept as code is unknown until the catalogue is pulled');
    assert.match(before.out, /engagement\.hslist:\d+:\d+: error unknown-list List "Webinar registrants" .*hslist schema pull/);
    // What `hslist schema pull` writes against the sandbox portal (its lists.json beside the property files).
    const cache = join(root, '.hslist', 'schema');
    mkdirSync(cache, { recursive: true });
    for (const type of ['contacts', 'companies'] as const) writeFileSync(join(cache, `${type}.json`), JSON.stringify({ results: [...defaultSchema().objects[type].values()] }));
    writeFileSync(join(cache, 'lists.json'), JSON.stringify({ results: [{ listId: '3', name: 'Webinar registrants', processingType: 'MANUAL', objectTypeId: '0-1' }] }));
    const run = await hslist(root, 'check');
    // Only what the sync settings lead to, as info (rules T4 and C2): nothing that fails the check.
    assert.deepEqual(run.out.split('\n').filter((l) => l !== '').map((l) => / (info|warning|error) ([a-z-]+) /.exec(l)?.slice(1).join(' ')),
      ['info unmapped-list-property', 'info unmapped-list-property', 'info unmapped-list-property', 'info auto-create-bypasses-list']);
    assert.equal(run.code, 0);
  });
});

describe('hslist check: warnings are advice', () => {
  const WARNED = 'list "A" {\n  type: active\n  where email is known including unknown\n}\n';
  it('exits 0 on warnings alone, 1 with --max-warnings below their count, and says why', async () => {
    const root = workspace({ 'a.hslist': WARNED });
    const run = await hslist(root, 'check');
    assert.equal(run.code, 0);
    assert.match(run.out, /warning including-unknown-ignored/);
    const strict = await hslist(root, 'check', '--max-warnings', '0');
    assert.equal(strict.code, 1);
    assert.match(strict.err, /More than --max-warnings 0\./);
    assert.equal((await hslist(root, 'check', '--max-warnings', '1')).code, 0);
    assert.equal((await hslist(root, 'check', '--max-warnings', 'x')).code, 2);
  });
});
