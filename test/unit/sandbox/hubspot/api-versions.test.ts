import { strict as assert } from 'node:assert';
import { canonicalPath } from '../../../../server/src/sandbox/hubspot/api-versions';

describe('HubSpot emulator: date-based API paths map to the v3/v4 route table', () => {
  const cases: [string, string][] = [
    ['/crm/lists/2026-09', '/crm/v3/lists'],
    ['/crm/lists/2026-09/', '/crm/v3/lists/'],
    ['/crm/lists/2026-03/12/memberships/join-order', '/crm/v3/lists/12/memberships/join-order'],
    ['/crm/lists/2026-09/folders/move-list', '/crm/v3/lists/folders/move-list'],
    ['/crm/objects/2026-09/contacts', '/crm/v3/objects/contacts'],
    ['/crm/objects/2026-09/contacts/search', '/crm/v3/objects/contacts/search'],
    ['/crm/objects/2026-03/companies/batch/read', '/crm/v3/objects/companies/batch/read'],
    ['/crm/properties/2026-09/contacts/email', '/crm/v3/properties/contacts/email'],
    ['/crm/associations/2026-09/contacts/companies/batch/read', '/crm/v4/associations/contacts/companies/batch/read'],
    ['/account-info/2026-09/details', '/account-info/v3/details'],
    ['/account-info/2026-03/details', '/account-info/v3/details'],
    // One record's associations: v4, and only the 2026-03 spec has it.
    ['/crm/objects/2026-03/contacts/7/associations/companies', '/crm/v4/objects/contacts/7/associations/companies'],
    ['/crm/objects/2026-09/contacts/7/associations/companies', '/crm/v3/objects/contacts/7/associations/companies'],
  ];
  for (const [dated, canonical] of cases) it(`${dated} → ${canonical}`, () => assert.equal(canonicalPath(dated), canonical));

  it('leaves v3/v4 paths, unknown versions and look-alike prefixes unchanged', () => {
    for (const path of ['/crm/v3/lists/1', '/crm/v4/associations/contacts/companies/batch/read', '/crm/lists/2025-01/1', '/crm/lists/2026-09x', '/crm/lists/2026-09-beta/1']) {
      assert.equal(canonicalPath(path), path);
    }
  });
});
