// Every exchange with Salesforce ends in a result or a clear sentence: an answer cut short mid-body or
// never sent ends at the time limit, naming the host and what was being done (jsforce alone would wait
// up to 30 minutes).

import { strict as assert } from 'node:assert';
import { connectSalesforce } from '../../../server/src/salesforce/connect';
import { SalesforceError } from '../../../server/src/salesforce/errors';
import type { SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import { FIXED_TOKEN, startOrg } from './support';

describe('Salesforce: answers cut short or never sent', function () {
  this.timeout(30_000);
  let org: SalesforceEmulator;
  before(async () => (org = await startOrg()));
  after(async () => org.stop());
  afterEach(() => org.state.faults.clear());
  const connect = () => connectSalesforce({ instanceUrl: org.url, accessToken: FIXED_TOKEN, timeoutMs: 1000, retry: { maxRetries: 0 } });

  const cases = [
    // jsforce notices a body cut short itself (the connection closed mid-answer).
    ['cut short', (o: SalesforceEmulator) => o.state.faults.truncateNext(5), (url: string) => `Could not reach Salesforce at ${url} (connection reset) while counting Lead.`],
    ['never sent', (o: SalesforceEmulator) => o.state.faults.holdNext(5), (url: string) => `Salesforce at ${url} did not finish answering counting Lead within 1 s.`],
  ] as const;
  for (const [fault, arm, sentence] of cases) {
    it(`an answer ${fault}: a SalesforceError naming the host and the query, at once or at the time limit`, async () => {
      const salesforce = await connect();
      arm(org);
      const started = Date.now();
      const error = await salesforce.countWhere('Lead').then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof SalesforceError, String(error));
      assert.equal(error.message, sentence(org.url));
      assert.ok(Date.now() - started < 5000);
      org.state.faults.clear();
      assert.ok((await salesforce.countWhere('Lead')) > 0, 'the next call works');
    });
  }
});
