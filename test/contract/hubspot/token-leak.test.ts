import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { pullHubSpotSchema } from '../../../server/src/hubspot/account/pull-schema';
import { redact } from '../../../server/src/hubspot/account/redact';
import { startHubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { LEADS_OR_POLAND } from './support';

const SECRET = 'pat-na1-9f3e6b1c-SECRET-7d2a';
const WRONG = 'pat-na1-0000-WRONG-SECRET-1111';

/** Everything written to stdout/stderr while `work` runs (anything the SDK or hslist might log). */
async function captureOutput(work: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: unknown): boolean => {
    chunks.push(String(chunk));
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return chunks.join('');
}

describe('the HubSpot token never appears in logs, messages or files', () => {
  it('scans a whole run: output, error messages, the request log and the pulled schema', async () => {
    const emulator = await startHubSpotEmulator({ seed: 5, contacts: 40, tokens: [SECRET] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hslist-leak-'));
    const messages: string[] = [];
    const account = createHubSpotAccount({ accessToken: SECRET, basePath: emulator.url, numberOfApiCallRetries: 3, throttle: false });
    const output = await captureOutput(async () => {
      const list = await account.createList({ name: 'Leak check', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: LEADS_OR_POLAND });
      await account.listMemberships(list.listId);
      await pullHubSpotSchema(account, dir);
      emulator.faults.add({ type: 'status', status: 500, count: 3 });
      for (const failing of [
        () => account.getProperties('contacts'),
        () => createHubSpotAccount({ accessToken: WRONG, basePath: emulator.url, numberOfApiCallRetries: 3, throttle: false }).getList('1'),
        () => account.updateListFilters(list.listId, { filterBranchType: 'AND' }),
      ]) {
        try {
          await failing();
        } catch (error) {
          messages.push(String(error), (error as Error).stack ?? '', JSON.stringify(error));
        }
      }
    });
    const log = JSON.stringify(emulator.requests) + (await (await fetch(`${emulator.url}/__emulator/requests`)).text());
    const files = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    await emulator.stop();
    fs.rmSync(dir, { recursive: true });
    assert.equal(messages.length, 9, 'three failures, each checked as text, stack and JSON');
    assert.ok(messages.some((m) => m.includes('HubSpot said 500')), 'the failures carry HubSpot\'s answer');
    assert.ok(log.includes('/crm/v3/lists') && files.includes('lifecyclestage'), 'the scanned material is real');
    for (const [what, text] of Object.entries({ output, messages: messages.join('\n'), log, files })) {
      assert.ok(!text.includes(SECRET), `the token leaked into ${what}`);
      assert.ok(!text.includes(WRONG), `the wrong token leaked into ${what}`);
    }
  });

  it('redact replaces every registered token with ***', () => {
    createHubSpotAccount({ accessToken: 'redact-me-please', basePath: 'http://127.0.0.1:9', throttle: false, numberOfApiCallRetries: 3 });
    assert.equal(redact('Bearer redact-me-please and redact-me-please'), 'Bearer *** and ***');
    assert.equal(redact('x=abc', ['abc']), 'x=***');
  });
});
