// `hslist sandbox` as a user runs it: a child process on ports chosen at start, reached with the real
// HubSpot and Salesforce clients at the URLs it prints, then stopped with SIGTERM.

import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { connectSalesforce } from '../../../server/src/salesforce/connect';
import { runCli } from '../../../server/src/cli/main';
import { workspace } from './cli-support';

const ROOT = join(__dirname, '..', '..', '..');
// `node -e` drops nothing from argv but runCliProcess reads argv from index 2: put a name in front.
const ENTRY = "process.argv.splice(1, 0, 'hslist'); require('./server/src/cli/main').runCliProcess();";

function startChild(...argv: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', './test/support/register-ts.cjs', '-e', ENTRY, 'sandbox', ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function untilPrinted(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes(marker)) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited early with ${code}: ${out}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/** Today's UTC date, and yesterday's in case the child started before midnight. */
function utcDays(): string[] {
  const now = Date.now();
  return [now, now - 86_400_000].map((ms) => new Date(ms).toISOString().slice(0, 10));
}

function printed(banner: string, name: string): string {
  const value = new RegExp(`export ${name}=(\\S+)`).exec(banner)?.[1];
  assert.ok(value, `${name} is printed`);
  return value;
}

describe('hslist sandbox', function () {
  this.timeout(60_000);
  let child: ChildProcess | undefined;

  afterEach(() => {
    // Never leave a process behind, even when an assertion failed half way.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('prints where both emulators are and what to paste, serves the real clients, stops on SIGTERM with exit 0', async () => {
    child = startChild('--port-hubspot', '0', '--port-salesforce', '0', '--seed', '11', '--contacts', '200');
    const exited = exitOf(child);
    const banner = await untilPrinted(child, 'Press Ctrl-C to stop.');
    const hubspotUrl = printed(banner, 'HSLIST_HUBSPOT_BASE_URL');
    const salesforceUrl = printed(banner, 'HSLIST_SF_INSTANCE_URL');
    assert.match(banner, new RegExp(`"hslist\\.hubspot\\.baseUrl": "${hubspotUrl}"`));
    assert.match(banner, new RegExp(`"hslist\\.salesforce\\.instanceUrl": "${salesforceUrl}"`));
    // The base URL goes with the token: the client binds the token to it (a sandbox token to loopback only).
    assert.match(banner, new RegExp(`Connect HubSpot account\\s+base URL\\s+${hubspotUrl}\\s+token\\s+hslist-sandbox-\\S+`));
    assert.match(banner, /Connect Salesforce org\s+instance URL/);

    const hubspot = createHubSpotAccount({ accessToken: printed(banner, 'HSLIST_HUBSPOT_TOKEN'), basePath: hubspotUrl, throttle: false });
    const emails: string[] = [];
    for await (const page of hubspot.pageContacts(['email'])) emails.push(...page.flatMap((c) => (c.properties.email ? [c.properties.email] : [])));
    assert.ok(emails.length > 150, `${emails.length} contacts with email`);
    const org = await connectSalesforce({ instanceUrl: salesforceUrl, accessToken: printed(banner, 'HSLIST_SF_ACCESS_TOKEN') });
    const shared = [...(await org.findByEmails('Lead', emails)), ...(await org.findByEmails('Contact', emails))];
    assert.ok(shared.length > 20, `the org overlaps the portal by email (${shared.length} records)`);

    // Seeded relative to today: a relative date finds contacts without pretending it is another day (--now).
    assert.match(banner, new RegExp(`\\(200 contacts, dated over the ten years up to today, (${utcDays().join('|')}) UTC\\)`));
    const root = workspace({ 'hslist.json': '{}\n', 'recent.hslist': 'list "Recent" {\n  where createdate is in last 6 weeks\n}\n' });
    const env = Object.fromEntries(['HSLIST_HUBSPOT_BASE_URL', 'HSLIST_HUBSPOT_TOKEN'].map((name) => [name, printed(banner, name)]));
    let out = '';
    const previewed = await runCli(['preview', 'recent.hslist', '--data', 'hubspot'], { cwd: root, out: (t) => (out += t), err: () => undefined, env });
    assert.equal(previewed, 0, out);
    const recent = Number(/^Recent: (\d+) of 200 contacts$/m.exec(out)?.[1]);
    assert.ok(recent > 0, `contacts created in the last 6 weeks: ${out}`);

    child.kill('SIGTERM');
    const { code, stderr } = await exited;
    assert.equal(code, 0);
    assert.match(stderr, /SIGTERM received, emulators stopped/);
  });

  it('bad flags are usage errors (exit 2) and start nothing', async () => {
    for (const argv of [['--seed', 'abc'], ['--port-hubspot', '70000'], ['--contacts', '-1'], ['--nope'], ['extra']]) {
      let err = '';
      const code = await runCli(['sandbox', ...argv], { cwd: ROOT, out: () => undefined, err: (t) => (err += t), env: {} });
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /^hslist sandbox: /);
    }
  });
});
