// `members: (#123, "ann@example.com")` and `members from: "people.csv"`: the settings of a static
// list's members. Parsed with spans, recovered when broken, printed back the same.
import assert from 'node:assert/strict';
import { format, parse, printFile, type SettingValue } from '@hslist/grammar';
import { marked } from '../../support/markers';

function membersOf(text: string): SettingValue | undefined {
  return parse(text).file.lists[0]?.settings.find((s) => s.key.text === 'members')?.value;
}

describe('grammar: static list members', () => {
  it('reads ids and emails with the span of each', () => {
    const m = marked('list "S" {\n  type: static\n  members: ⟦(⟦#123⟧, ⟦"ann@example.com"⟧)⟧\n}\n');
    const result = parse(m.text);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(membersOf(m.text), {
      kind: 'members',
      ...m.ranges[0],
      items: [
        { kind: 'id', value: '123', ...m.ranges[1] },
        { kind: 'email', value: 'ann@example.com', ...m.ranges[2] },
      ],
    });
  });

  it('reads a list over several lines with a trailing comma, and an empty list', () => {
    const value = membersOf('list "S" {\n  type: static\n  members: (\n    "a@x.com",\n    #7,\n  )\n}\n');
    assert.equal(value?.kind, 'members');
    assert.deepEqual(value?.kind === 'members' && value.items.map((i) => [i.kind, i.value]), [['email', 'a@x.com'], ['id', '7']]);
    const empty = parse('list "S" {\n  type: static\n  members: ()\n}\n');
    assert.deepEqual(empty.diagnostics, []);
    assert.deepEqual(membersOf('list "S" {\n  type: static\n  members: ()\n}\n'), { kind: 'members', items: [], start: 37, end: 39 });
  });

  it('reads `members from:` as a setting with a file name', () => {
    const list = parse('list "S" {\n  type: static\n  members from: "people.csv" folder: "F"\n}\n').file.lists[0];
    assert.deepEqual(list.settings.map((s) => [s.key.text, s.value?.kind === 'string' ? s.value.value : undefined]), [
      ['type', undefined],
      ['members from', 'people.csv'],
      ['folder', 'F'],
    ]);
  });

  it('recovers from a missing `)` and from a member that is neither a string nor an id', () => {
    const m = marked('list "S" {\n  type: static\n  members: ("a@x.com", ⟦#1⟧\n}\nlist "T" { type: static }\n');
    const result = parse(m.text);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.start, d.end]), [['syntax-error', m.ranges[0].start, m.ranges[0].end]]);
    assert.deepEqual(result.file.lists.map((l) => l.name.text), ['S', 'T']);
    const bare = marked('list "S" {\n  type: static\n  members: (⟦ann⟧)\n}\n');
    const bad = parse(bare.text);
    assert.ok(bad.diagnostics.some((d) => d.code === 'syntax-error' && d.start === bare.ranges[0].start), JSON.stringify(bad.diagnostics));
    assert.equal(bad.file.lists.length, 1);
  });

  it('formats short lists on one line and long ones one member a line, and is idempotent', () => {
    const short = 'list "S" {\n  type:   static\n  members: (#1,"a@x.com" , )\n}\n';
    assert.equal(format(short).text, 'list "S" {\n  type: static\n  members: (#1, "a@x.com")\n}\n');
    const emails = ['first.person@example.com', 'second.person@example.com', 'third.person@example.com', 'fourth@example.com'];
    const long = `list "S" {\n  type: static\n  members: (${emails.map((e) => `"${e}"`).join(', ')}) // team\n}\n`;
    const expected = `list "S" {\n  type: static\n  members: (\n${emails.map((e, i) => `    "${e}"${i < emails.length - 1 ? ',' : ''}`).join('\n')}\n  ) // team\n}\n`;
    const once = format(long).text;
    assert.equal(once, expected);
    assert.equal(format(once).text, once);
  });

  it('round-trips: the printed text parses to the same members', () => {
    const text = 'list "S" {\n  type: static\n  members: (#5, "b@y.org", "quote\\"d@x.com")\n  members from: "data/people.csv"\n}\n';
    const printed = printFile(parse(text).file, text);
    assert.equal(printed, text);
    const again = parse(printed);
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(
      again.file.lists[0].settings.map((s) => s.value?.kind === 'members' ? s.value.items.map((i) => i.value) : s.value?.kind),
      ['word', ['5', 'b@y.org', 'quote"d@x.com'], 'string'],
    );
  });
});
