// `submitted form "…" on page …`: HubSpot's FORM_SUBMISSION_ON_PAGE, parsed and printed.
import assert from 'node:assert/strict';
import { format, parse } from '@hslist/grammar';
import { whereOf } from './phrases.test';

function shape(e: unknown): unknown {
  return JSON.parse(JSON.stringify(e, (k, v) => (k === 'start' || k === 'end' ? undefined : v)));
}

describe('grammar: form submission on a page', () => {
  it('reads a page by name or by id directly after the form, before the window', () => {
    assert.deepEqual(shape(whereOf('submitted form "Demo request" on page "Pricing"')), {
      kind: 'formSubmission',
      formId: { text: 'Demo request' },
      page: { text: 'Pricing', by: 'name' },
    });
    assert.deepEqual(shape(whereOf('not submitted any form ON PAGE #123456 in last 7 days')), {
      kind: 'not',
      operand: { kind: 'formSubmission', page: { text: '123456', by: 'id' }, withinLastDays: { kind: 'number', value: 7, raw: '7' } },
    });
  });

  it('gives the page its own span, so checks and hover point at it', () => {
    const text = 'list "t" {\n  where submitted any form on page "Pricing"\n}\n';
    const where = parse(text).file.lists[0].where;
    assert.ok(where?.kind === 'formSubmission' && where.page);
    assert.equal(text.slice(where.page.start, where.page.end), '"Pricing"');
    assert.equal(text.slice(where.start, where.end), 'submitted any form on page "Pricing"');
  });

  it('reports a page clause with no page, and `on page` after the window', () => {
    assert.notDeepEqual(parse('list "t" {\n  where submitted any form on page\n}\n').diagnostics, []);
    assert.notDeepEqual(parse('list "t" {\n  where submitted any form in last 3 days on page #1\n}\n').diagnostics, []);
  });

  it('prints the canonical spelling, and formatting twice changes nothing', () => {
    const out = format('list "t" {\n  where Submitted Form "A"   On Page #42 in last 3 days or submitted any form on page "P \\"x\\""\n}\n').text;
    assert.equal(out, 'list "t" {\n  where submitted form "A" on page #42 in last 3 days\n    or submitted any form on page "P \\"x\\""\n}\n');
    assert.equal(format(out).text, out);
  });

  it('keeps `on` usable as a bare value and a property name', () => {
    const c = whereOf('on is on');
    assert.ok(c.kind === 'property' && c.property.text === 'on');
  });
});
