import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { dataNeeds } from '../../../server/src/preview/hubspot/needs';
import { planForList } from '../../../server/src/preview/run-plan';

describe('preview: a list of the portal named in `in list "…"`', () => {
  const lists = parse('list "Webinar attendees" {\n  where in list "webinar REGISTRANTS" and email is known\n}\n').file.lists;

  it('is judged by its members, as `in list #id` is, when the portal\'s catalogue names it', () => {
    const schema = { ...defaultSchema(), lists: new Map([['webinar registrants', { listId: '3', name: 'Webinar registrants', processingType: 'MANUAL', objectTypeId: '0-1' }]]) };
    const plan = planForList(lists[0], { schema, lists, defaultTimezone: 'UTC' }, 0);
    assert.deepEqual(dataNeeds([plan]).listIds, ['3'], 'the live source loads that list\'s members');
  });

  it('without a catalogue, it cannot be judged, and says why', () => {
    const plan = planForList(lists[0], { schema: defaultSchema(), lists, defaultTimezone: 'UTC' }, 0);
    assert.deepEqual(dataNeeds([plan]).listIds, []);
    assert.match(JSON.stringify(plan), /there is no list named \\"webinar REGISTRANTS\\" in the workspace/);
  });
});
