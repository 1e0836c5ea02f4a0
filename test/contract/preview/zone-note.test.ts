// `hslist preview --data hubspot` notes a portal time zone other than the one the lists are read in only
// when nobody chose that zone: hslist.json without "timezone" (UTC by default). A zone set there is the
// user's decision and gets no advice to set it.

import { strict as assert } from 'node:assert';
import { runCli } from '../../../server/src/cli/main';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { workspace } from '../../unit/cli/cli-support';
import { START, TOKEN } from './support';

const LIST = 'list "Recent" {\n  where createdate is after 2025-06-01\n}\n';

describe('hslist preview: the time-zone note', function () {
  this.timeout(30_000);
  let emulator: HubSpotEmulator;
  before(async () => {
    emulator = await startHubSpotEmulator({ seed: 5, contacts: 40, tokens: [TOKEN], clock: () => START, timeZone: 'US/Eastern', processingDelayMs: 0 });
  });
  after(() => emulator.stop());

  const preview = async (config: string) => {
    const root = workspace({ 'hslist.json': config, 'recent.hslist': LIST });
    let out = '';
    let err = '';
    const env = { HSLIST_HUBSPOT_TOKEN: TOKEN, HSLIST_HUBSPOT_BASE_URL: emulator.url };
    const code = await runCli(['preview', 'recent.hslist', '--data', 'hubspot'], { cwd: root, out: (t) => (out += t), err: (t) => (err += t), env });
    assert.equal(code, 0, err);
    return out;
  };

  it('says which zone to set when hslist.json names none', async () => {
    const out = await preview('{}\n');
    assert.match(out, /^ {2}note: The portal's time zone is US\/Eastern; lists without `timezone:` are compiled and previewed in UTC, as hslist\.json names no "timezone"\. Set "timezone": "US\/Eastern" there to read dates in the portal's zone\.$/m);
  });

  it('says nothing when hslist.json names a zone, even another than the portal\'s', async () => {
    for (const zone of ['Europe/Warsaw', 'UTC']) {
      const out = await preview(`{ "timezone": "${zone}" }\n`);
      assert.match(out, /^Recent: \d+ of 40 contacts$/m);
      assert.doesNotMatch(out, /note:/, zone);
    }
  });
});
