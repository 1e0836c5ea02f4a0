// The editor's sync figures wait for the contact data to hold the properties the sync block maps: a live
// load reads only the properties asked for, and simulating without one would make every contact blank
// there (lead creates failing on a required field), a wrong count shown as if right.
import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { mappingsByObject } from '../../../server/src/sync/mappings';
import { propertiesNotLoaded } from '../../../server/src/sync/run';
import { syncSettingsOf } from '../../../server/src/sync/settings';

const schema = defaultSchema();
const sync = parse('sync salesforce {\n  inclusion list: "A"\n  hubspot creates in salesforce: lead\n  map jobtitle to Title: two way\n  map not_a_property to Foo__c: two way\n}\n').file.syncBlocks[0];
const mappings = mappingsByObject(syncSettingsOf(sync), schema, undefined);

describe('sync: the mapped properties the loaded contact data lacks', () => {
  it('names the explicit and default mappings\' properties with no column, and nothing once all are loaded', () => {
    const loadedForTheListOnly = new Map([['email', {}]]);
    const missing = propertiesNotLoaded(mappings, loadedForTheListOnly);
    assert.ok(missing.includes('jobtitle') && missing.includes('lastname') && missing.includes('company'), missing.join(', '));
    assert.ok(!missing.includes('not_a_property'), 'a property the portal does not have is the checker\'s to report, not a load to wait for');
    const all = new Map([...mappings.Lead, ...mappings.Contact].map((m) => [m.property, {}]));
    assert.deepEqual(propertiesNotLoaded(mappings, all), []);
  });
});
