import { strict as assert } from 'node:assert';
import { lineDiff } from '../../../server/src/publish/line-diff';

describe('publish: the drift diff', () => {
  it('keeps common lines and marks what the files and HubSpot have alone', () => {
    const files = 'list "A" {\n  where email is known\n    and country is "Poland"\n}\n';
    const hubspot = 'list "A" {\n  where email is known\n    and country is "Germany"\n}\n';
    assert.equal(lineDiff(files, hubspot, { before: 'a.hslist:1', after: 'HubSpot #3' }), [
      '--- a.hslist:1', '+++ HubSpot #3', '  list "A" {', '    where email is known', '-     and country is "Poland"', '+     and country is "Germany"', '  }',
    ].join('\n'));
  });
});
