import { strict as assert } from 'node:assert';
import { apiPaths, withQuery } from '../../../server/src/hubspot/account/paths';

describe('HubSpot account: every path in one place, switched by API version', () => {
  it('v3 paths', () => {
    const p = apiPaths('v3');
    assert.equal(p.list('12'), '/crm/v3/lists/12');
    assert.equal(p.listByName('0-1', 'A/B list'), '/crm/v3/lists/object-type-id/0-1/name/A%2FB%20list');
    assert.equal(p.folders(), '/crm/v3/lists/folders');
    assert.equal(p.objects('contacts'), '/crm/v3/objects/contacts');
    assert.equal(p.associationsBatchRead('contacts', 'companies'), '/crm/v4/associations/contacts/companies/batch/read');
    assert.equal(p.properties('contacts'), '/crm/v3/properties/contacts');
    assert.equal(p.property('contacts', 'sf region'), '/crm/v3/properties/contacts/sf%20region');
    assert.equal(p.accountDetails(), '/account-info/v3/details');
    assert.equal(p.owners(), '/crm/v3/owners');
    assert.equal(p.forms(), '/marketing/v3/forms');
    assert.equal(p.landingPages(), '/cms/v3/pages/landing-pages');
    assert.equal(p.sitePages(), '/cms/v3/pages/site-pages');
    assert.equal(p.subscriptionStatusesBatchRead(), '/communication-preferences/v4/statuses/batch/read', 'v3 has no batch read: v4 is the legacy one');
    assert.equal(p.unsubscribeAllStatusesBatchRead(), '/communication-preferences/v4/statuses/batch/unsubscribe-all/read');
    assert.equal(p.subscriptionDefinitions(), '/communication-preferences/v4/definitions', 'v4 answers {results}, as the dated versions do');
    assert.equal(p.exportStart(), '/crm/v3/exports/export/async');
    assert.equal(p.exportStatus('77'), '/crm/v3/exports/export/async/tasks/77/status');
    assert.equal(p.exportById('77'), '/crm/v3/exports/export/77');
  });

  it('date-based paths put the version after the API family', () => {
    const p = apiPaths('2026-09');
    assert.equal(p.listFilters('12'), '/crm/lists/2026-09/12/update-list-filters');
    assert.equal(p.objectsSearch('contacts'), '/crm/objects/2026-09/contacts/search');
    assert.equal(p.associationsBatchRead('contacts', 'companies'), '/crm/associations/2026-09/contacts/companies/batch/read');
    assert.equal(p.properties('companies'), '/crm/properties/2026-09/companies');
    assert.equal(p.property('contacts', 'sf_region'), '/crm/properties/2026-09/contacts/sf_region');
    assert.equal(p.accountDetails(), '/account-info/2026-09/details');
    assert.equal(p.owners(), '/crm/owners/2026-09');
    assert.equal(p.forms(), '/marketing/forms/2026-09-beta', 'HubSpot publishes Forms under 2026-09 only as a beta');
    assert.equal(p.sitePages(), '/cms/pages/2026-03/site-pages', 'CMS Pages has no dated version after 2026-03 yet');
    assert.equal(apiPaths('2026-03').landingPages(), '/cms/pages/2026-03/landing-pages');
    assert.equal(p.subscriptionStatusesBatchRead(), '/communication-preferences/2026-09/statuses/batch/read');
    assert.equal(p.subscriptionDefinitions(), '/communication-preferences/2026-09/definitions');
    assert.equal(p.exportStart(), '/crm/exports/2026-09/export/async');
    assert.equal(p.exportStatus('77'), '/crm/exports/2026-09/export/async/tasks/77/status');
    assert.equal(p.exportById('77'), '/crm/exports/2026-09/export/77');
    assert.throws(() => apiPaths('v4'), /Unknown HubSpot API version "v4"/);
  });

  it('query strings repeat array parameters and leave out undefined ones', () => {
    assert.equal(withQuery('/x', { listIds: ['1', '2'], includeFilters: true, after: undefined }), '/x?listIds=1&listIds=2&includeFilters=true');
    assert.equal(withQuery('/x', {}), '/x');
  });
});
