// `hslist sync-plan` end to end against both emulators, as a user runs it: schema pull, then the plan from
// the live portal (SDK) and the org (jsforce), its SOQL counted in the org; and the same plan from an export
// of the org's records gives the same figures.

import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/sandbox';
import { workspace } from '../../unit/cli/cli-support';

const TEXT = `list "Titled" {
  where email is known
    and jobtitle is known
    and (country is "United States" or annualrevenue >= 1000000)
}

sync salesforce {
  inclusion list: "Titled"
  salesforce creates hubspot contacts: yes
  hubspot creates in salesforce: lead
  map jobtitle to Title: two way
  map annualrevenue to AnnualRevenue: prefer salesforce unless blank
}
`;

async function hslist(cwd: string, env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

/** The sandbox's clock and the CLI's `--now`: the seeded data and the relative dates are judged as of one fixed day. */
const NOW = '2026-01-15T12:00:00Z';

describe('hslist sync-plan against the emulators', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let root: string;

  before(async () => {
    sandbox = await startSandbox({ seed: 9, contacts: 400, clock: () => Date.parse(NOW) });
    root = workspace({ 'hslist.json': '{}\n', 'sync.hslist': TEXT });
    const pulled = await hslist(root, sandbox.env, 'schema', 'pull');
    assert.equal(pulled.code, 0, pulled.err);
  });

  after(() => sandbox?.stop());

  it('plans from the live portal and the org; the Lead SOQL counted in Salesforce equals the simulator', async () => {
    const run = await hslist(root, sandbox.env, 'sync-plan', '--data', 'hubspot', '--salesforce', 'org', '--json', '--now', NOW);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /^HubSpot: http:\/\/127\.0\.0\.1:\d+$/m);
    assert.match(run.err, /^Salesforce: http:\/\/127\.0\.0\.1:\d+$/m);
    const report = JSON.parse(run.out);
    const lead = report.soql.find((l: { object: string }) => l.object === 'Lead');
    assert.ok(lead.query.startsWith('SELECT COUNT() FROM Lead WHERE '), lead.error);
    assert.ok(lead.simulated > 0);
    assert.equal(lead.counted, lead.simulated);
    assert.match(report.soql.find((l: { object: string }) => l.object === 'Contact').error, /annualrevenue/);
  });

  it('an export of the same records gives the same plan as the org', async () => {
    const rows = [...sandbox.salesforce.state.tables.Lead, ...sandbox.salesforce.state.tables.Contact];
    writeFileSync(join(root, 'records.ndjson'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const fromOrg = JSON.parse((await hslist(root, sandbox.env, 'sync-plan', '--data', 'hubspot', '--salesforce', 'org', '--json', '--now', NOW)).out);
    const fromFile = JSON.parse((await hslist(root, sandbox.env, 'sync-plan', '--data', 'hubspot', '--salesforce', 'records.ndjson', '--json', '--now', NOW)).out);
    const figures = (r: { contacts: { outcomes: { count: number }[] }; salesforce: { outcomes: { count: number }[] }; writes: unknown[] }) => [r.contacts.outcomes.map((o) => o.count), r.salesforce.outcomes.map((o) => o.count), r.writes];
    assert.deepEqual(figures(fromFile), figures(fromOrg));
  });
});
