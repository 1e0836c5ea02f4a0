// `marketing email any opened in last 30 days` (issue 14): an event over every marketing email, written out
// as the contact property HubSpot keeps for it over all emails. Parse and print, checks by code and range,
// completion, hover, and the compiled filterBranch equal to the one of the property form written by hand.

import { strict as assert } from 'node:assert';
import { format, parse, printExpr } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { decompileList } from '../../../server/src/hubspot/decompile';
import { resolveList } from '../../../server/src/language/definitions/resolve';
import { collectDefinitions } from '../../../server/src/language/definitions/table';
import { defaultSchema } from '../../../server/src/language/schema';
import type { Schema } from '../../../server/src/language/schema-types';
import { validateFilterBranch } from '../../../server/src/sandbox/hubspot/list-validate';
import { completionLabels, expectClean, expectDiagnostics, fixed, hoverText, MAIN } from './expect';

const listText = (where: string) => `list "A" {\n  where ${where}\n}\n`;

/** The schema without one contact property (a pulled schema that lacks it). */
function schemaWithout(name: string): Schema {
  const schema = defaultSchema();
  const contacts = new Map(schema.objects.contacts);
  contacts.delete(name);
  return { ...schema, objects: { ...schema.objects, contacts } };
}

/** The list compiled as the workspace compiles it: named conditions and any-email conditions written in first. */
function compiled(text: string) {
  const tree = parse(text).file;
  const list = resolveList(tree.lists[tree.lists.length - 1], collectDefinitions([{ path: MAIN, text, tree }]));
  return compileList(list, { schema: defaultSchema(), listIdFor: () => undefined, defaultTimezone: 'UTC' });
}

function branchOf(where: string): unknown {
  const result = compiled(listText(where));
  assert.deepEqual(result.diagnostics, [], where);
  return result.request?.filterBranch;
}

const labels = completionLabels;
const hover = hoverText;

const validation = {
  contactProperties: defaultSchema().objects.contacts,
  companyProperties: defaultSchema().objects.companies,
  listExists: () => true,
};

describe('any marketing email: parse and print', () => {
  it('parses `marketing email any <event> [in last N days]` and prints it as written', () => {
    for (const text of ['marketing email any opened', 'marketing email any opened in last 30 days', 'marketing email any clicked in last 7 days', 'marketing email any bounced', 'not marketing email any sent in last 90 days and email is known']) {
      const { file, diagnostics } = parse(listText(text));
      assert.deepEqual(diagnostics, [], text);
      const where = file.lists[0].where!;
      assert.equal(printExpr(where), text);
      const condition = where.kind === 'emailEvent' ? where : undefined;
      if (condition) assert.equal(condition.email.by, 'any', text);
    }
  });

  it('the formatter keeps it', () => {
    const text = 'list "A" {\n  where   marketing  email   any opened in last 30 days\n}\n';
    assert.match(format(text).text, /where marketing email any opened in last 30 days\n/);
  });

  it('`any` with nothing after it is a syntax error, not a condition', () => {
    assert.ok(parse(listText('marketing email any')).diagnostics.some((d) => d.severity === 'error'));
  });
});

describe('any marketing email: checks', () => {
  it('opened, clicked, sent (with or without a window), received, delivered and bounced (without) are clean', () => {
    for (const where of ['marketing email any opened in last 30 days', 'marketing email any clicked', 'marketing email any sent in last 1 days', 'marketing email any received', 'marketing email any delivered', 'marketing email any bounced']) {
      expectClean(listText(where));
    }
  });

  it('an event no contact property keeps over all emails is `any-email-event` on the event, naming the one-email form', () => {
    const [d] = expectDiagnostics('list "A" { where marketing email any ⟦replied⟧ in last 30 days }', ['any-email-event']);
    assert.match(d.message, /no contact property for `replied` over all marketing emails .* write it for one email, `marketing email #<emailId> of app #<appId> replied`/);
    expectDiagnostics('list "A" { where marketing email any ⟦marked spam⟧ }', ['any-email-event']);
    expectDiagnostics('list "A" { where marketing email any ⟦unsubscribed⟧ }', ['any-email-event']);
    expectDiagnostics('list "A" { where marketing email any ⟦opened but not clicked⟧ }', ['any-email-event']);
  });

  it('a window on a count (received, delivered, bounced) is `any-email-event` on its day count', () => {
    const [d] = expectDiagnostics('list "A" { where marketing email any bounced in last ⟦30⟧ days }', ['any-email-event']);
    assert.match(d.message, /only a count of the marketing emails that bounced for a contact \(hs_email_bounce\), with no date.*`marketing email any bounced` \(ever\)/);
    expectDiagnostics('list "A" { where marketing email any delivered in last ⟦7⟧ days }', ['any-email-event']);
  });

  it('an absolute window: `after D` is said by the last event\'s date; `before` and `between`, and any window on a count, are `any-email-event` on the window', () => {
    expectDiagnostics('list "A" { where marketing email any opened after 2024-01-31 }', []);
    const [d] = expectDiagnostics('list "A" { where marketing email any opened ⟦before 2024-01-31⟧ }', ['any-email-event']);
    assert.match(d.message, /only the date of the last one \(hs_email_last_open_date\), so only `after D` can be said/);
    expectDiagnostics('list "A" { where marketing email any clicked ⟦between 2024-01-01 and 2024-02-01⟧ }', ['any-email-event']);
    expectDiagnostics('list "A" { where marketing email any bounced ⟦after 2024-01-01⟧ }', ['any-email-event']);
  });

  it('`link "…"` is `any-email-event` on the link', () => {
    const [d] = expectDiagnostics('list "A" { where marketing email any clicked link ⟦"https://x.com"⟧ }', ['any-email-event']);
    assert.match(d.message, /not which link was clicked/);
  });

  it('a word that is no event is `unknown-email-event` with did-you-mean among the events `any` takes', () => {
    expectDiagnostics('list "A" { where marketing email any ⟦opend⟧ in last 30 days }', ['unknown-email-event']);
    assert.equal(fixed('list "A" { where marketing email any opend }', 'unknown-email-event'), 'list "A" { where marketing email any opened }');
    // Names an object has by inheritance are no events either (nor for one email).
    expectDiagnostics('list "A" { where marketing email any ⟦constructor⟧ }', ['unknown-email-event']);
    expectDiagnostics('list "A" { where marketing email #1 of app #1 ⟦constructor⟧ }', ['unknown-email-event']);
  });

  it('a bad day count is `invalid-number`, as for one email', () => {
    expectDiagnostics('list "A" { where marketing email any opened in last ⟦0⟧ days }', ['invalid-number']);
  });

  it('a schema without the property is `any-email-property` on the condition', () => {
    const [d] = expectDiagnostics('list "A" { where ⟦marketing email any opened in last 30 days⟧ }', ['any-email-property'], { schema: schemaWithout('hs_email_last_open_date') });
    assert.match(d.message, /stands for the contact property `hs_email_last_open_date`, which the workspace schema does not have/);
  });
});

describe('any marketing email: completion and hover', () => {
  it('offers `any` after `marketing email`, then the events it can say, then the window after a dated one', () => {
    assert.ok(labels('list "A" {\n  where <|>').includes('marketing email any opened'));
    assert.ok(labels('list "A" {\n  where marketing email <|>').includes('any'));
    assert.deepEqual(labels('list "A" {\n  where marketing email any <|>'), ['opened', 'clicked', 'sent', 'received', 'bounced']);
    assert.deepEqual(labels('list "A" {\n  where marketing email any opened <|>'), ['in last', 'after', 'and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email any bounced <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email any opened in <|>'), ['last']);
    assert.deepEqual(labels('list "A" {\n  where marketing email any opened in last 30 days <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email any opened after 2024-01-31 <|>'), ['and', 'or']);
    assert.ok(labels('list "A" {\n  where marketing email any opened and <|>').includes('email'), 'a property after the condition');
  });

  it('hover shows what it stands for and what HubSpot gets', () => {
    assert.equal(hover('list "A" {\n  where marketing email any op<|>ened in last 30 days\n}'), [
      '**Any marketing email**: the contact opened some marketing email in the last 30 days.',
      '',
      "Here: `hs_email_last_open_date is less than 30 days ago`: HubSpot's EMAIL_EVENT filter takes one email, so this is the contact property HubSpot keeps for the event over all marketing emails (Last marketing email open date). `not` negates it as it negates that condition.",
      '',
      'HubSpot: `PROPERTY` `hs_email_last_open_date`, `TIME_RANGED` `IS_BETWEEN`.',
    ].join('\n'));
    assert.match(hover('list "A" {\n  where marketing email a<|>ny bounced\n}') ?? '', /Here: `hs_email_bounce > 0`/);
    assert.match(hover('list "A" {\n  where marketing email any rep<|>lied\n}') ?? '', /no contact property for `replied`/);
  });
});

describe('any marketing email: compile', () => {
  const pairs: [string, string][] = [
    ['marketing email any opened', 'hs_email_last_open_date is known'],
    ['marketing email any opened in last 30 days', 'hs_email_last_open_date is less than 30 days ago'],
    ['marketing email any clicked in last 7 days', 'hs_email_last_click_date is less than 7 days ago'],
    ['marketing email any opened after 2024-01-31', 'hs_email_last_open_date is after 2024-01-31'],
    ['marketing email any sent after 2024-01-31T10:00:00Z', 'hs_email_last_send_date is after 2024-01-31T10:00:00Z'],
    ['marketing email any sent', 'hs_email_last_send_date is known'],
    ['marketing email any received', 'hs_email_delivered > 0'],
    ['marketing email any delivered', 'hs_email_delivered > 0'],
    ['marketing email any bounced', 'hs_email_bounce > 0'],
    ['not marketing email any opened in last 30 days', 'not hs_email_last_open_date is less than 30 days ago'],
    ['not marketing email any bounced or country is "Poland"', 'not hs_email_bounce > 0 or country is "Poland"'],
  ];
  for (const [any, property] of pairs) {
    it(`\`${any}\` compiles to the filterBranch of \`${property}\`, which HubSpot's shape accepts`, () => {
      const branch = branchOf(any);
      assert.deepEqual(branch, branchOf(property));
      assert.equal(validateFilterBranch(branch, validation), undefined);
    });
  }

  it('written in through a named condition too, and its diagnostics point at the condition', () => {
    const text = 'condition engaged { where marketing email any clicked in last 30 days }\n\nlist "A" {\n  where condition engaged\n}\n';
    assert.deepEqual(compiled(text).request?.filterBranch, branchOf('hs_email_last_click_date is less than 30 days ago'));
    const missing = '\nlist "A" {\n  where marketing email any replied\n}\n';
    const result = compiled(missing);
    assert.equal(result.request, undefined);
    const [d] = result.diagnostics;
    assert.equal(missing.slice(d.start, d.end), 'replied');
  });

  it('a schema without the property: the compiler names it at the condition', () => {
    const text = listText('marketing email any opened');
    const tree = parse(text).file;
    const result = compileList(resolveList(tree.lists[0]), { schema: schemaWithout('hs_email_last_open_date'), listIdFor: () => undefined, defaultTimezone: 'UTC' });
    assert.equal(result.request, undefined);
    assert.equal(text.slice(result.diagnostics[0].start, result.diagnostics[0].end), 'marketing email any opened');
    assert.match(result.diagnostics[0].message, /hs_email_last_open_date/);
  });

  it('inside `associated company where` it is refused like any event (it is about the contact)', () => {
    const result = compiled(listText('associated company where (marketing email any opened)'));
    assert.equal(result.request, undefined);
    assert.match(result.diagnostics.map((d) => d.message).join('\n'), /only company property conditions/);
  });
});

describe('any marketing email: decompile (hslist pull)', () => {
  it('a published any-email list comes back as its property form (HubSpot stores a PROPERTY filter)', () => {
    for (const [any, property] of [['marketing email any opened in last 30 days', 'hs_email_last_open_date is less than 30 days ago'], ['marketing email any bounced', 'hs_email_bounce > 0'], ['marketing email any sent', 'hs_email_last_send_date is known']]) {
      const request = compiled(listText(any)).request!;
      const back = decompileList({ ...request, listId: '1' }, { schema: defaultSchema(), listNameFor: () => undefined });
      assert.deepEqual(back.diagnostics.filter((d) => d.severity === 'error'), [], any);
      assert.equal(printExpr(back.list!.where!), property, any);
    }
  });
});
