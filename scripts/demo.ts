// `npm run demo`: the main job on the bundled demo workspace, as a user would run it. Starts a seeded local
// HubSpot portal and Salesforce org (the emulators, in this process, on free ports), then runs the built CLI
// (bin/hslist.js → dist/) as a separate process, exactly like `npx hslist`, with the environment pointing
// at them: pull both schemas, check, check formatting, compile the inclusion list, and preview it on the
// bundled contact export and on the live (emulated) portal. Works on a temporary copy of examples/ so the
// repository stays clean; stops the emulators and removes the copy on every path out; exits non-zero when
// a step fails.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../server/src/cli/sandbox-emulators';

const ROOT = join(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const CLI = join(ROOT, 'bin', 'hslist.js');
const STEP_TIMEOUT_MS = 60_000;
const INCLUSION_LIST = 'Qualified for Salesforce';

interface Step {
  title: string;
  args: string[];
}

function section(title: string): void {
  console.log(`\n== ${title}`);
}

/** The environment of a user's shell, minus any hslist account variables of the machine running the demo. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('HSLIST_')) env[name] = value;
  return { ...env, ...extra };
}

/** Runs the CLI without blocking this process: the emulators it talks to live here. */
function hslist(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<number> {
  console.log(`$ hslist ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      console.error(`demo: hslist ${args[0]} took longer than ${STEP_TIMEOUT_MS / 1000} s; stopping it.`);
      child.kill('SIGKILL');
    }, STEP_TIMEOUT_MS);
    child.on('error', (error) => {
      console.error(`demo: could not run hslist: ${error.message}`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

/** The seeded portal's dates end with 2025; relative dates ("less than 180 days ago") are judged as of then. */
const SEEDED_DATA_END = '2025-12-31T12:00:00Z';

function steps(): Step[] {
  const list: Step[] = [
    { title: 'Pull the HubSpot and Salesforce schemas into .hslist/schema/', args: ['schema', 'pull'] },
    { title: 'Check the workspace against the pulled schemas', args: ['check'] },
    { title: 'Check formatting', args: ['fmt', '--check'] },
    { title: 'Compile the Salesforce inclusion list to a HubSpot Lists API request', args: ['compile', 'salesforce-sync.hslist', '--list', INCLUSION_LIST] },
    { title: 'Preview the inclusion list on examples/contacts.csv', args: ['preview', 'salesforce-sync.hslist', '--list', INCLUSION_LIST] },
    {
      title: 'Preview it on the live (emulated) portal, as of the end of its seeded data: property history included, snapshot cached in .hslist/cache/',
      args: ['preview', 'salesforce-sync.hslist', '--list', INCLUSION_LIST, '--data', 'hubspot', '--sample', '3', '--now', SEEDED_DATA_END],
    },
  ];
  return list;
}

function describeSandbox(sandbox: Sandbox): void {
  const { Lead, Contact } = sandbox.salesforce.state.tables;
  console.log(`HubSpot portal   ${sandbox.hubspot.url}  (${sandbox.hubspot.state.contacts.size} contacts, seed ${sandbox.seed})`);
  console.log(`Salesforce org   ${sandbox.salesforce.url}  (${Lead.length} leads, ${Contact.length} contacts, overlapping by email)`);
  console.log('The CLI gets HSLIST_HUBSPOT_TOKEN, HSLIST_HUBSPOT_BASE_URL, HSLIST_SF_INSTANCE_URL and HSLIST_SF_ACCESS_TOKEN (test values).');
}

async function runSteps(workspace: string, sandbox: Sandbox): Promise<number> {
  const env = cleanEnv(sandbox.env);
  for (const step of steps()) {
    section(step.title);
    const code = await hslist(workspace, env, step.args);
    if (code !== 0) {
      console.error(`\ndemo: "${step.title}" failed with exit code ${code}.`);
      return code;
    }
  }
  return 0;
}

async function main(): Promise<number> {
  const started = Date.now();
  const workspace = mkdtempSync(join(tmpdir(), 'hslist-demo-'));
  // A copy without any local schema cache, so the demo always starts from what the repository holds.
  cpSync(EXAMPLES, workspace, { recursive: true, filter: (source) => !source.split(/[\\/]/).includes('.hslist') });
  let sandbox: Sandbox | undefined;
  try {
    section('Start a local HubSpot portal and Salesforce org (emulators, seeded)');
    sandbox = await startSandbox({ seed: 7, contacts: 1000 });
    describeSandbox(sandbox);
    console.log(`Workspace: a temporary copy of examples/ (${workspace})`);
    const code = await runSteps(workspace, sandbox);
    if (code === 0) console.log(`\ndemo: done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return code;
  } catch (error) {
    console.error(`\ndemo: ${(error as Error).message}`);
    return 1;
  } finally {
    await sandbox?.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => {
  process.exitCode = code;
});
