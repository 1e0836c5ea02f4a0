// Every exchange with HubSpot ends in a result or a clear error: the commands that call HubSpot, against
// answers cut short, answers never sent, and pages of the wrong shape. Never "nothing printed, exit 0".

import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';

const TOKEN = 'pat-na1-cli-faults-3c9a';
const LIST = 'list "Leads" {\n  where lifecyclestage is lead\n}\n';

async function hslist(cwd: string, env: NodeJS.ProcessEnv, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

describe('HubSpot faults seen by the commands: truncated, held, malformed', function () {
  this.timeout(60_000);
  let emulator: HubSpotEmulator;
  let env: NodeJS.ProcessEnv;
  let root: string;
  before(async () => {
    emulator = await startHubSpotEmulator({ seed: 4, contacts: 120, tokens: [TOKEN], processingDelayMs: 0 });
    env = { HSLIST_HUBSPOT_TOKEN: TOKEN, HSLIST_HUBSPOT_BASE_URL: emulator.url, HSLIST_HUBSPOT_TIMEOUT_SECONDS: '1' };
    root = mkdtempSync(join(tmpdir(), 'hslist-cli-faults-'));
    writeFileSync(join(root, 'hslist.json'), '{}\n');
    writeFileSync(join(root, 'lists.hslist'), LIST);
  });
  after(async () => emulator.stop());
  afterEach(() => emulator.faults.clear());

  it('schema pull: a body cut short is an error naming the request, exit 1, and no schema is written', async () => {
    emulator.faults.add({ type: 'truncate', bytes: 10, path: '/crm/v3/properties/contacts', count: 3 });
    const run = await hslist(root, env, 'schema', 'pull');
    assert.equal(run.code, 1, run.out);
    assert.match(run.err, /HubSpot schema not pulled: HubSpot at 127\.0\.0\.1:\d+ broke off its answer to GET \/crm\/v3\/properties\/contacts: 10 of [\d,]+ bytes arrived(, then nothing for 1 s)?\./);
  });

  it('schema pull: an answer never sent times out with the request named, exit 1', async () => {
    emulator.faults.add({ type: 'hold', path: '/crm/v3/properties/contacts', count: 3 });
    const started = Date.now();
    const run = await hslist(root, env, 'schema', 'pull');
    assert.equal(run.code, 1);
    assert.match(run.err, /HubSpot at 127\.0\.0\.1:\d+ did not answer GET \/crm\/v3\/properties\/contacts within 1 s\./);
    assert.ok(Date.now() - started < 15_000, 'three attempts of a second each, then the error');
  });

  it('preview --data hubspot: a page of contacts cut short, held, or of the wrong shape is exit 1 with the reason, never a short count', async () => {
    for (const fault of [
      { type: 'truncate' as const, bytes: 25, path: '/crm/v3/objects/contacts$', count: 3 },
      { type: 'hold' as const, path: '/crm/v3/objects/contacts$', count: 3 },
      { type: 'body' as const, json: { results: [{ id: null, properties: 5 }, 'x'] }, path: '/crm/v3/objects/contacts$', count: 3 },
    ]) {
      emulator.faults.clear();
      emulator.faults.add(fault);
      const run = await hslist(root, env, 'preview', 'lists.hslist', '--data', 'hubspot');
      assert.equal(run.code, 1, `${fault.type}: ${run.out}`);
      assert.equal(run.out, '', `${fault.type}: no count is printed`);
      assert.match(run.err, fault.type === 'body' ? /sent a page of contacts \(result 1\) that is not a record with an id and properties/ : fault.type === 'hold' ? /did not answer GET \/crm\/v3\/objects\/contacts within 1 s/ : /broke off its answer to GET \/crm\/v3\/objects\/contacts/, fault.type);
    }
  });
});
