// An associations batch answer read from its bytes gives what reading HubSpot's JSON after JSON.parse
// gives: each result's contact, its links (record id, primary, labels) in order and its cursor, whatever
// the keys' order, the fields HubSpot adds, and ids written as numbers or strings. What cannot be read is
// an error naming HubSpot's host, never a shorter answer.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readAssociationAnswer } from '../../server/src/hubspot/account/association-answer';
import { HubSpotAccountError } from '../../server/src/hubspot/account/errors';

const HOST = 'api.hubapi.test';
const WHAT = 'a batch of contact → companies associations';

interface Expected {
  from: string;
  to: { id: string; primary: boolean; labels: string[] }[];
  after: string | undefined;
}

/** The answer as HubSpot's JSON means it, read from JSON.parse's objects (the reference). */
function expectedOf(answer: { results: { from: { id: unknown }; to: { toObjectId: unknown; associationTypes?: unknown }[]; paging?: { next?: { after?: unknown } } }[] }): Expected[] {
  return answer.results.map((r) => ({
    from: String(r.from.id),
    to: r.to.map((t) => {
      const types = Array.isArray(t.associationTypes) ? (t.associationTypes as { category?: unknown; typeId?: unknown }[]) : [];
      return {
        id: String(t.toObjectId),
        primary: types.some((type) => type.category === 'HUBSPOT_DEFINED' && type.typeId === 1),
        labels: types.filter((type) => type.category === 'USER_DEFINED' && type.typeId !== undefined).map((type) => String(type.typeId)),
      };
    }),
    after: typeof r.paging?.next?.after === 'string' && r.paging.next.after !== '' ? r.paging.next.after : undefined,
  }));
}

function actualOf(bytes: Buffer): Expected[] {
  const answer = readAssociationAnswer(bytes, HOST, WHAT);
  return answer.from.map((from, r) => ({
    from,
    to: answer.to.slice(answer.start[r], answer.start[r + 1]).map((id, k) => ({ id, primary: answer.primary[answer.start[r] + k] === 1, labels: [...answer.labels[answer.start[r] + k]] })),
    after: answer.after.get(r),
  }));
}

/** An object with its keys in the order given by `order` (a permutation seed). */
function inOrder(entries: [string, unknown][], order: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rotated = entries.slice(order % (entries.length || 1)).concat(entries.slice(0, order % (entries.length || 1)));
  for (const [k, v] of order % 2 ? rotated.reverse() : rotated) out[k] = v;
  return out;
}

const id = fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }).map(String));
const extra = fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.integer(), fc.jsonValue({ maxDepth: 2 }));
const type = fc.record({
  category: fc.constantFrom('HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'other'),
  typeId: fc.oneof(fc.constantFrom(1, 279, 2), fc.integer({ min: 1, max: 9999 }), fc.constantFrom('7', '1')),
  label: fc.oneof(fc.constant(null), fc.string({ maxLength: 6 })),
  order: fc.nat(),
});
const link = fc.record({ id, types: fc.option(fc.array(type, { maxLength: 3 }), { nil: undefined }), extra, order: fc.nat() });
const result = fc.record({ from: id, to: fc.array(link, { maxLength: 4 }), after: fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constant('')), { nil: undefined }), extra, order: fc.nat() });

type Result = typeof result extends fc.Arbitrary<infer T> ? T : never;

const answerOf = (results: Result[], order: number) =>
  inOrder(
    [
      ['status', 'COMPLETE'],
      [
        'results',
        results.map((r) =>
          inOrder(
            [
              ['from', { id: r.from }],
              ['to', r.to.map((l) => inOrder([['toObjectId', l.id], ...(l.types ? [['associationTypes', l.types.map((t) => inOrder([['category', t.category], ['typeId', t.typeId], ['label', t.label]], t.order))] as [string, unknown]] : []), ['extra', l.extra]], l.order))],
              ...(r.after === undefined ? [] : [['paging', { next: { link: 'https://x/?after', after: r.after } }] as [string, unknown]]),
              ['extra', r.extra],
            ],
            r.order,
          ),
        ),
      ],
      ['startedAt', '2026-12-07T10:00:00Z'],
      ['errors', [noAssociations('4', 'a "quoted" \\ message')]],
    ],
    order,
  );

/** HubSpot's error item for a contact without associations of the type (the answer's `errors`, status 207). */
function noAssociations(id: string, message = `No company is associated with contact ${id}.`) {
  return { status: 'error', category: 'OBJECT_NOT_FOUND', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND', message, context: { fromObjectId: [id], fromObjectType: ['contact'], toObjectType: ['company'] } };
}

describe('associations batch answer: read from its bytes', () => {
  it('gives what JSON.parse and a plain reading give, whatever the order and extra fields', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 6 }), fc.nat(), fc.boolean(), (results, order, pretty) => {
        const answer = answerOf(results, order);
        const text = pretty ? JSON.stringify(answer, null, 2) : JSON.stringify(answer);
        assert.deepEqual(actualOf(Buffer.from(text)), expectedOf(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('shares one frozen empty list of labels between links without any', () => {
    const answer = readAssociationAnswer(Buffer.from('{"results":[{"from":{"id":"1"},"to":[{"toObjectId":5,"associationTypes":[]},{"toObjectId":6}]}]}'), HOST, WHAT);
    assert.equal(answer.labels[0], answer.labels[1]);
    assert.ok(Object.isFrozen(answer.labels[0]));
  });

  it('says what is wrong with an answer it cannot read, naming the host', () => {
    const cases: [string, RegExp][] = [
      ['{"status":"COMPLETE"}', /api\.hubapi\.test answered a batch of contact → companies associations without a "results" array/],
      ['{"results":{}}', /without a "results" array/],
      ['[]', /without a "results" array/],
      ['{"results":[{"to":[]}]}', /association result without "from" and "to"/],
      ['{"results":[{"from":{"id":"1"}}]}', /association result without "from" and "to"/],
      ['{"results":[{"from":{"id":"1"},"to":{}}]}', /association result without "from" and "to"/],
      ['{"results":[{"from":{"id":"1"},"to":[{"toObjectId":null}]}]}', /association without "toObjectId"/],
      ['{"results":[{"from":{"id":"1"},"to":[{"associationTypes":[]}]}]}', /association without "toObjectId"/],
      ['{"results":[{"from":{"id":"1"},"to":[{"toObjectId":5}]}', /with something that is not JSON \(the end where "," or "]" was expected at byte 55\)/],
      ['', /with something that is not JSON/],
      ['<html>502</html>', /with something that is not JSON/],
    ];
    for (const [body, message] of cases) {
      assert.throws(() => readAssociationAnswer(Buffer.from(body), HOST, WHAT), (e: unknown) => e instanceof HubSpotAccountError && message.test(e.message), body);
    }
  });

  it('reads "no associations" errors as none, and any other error as a failure naming its category and message', () => {
    const results = [{ from: { id: '1' }, to: [{ toObjectId: 7, associationTypes: [] }] }];
    const none = readAssociationAnswer(Buffer.from(JSON.stringify({ status: 'COMPLETE', results, numErrors: 2, errors: [noAssociations('2'), noAssociations('3')] })), HOST, WHAT);
    assert.deepEqual([none.from, none.to], [['1'], ['7']]);
    const failing: [unknown, RegExp][] = [
      [[{ status: 'error', category: 'INTERNAL_ERROR', message: 'Something went wrong.' }], /api\.hubapi\.test answered a batch of contact → companies associations with an error other than "no associations": INTERNAL_ERROR: "Something went wrong\."; the contacts it names would otherwise show no associations\.$/],
      [[noAssociations('2'), { category: 'OBJECT_NOT_FOUND', subCategory: 'crm.objects.OBJECT_NOT_FOUND', message: 'Contact 3 was not found.' }, { category: 'RATE_LIMITS' }], /with 2 errors other than "no associations": OBJECT_NOT_FOUND \/ crm\.objects\.OBJECT_NOT_FOUND: "Contact 3 was not found\." \(and 1 more\)/],
      // The "no associations" words without their subCategory are not taken on trust: loud, not silent.
      [[{ category: 'OBJECT_NOT_FOUND', message: 'No company is associated with contact 2.' }], /an error other than "no associations": OBJECT_NOT_FOUND: "No company is associated with contact 2\."/],
      [['broken'], /an error other than "no associations": no category: no message/],
    ];
    for (const [errors, message] of failing) {
      const body = JSON.stringify({ status: 'COMPLETE', results, numErrors: 1, errors });
      assert.throws(() => readAssociationAnswer(Buffer.from(body), HOST, WHAT), (e: unknown) => e instanceof HubSpotAccountError && e.kind === 'server' && message.test(e.message), body);
    }
    // `errors` that is not a list names no error (as a reading of JSON.parse's objects would take it).
    assert.deepEqual(readAssociationAnswer(Buffer.from(JSON.stringify({ results, errors: {} })), HOST, WHAT).from, ['1']);
  });

  it('keeps the last of a key HubSpot would never write twice, as JSON.parse does', () => {
    const text = '{"results":[{"from":{"id":"9"},"to":[{"toObjectId":1}],"to":[{"toObjectId":2},{"toObjectId":3}]}]}';
    assert.deepEqual(actualOf(Buffer.from(text)), expectedOf(JSON.parse(text)));
  });
});
