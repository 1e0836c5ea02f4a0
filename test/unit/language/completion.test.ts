// Completion, pure: the cursor's context is read from tokens, so the line being typed may be broken.

import { strict as assert } from 'node:assert';
import { complete, type CompletionEntry, type ListInfo } from '../../../server/src/language/completion';
import { cursorContext } from '../../../server/src/language/cursor-context';
import { defaultSchema } from '../../../server/src/language/schema';
import { marked } from '../../support/markers';

const LISTS: ListInfo[] = [
  { name: 'Internal', type: 'active', path: 'a.hslist' },
  { name: 'Event "2025"', type: 'static', path: 'b.hslist' },
];

function at(source: string, extra: { salesforce?: boolean } = {}): CompletionEntry[] {
  const m = marked(source);
  const salesforceFields = extra.salesforce ? [{ name: 'Status', label: 'Lead Status', type: 'picklist', objects: ['Lead'] }] : undefined;
  return complete({ text: m.text, offset: m.cursor as number, schema: defaultSchema(), lists: LISTS, folders: ['Events'], salesforceFields });
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);

describe('language: completion', () => {
  it('reads the context from tokens on broken lines', () => {
    const kind = (source: string) => {
      const m = marked(source);
      return cursorContext(m.text, m.cursor as number).context.kind;
    };
    assert.equal(kind('list "A" {\n  where email is <|>'), 'expression');
    assert.equal(kind('list "A" {\n  type: <|>'), 'settingValue');
    assert.equal(kind('list "A" {\n  <|>'), 'settingKey');
    assert.equal(kind('sync salesforce {\n  map email to <|>'), 'mapField');
    assert.equal(kind('list "A" {\n  where x\n}\n<|>'), 'topLevel');
    assert.equal(kind('list "A" {\n  // where <|>'), 'none');
  });

  it('offers only the phrases a date property takes, with snippets for their operands', () => {
    const entries = at('list "A" {\n  where createdate <|>\n}');
    const phrases = labels(entries);
    for (const p of ['is after …', 'is less than N days ago', 'is in this month', 'is before property …']) assert.ok(phrases.includes(p), p);
    for (const p of ['contains …', '>= …', 'is any of (…)']) assert.ok(!phrases.includes(p), p);
    const ago = entries.find((e) => e.label === 'is less than N days ago');
    assert.equal(ago?.snippet, 'is less than ${1:30} days ago');
    assert.equal(ago?.insertText, 'is less than ');
  });

  it('offers the options of an enumeration after `is`, and the rest of longer phrases', () => {
    const entries = at('list "A" {\n  where hs_lead_status is <|>');
    const open = entries.find((e) => e.detail === 'OPEN');
    assert.ok(open, labels(entries).join(', '));
    assert.equal(open.insertText, 'OPEN');
    const anyOf = entries.find((e) => e.label === 'is any of (…)');
    assert.equal(anyOf?.insertText, 'any of (');
  });

  it('offers date properties after `is before property`', () => {
    const names = labels(at('list "A" {\n  where closedate is before property <|>'));
    assert.ok(names.includes('createdate'));
    assert.ok(!names.includes('email'));
  });

  it('offers every property after `when` (its update is a time) and `was updated` after it', () => {
    const names = labels(at('list "A" {\n  where closedate is after when <|>'));
    assert.ok(names.includes('createdate') && names.includes('email'));
    assert.ok(labels(at('list "A" {\n  where closedate is after when email <|>')).includes('is after when … was updated'));
    assert.ok(labels(at('list "A" {\n  where closedate is between property createdate <|>')).includes('is between property … and property …'));
  });

  it('quotes list names, escaping quotes, and replaces the string being typed', () => {
    const m = marked('list "A" {\n  where in list "Ev<|>ent"\n}');
    const entries = complete({ text: m.text, offset: m.cursor as number, schema: defaultSchema(), lists: LISTS });
    const event = entries.find((e) => e.label === 'Event "2025"');
    assert.equal(event?.insertText, '"Event \\"2025\\""');
    assert.deepEqual(event?.replace, { start: m.text.indexOf('"Ev'), end: m.text.indexOf('"Ev') + 7 });
  });

  it('completes multi-word setting keys and sync rules word by word', () => {
    const key = at('sync salesforce {\n  salesforce cre<|>');
    assert.deepEqual(key.map((e) => e.insertText), ['creates hubspot contacts: ']);
    const rule = at('sync salesforce {\n  map email to Email: prefer <|>');
    assert.deepEqual(rule.map((e) => e.insertText), ['salesforce unless blank']);
  });

  it('offers Salesforce fields only when a Salesforce schema is loaded', () => {
    assert.deepEqual(labels(at('sync salesforce {\n  map email to <|>')), []);
    assert.deepEqual(labels(at('sync salesforce {\n  map email to <|>', { salesforce: true })), ['Status']);
  });

  it('keeps the association scope to its one condition or its parentheses', () => {
    const inGroup = labels(at('list "A" {\n  where associated company where (industry is ACCOUNTING and <|>'));
    assert.ok(inGroup.includes('numberofemployees') && !inGroup.includes('firstname'));
    const afterGroup = labels(at('list "A" {\n  where associated company where (industry is ACCOUNTING) and <|>'));
    assert.ok(afterGroup.includes('firstname'));
  });

  it('never throws, whatever the text and offset', () => {
    for (const text of ['', '"', 'list', 'list "', 'sync {', '((((', 'where where where', '}}}}', 'list "A" { where ( not']) {
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.ok(Array.isArray(complete({ text, offset, schema: defaultSchema(), lists: LISTS })));
      }
    }
  });
});
