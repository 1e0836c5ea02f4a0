// `hslist schema pull`, run as a user runs it (a child process with credentials in its environment), must
// never put a token, password, security token or client secret into its output, the files it writes, or
// what the services were sent outside the Authorization header (the emulators' request logs omit it).

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';

const ROOT = join(__dirname, '..', '..', '..');
// `node -e` leaves argv without a script name; runCliProcess reads from index 2.
const ENTRY = `process.argv.splice(1, 0, 'hslist'); require(${JSON.stringify(join(ROOT, 'server/src/cli/main'))}).runCliProcess();`;

const HUBSPOT_TOKEN = 'pat-na1-Distinct-HS-7c1e55aa90';
const WRONG_HUBSPOT_TOKEN = 'pat-na1-Wrong-HS-3b9f0d12';
const SALESFORCE_TOKEN = '00DFixedDistinct!SFtoken-91aa7e';
const PASSWORD = 'Distinct-Pa55-word-k2';
const SECURITY_TOKEN = 'SecTokDistinct4471';
const CLIENT_SECRET = 'ClientSecretDistinct-0e8d';
const WRONG_PASSWORD = 'Wrong-Pa55-Distinct-z9';
const USER = { username: 'secrets@hslist.example', password: PASSWORD, securityToken: SECURITY_TOKEN };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function schemaPull(cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/register-ts.cjs'), '-e', ENTRY, 'schema', 'pull'], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function leaks(texts: Record<string, string>, secrets: string[]): string[] {
  return Object.entries(texts).flatMap(([where, text]) => secrets.filter((s) => text.includes(s)).map((s) => `"${s}" in ${where}`));
}

describe('accounts: no secret leaves hslist schema pull', function () {
  this.timeout(60_000);
  let hubspot: HubSpotEmulator;
  let salesforce: SalesforceEmulator;
  let dir: string;

  before(async () => {
    hubspot = await startHubSpotEmulator({ seed: 4, contacts: 30, tokens: [HUBSPOT_TOKEN] });
    salesforce = await startSalesforceEmulator({ seed: 4, org: { hubspotCount: 50 }, users: [USER], clientId: 'secrets-client', clientSecret: CLIENT_SECRET, accessToken: SALESFORCE_TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'hslist-secrets-'));
  });
  after(async () => {
    await Promise.all([hubspot.stop(), salesforce.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the scan finds a secret where there is one', () => {
    assert.deepEqual(leaks({ planted: `token ${HUBSPOT_TOKEN}` }, [HUBSPOT_TOKEN]), [`"${HUBSPOT_TOKEN}" in planted`]);
  });

  it('successful pulls (token and password logins) and failed ones: output, files and request logs are clean', async () => {
    const hubspotEnv = { HSLIST_HUBSPOT_TOKEN: HUBSPOT_TOKEN, HSLIST_HUBSPOT_BASE_URL: hubspot.url };
    const tokenLogin = { HSLIST_SF_INSTANCE_URL: salesforce.url, HSLIST_SF_ACCESS_TOKEN: SALESFORCE_TOKEN };
    const passwordLogin = {
      HSLIST_SF_LOGIN_URL: salesforce.url, HSLIST_SF_CLIENT_ID: 'secrets-client', HSLIST_SF_CLIENT_SECRET: CLIENT_SECRET,
      HSLIST_SF_USERNAME: USER.username, HSLIST_SF_PASSWORD: PASSWORD + SECURITY_TOKEN,
    };
    const runs: Record<string, Run> = {};
    runs.tokens = await schemaPull(dir, { ...hubspotEnv, ...tokenLogin });
    runs.password = await schemaPull(dir, { ...hubspotEnv, ...passwordLogin });
    runs.failures = await schemaPull(dir, { ...hubspotEnv, HSLIST_HUBSPOT_TOKEN: WRONG_HUBSPOT_TOKEN, ...passwordLogin, HSLIST_SF_PASSWORD: WRONG_PASSWORD });
    // Every attempt fails, so the SDK's retry logging runs too.
    hubspot.faults.add({ type: 'status', status: 500, count: 3, path: '/crm/v3/properties/contacts' });
    runs.serverError = await schemaPull(dir, hubspotEnv);

    assert.deepEqual([runs.tokens.code, runs.password.code, runs.failures.code, runs.serverError.code], [0, 0, 1, 1]);
    assert.match(runs.failures.stderr, /HubSpot said 401/);
    assert.match(runs.failures.stderr, /Salesforce said 400 invalid_grant/);
    assert.match(runs.serverError.stderr, /HubSpot said 500/);
    const files = filesUnder(dir);
    assert.equal(files.length, 13, files.join(', '));
    const texts: Record<string, string> = {
      'the HubSpot request log': JSON.stringify(hubspot.requests),
      'the Salesforce request log': JSON.stringify(salesforce.state.requestLog),
    };
    for (const [name, run] of Object.entries(runs)) Object.assign(texts, { [`${name} stdout`]: run.stdout, [`${name} stderr`]: run.stderr });
    for (const file of files) texts[file] = readFileSync(file, 'utf8');
    assert.ok(texts['the HubSpot request log'].includes('/crm/v3/properties/companies') && salesforce.state.requestLog.length > 0, 'the logs are real');
    const secrets = [HUBSPOT_TOKEN, WRONG_HUBSPOT_TOKEN, SALESFORCE_TOKEN, PASSWORD, SECURITY_TOKEN, CLIENT_SECRET, WRONG_PASSWORD, ...salesforce.state.tokens];
    assert.deepEqual(leaks(texts, secrets), []);
  });
});
