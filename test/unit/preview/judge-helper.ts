// Runs one criterion (written in the language) against hand-written contacts with the reference
// interpreter, and checks the fast evaluator agrees on every one of them.

import { strict as assert } from 'node:assert';
import type { ListNode } from '@hslist/grammar';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { associatedDefs, buildStore } from '../../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import { hasBit } from '../../../server/src/preview/bitset';
import type { ContactRecord, Tri } from '../../../server/src/preview/types';
import type { MembersByList } from '../../../server/src/preview/members';
import { listOf, testSchema } from './lists';

export const NOW = Date.parse('2024-06-15T12:00:00Z'); // a Saturday

export interface JudgeOptions {
  timezone?: string;
  /** The other lists of the workspace (for `in list "Name"`). */
  lists?: ListNode[];
  /** Members of the static ones among them, by lowercased name. */
  members?: MembersByList;
}

/** The reference result for each contact (after checking the compiled evaluator gives the same). */
export function judgeAll(where: string, contacts: ContactRecord[], options: JudgeOptions = {}): Tri[] {
  const schema = testSchema();
  const lists = new Map((options.lists ?? []).map((l) => [l.name.text, l]));
  const plan = planList(listOf(where, options.timezone), { schema, now: NOW, lists, members: options.members });
  const expected = contacts.map((c) => evaluateContact(plan, c));
  const store = buildStore(contacts, [...schema.objects.contacts.values()], [...schema.objects.companies.values()], associatedDefs(schema));
  const { lo, hi } = new CompiledEvaluator(store).rows(plan);
  const compiled = contacts.map((_, r): Tri => (hasBit(lo, r) ? true : hasBit(hi, r) ? 'unknown' : false));
  assert.deepEqual(compiled, expected, 'the compiled evaluator disagrees with the reference interpreter');
  return expected;
}

let nextId = 1;

/** A contact with these property values (strings, as the API gives them). */
export function contact(properties: Record<string, string | null>, extras: Partial<ContactRecord> = {}): ContactRecord {
  return { id: String(nextId++), properties, ...extras };
}

/** Which of `values` for `property` match the criterion: e.g. matching('country is "Poland"', 'country', ['Poland', ...]). */
export function matching(where: string, propertyName: string, values: (string | null)[], options: JudgeOptions = {}): (string | null)[] {
  const contacts = values.map((v) => contact({ [propertyName]: v }));
  const results = judgeAll(where, contacts, options);
  return values.filter((_, i) => results[i] === true);
}
