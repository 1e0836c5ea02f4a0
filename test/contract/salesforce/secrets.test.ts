// A whole run of the account layer — logins, reads, a schema pull and every kind of failure — must never
// put a token, password or client secret into a log line, an error message or a written file.

import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSalesforce, pullSalesforceSchema, redact, type SalesforceConnectOptions } from '../../../server/src/salesforce';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import { closedPort } from './support';

const SECRET_TOKEN = 'FIXEDtokenVALUE-7f3a9c21e8b4';
const SECRET_PASSWORD = 'Pa55word-q8Zr';
const SECURITY_TOKEN = 'SecTok9912';
const CLIENT_SECRET = 'ClientSecret-4471aa';
const WRONG_PASSWORD = 'WrongPass-x1y2z3';
const USER = { username: 'ops@hslist.example', password: SECRET_PASSWORD, securityToken: SECURITY_TOKEN };

interface Evidence {
  texts: string[];
}

async function attempt(evidence: Evidence, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    evidence.texts.push(String((error as Error).message), String((error as Error).stack), JSON.stringify(error));
  }
}

function leaks(texts: string[], secrets: string[]): string[] {
  return texts.flatMap((text) => secrets.filter((secret) => text.includes(secret)).map((secret) => `"${secret}" in: ${text.slice(0, 200)}`));
}

/** Logins, reads, a schema pull and failures of every kind, with every log line and error kept. */
async function fullRun(emulator: SalesforceEmulator, dir: string, evidence: Evidence): Promise<void> {
  const log = (line: string): void => { evidence.texts.push(line); };
  const login: SalesforceConnectOptions = { loginUrl: emulator.url, clientId: 'cid', clientSecret: CLIENT_SECRET, username: USER.username, password: SECRET_PASSWORD + SECURITY_TOKEN, log, retry: { maxRetries: 0 } };
  const org = await connectSalesforce(login);
  await pullSalesforceSchema(org, dir);
  for await (const page of org.queryAll('SELECT Id, Email FROM Lead', { batchSize: 200 })) evidence.texts.push(JSON.stringify(page.slice(0, 2)));
  await org.findByEmails('Contact', ['a@example.com']);
  await attempt(evidence, () => connectSalesforce({ ...login, password: WRONG_PASSWORD }));
  await attempt(evidence, () => connectSalesforce({ ...login, clientSecret: 'wrong-' + CLIENT_SECRET }));
  await attempt(evidence, async () => (await connectSalesforce({ instanceUrl: emulator.url, accessToken: SECRET_TOKEN + 'x', log })).describe('Lead'));
  await attempt(evidence, async () => { for await (const _ of org.queryAll('SELECT Id FROM Lead WHERE')) { /* fails */ } });
  emulator.state.faults.failNext(1, 500);
  await attempt(evidence, () => org.describe('Contact'));
  const port = await closedPort();
  await attempt(evidence, () => connectSalesforce({ ...login, loginUrl: `http://127.0.0.1:${port}` }));
  await attempt(evidence, async () => (await connectSalesforce({ instanceUrl: `http://127.0.0.1:${port}`, accessToken: SECRET_TOKEN, log, retry: { maxRetries: 0 } })).countWhere('Lead'));
}

describe('Salesforce secrets never leak', () => {
  let emulator: SalesforceEmulator;
  let dir: string;

  before(async () => {
    emulator = await startSalesforceEmulator({ seed: 9, org: { hubspotCount: 600 }, users: [USER], clientId: 'cid', clientSecret: CLIENT_SECRET, accessToken: SECRET_TOKEN });
    dir = await mkdtemp(join(tmpdir(), 'hslist-sf-secrets-'));
  });
  after(async () => {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('the scan itself finds a secret when one is there', () => {
    assert.equal(leaks([`Authorization: Bearer ${SECRET_TOKEN}`], [SECRET_TOKEN]).length, 1);
    assert.equal(redact(`Bearer ${SECRET_TOKEN} password=${SECRET_PASSWORD}&x=1`, []), 'Bearer [redacted] password=[redacted]&x=1');
  });

  it('no token, password, security token or client secret in logs, errors, console output or files', async () => {
    const evidence: Evidence = { texts: [] };
    const written: string[] = [];
    const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
    process.stdout.write = ((chunk: unknown) => { written.push(String(chunk)); return true; }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown) => { written.push(String(chunk)); return true; }) as typeof process.stderr.write;
    try {
      await fullRun(emulator, dir, evidence);
    } finally {
      process.stdout.write = original.out;
      process.stderr.write = original.err;
    }
    const files = await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')));
    assert.equal(files.length, 2);
    assert.ok(evidence.texts.length >= 15, `collected ${evidence.texts.length} texts`);
    const issued = [...emulator.state.tokens];
    const secrets = [SECRET_TOKEN, SECRET_PASSWORD, SECURITY_TOKEN, CLIENT_SECRET, WRONG_PASSWORD, ...issued];
    assert.deepEqual(leaks([...evidence.texts, ...written, ...files], secrets), []);
  });
});
