// Blocks written on one line: a bare-word value ends at `where`, `map`, `}` or the next `key:`.
import assert from 'node:assert/strict';
import { format, parse, type SettingValue } from '@hslist/grammar';

function valueText(value: SettingValue | undefined): unknown {
  return value && value.kind !== 'members' ? value.value : undefined;
}

/** Settings of the first block as [key, value] pairs, after checking the text parses cleanly. */
function settingsOf(text: string): [string, unknown][] {
  const { file, diagnostics } = parse(text);
  assert.deepEqual(diagnostics, [], text);
  const block = file.lists[0] ?? file.syncBlocks[0];
  return block.settings.map((s) => [s.key.text, valueText(s.value)]);
}

describe('grammar: blocks on one line', () => {
  it('list "A" { type: active where email is known }', () => {
    const text = 'list "A" { type: active where email is known }';
    assert.deepEqual(settingsOf(text), [['type', 'active']]);
    const list = parse(text).file.lists[0];
    assert.equal(list.where?.kind, 'property');
    assert.equal(text.slice(list.whereKeyword!.start, list.whereKeyword!.end), 'where');
    assert.equal(format(text).text, 'list "A" {\n  type: active\n  where email is known\n}\n');
  });

  it('sync salesforce { hubspot creates in salesforce: lead }', () => {
    assert.deepEqual(settingsOf('sync salesforce { hubspot creates in salesforce: lead }'), [['hubspot creates in salesforce', 'lead']]);
  });

  it('a bare value stops at the next key, one word or a known setting name of several', () => {
    assert.deepEqual(settingsOf('list "A" { type: active folder: "x" }'), [['type', 'active'], ['folder', 'x']]);
    assert.deepEqual(settingsOf('sync salesforce { salesforce creates hubspot contacts: yes hubspot creates in salesforce: lead }'), [
      ['salesforce creates hubspot contacts', 'yes'],
      ['hubspot creates in salesforce', 'lead'],
    ]);
    assert.deepEqual(settingsOf('sync salesforce { hubspot creates in salesforce: contact inclusion list: "Q" }'), [
      ['hubspot creates in salesforce', 'contact'],
      ['inclusion list', 'Q'],
    ]);
  });

  it('a rule of several words stops at the next `map` on the line', () => {
    const { file, diagnostics } = parse('sync salesforce { map jobtitle to Title: two way map city to City: prefer salesforce unless blank }');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      file.syncBlocks[0].mappings.map((m) => [m.hubspotProperty.text, m.salesforceField.text, valueText(m.rule)]),
      [['jobtitle', 'Title', 'two way'], ['city', 'City', 'prefer salesforce unless blank']],
    );
  });

  it('keeps several words of a value on its own line, and quoted values whatever they hold', () => {
    assert.deepEqual(settingsOf('list "A" {\n  note: two words\n  folder: "where: x"\n}'), [['note', 'two words'], ['folder', 'where: x']]);
  });

  it('a value word left before a colon still reports the stray colon', () => {
    const { diagnostics } = parse('list "A" { type: folder: "x" }');
    assert.deepEqual(diagnostics.map((d) => d.code), ['syntax-error']);
  });
});
