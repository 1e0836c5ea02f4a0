// Form submissions with counts and windows, end to end over the wire: .hslist text compiled, created
// through the account layer (the real SDK) in the HubSpot emulator, and its members compared with the
// seeded contacts' submissions counted here by hand, as docs/language.md § Counts and windows says.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import { WEBINAR_FORM_ID } from '../../../server/src/sandbox/data/hubspot-portal';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';
import { startHarness, type Harness } from './support';

/** The submissions of contact `c` (of `form` when given) strictly after / before, or inclusive between, instants. */
function submissions(c: PortalContact, form: string | undefined, inWindow: (at: number) => boolean): number {
  return (c.formSubmissions ?? []).filter((s) => (form === undefined || s.formId === form) && inWindow(Date.parse(s.timestamp))).length;
}

describe('HubSpot emulator ↔ account layer: form submissions with counts and windows', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ processingDelayMs: 0 })));
  after(async () => h.emulator.stop());

  /** Creates the list from its criteria (zone Europe/Warsaw) and returns its members' ids. */
  async function members(name: string, where: string): Promise<string[]> {
    const { file } = parse(`list "${name}" {\n  timezone: "Europe/Warsaw"\n  where ${where}\n}\n`);
    const compiled = compileList(file.lists[0], { schema: defaultSchema(), listIdFor: () => undefined, defaultTimezone: 'UTC' });
    assert.ok(compiled.request, JSON.stringify(compiled.diagnostics));
    // The account layer takes the branch as plain JSON, as publish hands it over (publish/desired.ts).
    const { filterBranch, ...rest } = compiled.request;
    const created = await h.account.createList({ ...rest, filterBranch: filterBranch as unknown as Record<string, unknown> });
    return (await h.account.listMemberships(created.listId)).map((m) => m.recordId).sort();
  }

  const contacts = () => [...h.emulator.state.contacts.values()];
  const expected = (keep: (c: PortalContact) => boolean) => contacts().filter(keep).map((c) => c.id).sort();

  it('a count, a window, and both: the members HubSpot\'s reading gives (window first, then at least one and the count)', async () => {
    const start2025 = Date.parse('2024-12-31T23:00:00Z'); // 2025-01-01 00:00 in Warsaw
    const cases: [string, (c: PortalContact) => boolean][] = [
      ['submitted any form at least 2 times', (c) => submissions(c, undefined, () => true) >= 2],
      [`submitted form "${WEBINAR_FORM_ID}" at most 1 times`, (c) => submissions(c, WEBINAR_FORM_ID, () => true) === 1],
      ['submitted any form after 2024-12-31', (c) => submissions(c, undefined, (t) => t > start2025 - 1) >= 1],
      ['submitted any form between 1 and 1 times before 2025-01-01', (c) => submissions(c, undefined, (t) => t < start2025) === 1],
      ['not submitted any form between 2024-01-01 and 2024-12-31', (c) => submissions(c, undefined, (t) => t >= Date.parse('2023-12-31T23:00:00Z') && t <= start2025 - 1) === 0],
    ];
    for (const [where, keep] of cases) {
      const want = expected(keep);
      assert.ok(want.length > 0 && want.length < contacts().length, `the seeded portal tells "${where}" apart (${want.length} of ${contacts().length})`);
      assert.deepEqual(await members(where.slice(0, 40), where), want, where);
    }
  });
});
