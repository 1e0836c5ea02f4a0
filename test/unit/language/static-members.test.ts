// Members of a static list: `members: (…)` and `members from: "file.csv"`, checked by code and range.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { analyzeWorkspace } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';
import { expectClean, expectDiagnostics } from './expect';

describe('language: static list members', () => {
  it('accepts ids and emails on a static list', () => {
    expectClean('list "S" {\n  type: static\n  members: (#123, "ann@example.com", "Bob.Smith+x@sub.example.org")\n}');
  });

  it('members-on-non-static-list at the key, for `members` and `members from`', () => {
    expectDiagnostics('list "A" {\n  ⟦members⟧: (#1)\n  where email is known\n}', ['members-on-non-static-list']);
    expectDiagnostics('list "A" {\n  type: snapshot\n  ⟦members from⟧: "x.csv"\n  where email is known\n}', ['members-on-non-static-list']);
  });

  it('invalid-setting-value when `members` is not a list or `members from` not a file name', () => {
    expectDiagnostics('list "S" {\n  type: static\n  members: ⟦"ann@example.com"⟧\n}', ['invalid-setting-value']);
    expectDiagnostics('list "S" {\n  type: static\n  members from: ⟦people⟧\n}', ['invalid-setting-value']);
  });

  it('invalid-member at a malformed email or id; duplicate-member at the repeat, emails case-insensitive', () => {
    const diagnostics = expectDiagnostics(
      'list "S" {\n  type: static\n  members: (⟦"ann.example.com"⟧, ⟦#0⟧, "ann@example.com", ⟦"ANN@example.com"⟧, #7, ⟦#7⟧)\n}',
      ['invalid-member', 'invalid-member', 'duplicate-member', 'duplicate-member'],
    );
    assert.equal(diagnostics[2].severity, 'warning');
    assert.match(diagnostics[2].message, /already a member \(line 3\)/);
  });
});

describe('language: static list members from a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hslist-members-'));
    mkdirSync(join(dir, 'data'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function check(source: string, files: Record<string, string>): { text: string; ranges: { start: number; end: number }[]; diagnostics: Diagnostic[] } {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const { text, ranges } = marked(source);
    const path = join(dir, 'lists.hslist');
    const diagnostics = analyzeWorkspace([{ path, text }], defaultSchema()).files.get(path)?.diagnostics ?? [];
    return { text, ranges, diagnostics };
  }

  const LIST = 'list "S" {\n  type: static\n  members from: ⟦"data/people.csv"⟧\n}\n';

  it('reads a CSV with an email and an id column, relative to the .hslist file', () => {
    const { diagnostics } = check(LIST, { 'data/people.csv': 'name,Email,hs_object_id\nAnn,ann@example.com,\nBob,,42\n' });
    assert.deepEqual(diagnostics, []);
  });

  it('reads one value per line without a header', () => {
    assert.deepEqual(check(LIST, { 'data/people.csv': 'ann@example.com\r\n#42\r\n17\r\n' }).diagnostics, []);
  });

  it('members-file-unreadable names a missing file', () => {
    const { text, ranges, diagnostics } = check(LIST, {});
    assert.deepEqual(diagnostics.map((d) => [d.code, text.slice(d.start, d.end)]), [['members-file-unreadable', text.slice(ranges[0].start, ranges[0].end)]]);
    assert.match(diagnostics[0].message, /"data\/people\.csv" cannot be read: no such file/);
  });

  it('members-file-empty for an empty file and for a header without rows', () => {
    assert.deepEqual(check(LIST, { 'data/people.csv': '' }).diagnostics.map((d) => d.code), ['members-file-empty']);
    const header = check(LIST, { 'data/people.csv': 'email\n\n' }).diagnostics;
    assert.deepEqual(header.map((d) => d.code), ['members-file-empty']);
    assert.match(header[0].message, /has a header but no members/);
  });

  it('members-file-bad-line names the CSV line: a bad value, a row without one, a broken row, a header without the columns', () => {
    const { diagnostics } = check(LIST, { 'data/people.csv': 'email,name\nann@example.com,Ann\nnot-an-email,X\n,Nobody\n"open,Y\n' });
    assert.deepEqual(diagnostics.map((d) => d.code), ['invalid-member', 'members-file-bad-line', 'members-file-bad-line']);
    assert.match(diagnostics[0].message, /^Line 3 of "data\/people\.csv": `not-an-email` is not an email address/);
    assert.ok(diagnostics.some((d) => /^Line 4 of "data\/people\.csv" has no email/.test(d.message)), diagnostics.map((d) => d.message).join('\n'));
    assert.ok(diagnostics.some((d) => /^Line 5 of/.test(d.message)), diagnostics.map((d) => d.message).join('\n'));
    const noColumn = check(LIST, { 'data/people.csv': 'name,company\nAnn,Acme\n' }).diagnostics;
    assert.deepEqual(noColumn.map((d) => d.code), ['members-file-bad-line']);
    assert.match(noColumn[0].message, /Line 1 .* names no `email` nor `id`/);
  });

  it('duplicate-member across the inline list and the file names the first place', () => {
    const source = 'list "S" {\n  type: static\n  members: ("ann@example.com")\n  members from: ⟦"data/people.csv"⟧\n}\n';
    const { diagnostics } = check(source, { 'data/people.csv': 'Ann@Example.com\n' });
    assert.deepEqual(diagnostics.map((d) => d.code), ['duplicate-member']);
    assert.match(diagnostics[0].message, /Line 1 of "data\/people\.csv": `Ann@Example\.com` is already a member \(line 3\)/);
  });
});
