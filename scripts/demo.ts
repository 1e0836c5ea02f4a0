// `npm run demo`: the main job on the bundled demo workspace, as a user would run it. Starts a seeded local
// HubSpot portal and Salesforce org (the emulators, in this process, on free ports), then runs the built CLI
// (bin/hslist.js → dist/) as a separate process, exactly like `npx hslist`, with the environment pointing
// at them: pull both schemas, check, check formatting, compile the inclusion list, preview it on the
// bundled contact export and on the live (emulated) portal, simulate the Salesforce sync (sync-plan, one
// contact's Salesforce side, the checks that need data), then publish: plan, apply, change a clause,
// plan with who enters and leaves, apply, and pull everything into a fresh workspace that plans nothing. Works on a temporary copy of examples/ so the
// repository stays clean; stops the emulators and removes the copy on every path out; exits non-zero when
// a step fails.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededDates } from '../server/src/cli/sandbox';
import { startSandbox, type Sandbox } from '../server/src/sandbox/sandbox';

const ROOT = join(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const CLI = join(ROOT, 'bin', 'hslist.js');
const STEP_TIMEOUT_MS = 60_000;
const INCLUSION_LIST = 'Qualified for Salesforce';

interface Step {
  title: string;
  args: string[];
  /** Exit codes that mean the step went as it should (default 0; `hslist plan` says 4 when there is work). */
  expect?: number[];
  /** Folder to run in, relative to the workspace (default the workspace). */
  cwd?: string;
  /** Done before the command: an edit a user would make. */
  before?: (workspace: string) => void;
  /** An argument found at run time (the step is skipped when there is none). */
  lastArgument?: () => Promise<string | undefined>;
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

function steps(explainEmail: () => Promise<string | undefined>): Step[] {
  const list: Step[] = [
    { title: 'Pull the HubSpot and Salesforce schemas into .hslist/schema/', args: ['schema', 'pull'] },
    { title: 'Check the workspace against the pulled schemas', args: ['check'] },
    { title: 'Check formatting', args: ['fmt', '--check'] },
    {
      title: 'Compile the Salesforce inclusion list to the HubSpot Lists API request it is published as (JSON on stdout; the notes after it say why 7 lines of criteria make a long request, and what `$list:<name>` stands for)',
      args: ['compile', 'salesforce-sync.hslist', '--list', INCLUSION_LIST],
    },
    { title: 'Preview the inclusion list on examples/contacts.csv', args: ['preview', 'salesforce-sync.hslist', '--list', INCLUSION_LIST] },
    {
      title: 'Preview it on the live (emulated) portal, seeded up to today so relative dates find contacts: property history included, snapshot cached in .hslist/cache/',
      args: ['preview', 'salesforce-sync.hslist', '--list', INCLUSION_LIST, '--data', 'hubspot', '--sample', '3'],
    },
    ...syncSteps(explainEmail),
    ...publishSteps(),
  ];
  return list;
}

/** The Salesforce side: what the integration would do, one contact's part in it, and the checks that need data. */
function syncSteps(explainEmail: () => Promise<string | undefined>): Step[] {
  const live = ['--data', 'hubspot'];
  return [
    { title: 'Simulate the Salesforce sync on the live portal and the org: outcomes with their rules, leads to create, records that bypass the list, field writes, the import, the list as SOQL', args: ['sync-plan', ...live, '--salesforce', 'org', '--sample', '2'] },
    {
      title: 'Explain the Salesforce side of a contact the sync would update: the record it matches, the outcome and the rule that decides it, the field writes',
      args: ['preview', 'salesforce-sync.hslist', '--list', INCLUSION_LIST, ...live, '--salesforce', 'org', '--sample', '0', '--explain'],
      lastArgument: explainEmail,
    },
    { title: 'Check the sync settings against the data (a warning, exit 0: auto-create would bring contacts in outside the list, frozen)', args: ['check', ...live, '--salesforce', 'org'] },
  ];
}

/** A contact the sync would update (the plan's first sample of that outcome), asked of `hslist sync-plan --json` quietly. */
async function updatedContact(workspace: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const args = ['sync-plan', '--data', 'hubspot', '--salesforce', 'org', '--sample', '1', '--json'];
  const child = spawn(process.execPath, [CLI, ...args], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) return undefined;
  const report = JSON.parse(out) as { contacts: { outcomes: { outcome: string; samples: { email: string | null }[] }[] } };
  return report.contacts.outcomes.find((o) => o.outcome === 'update')?.samples[0]?.email ?? undefined;
}

/** Publish: plan, apply, change a clause, plan with who enters and leaves, apply, pull into a fresh folder, plan there. */
function publishSteps(): Step[] {
  const live = ['--data', 'hubspot'];
  return [
    { title: 'Plan the publish to the portal: every list is new (exit 4: changes to apply)', args: ['plan', ...live], expect: [4] },
    { title: 'Apply it: lists created in dependency order, folders made, ids recorded in hslist.lock.json; wait until HubSpot has processed them', args: ['apply', '--yes', '--wait', ...live] },
    { title: 'Plan again: nothing to do (exit 0)', args: ['plan'] },
    {
      title: 'Edit the inclusion list (leads qualify too; created after 2024-09-30 instead of 2023-12-31) and plan: who would start and stop syncing',
      before: (workspace) => editFile(join(workspace, 'salesforce-sync.hslist'), [['salesqualifiedlead, opportunity)', 'salesqualifiedlead, opportunity, lead)'], ['createdate is after 2023-12-31', 'createdate is after 2024-09-30']]),
      args: ['plan', ...live],
      expect: [4],
    },
    { title: 'Apply the change (the inclusion list keeps its id, so it stays selected in HubSpot\'s Salesforce settings)', args: ['apply', '--yes', ...live] },
    { title: 'A new workspace pulls every list of the portal into .hslist files (recorded in its own hslist.lock.json)', before: freshWorkspace, cwd: 'pulled', args: ['pull', '--all'] },
    { title: 'Check the pulled files', cwd: 'pulled', args: ['check'] },
    { title: 'Plan in the new workspace: nothing to do (exit 0)', cwd: 'pulled', args: ['plan'] },
  ];
}

function editFile(path: string, edits: [string, string][]): void {
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`demo: ${path} no longer holds "${from}"`);
    text = text.replace(from, to);
    console.log(`edit: ${from}  →  ${to}`);
  }
  writeFileSync(path, text);
}

function freshWorkspace(workspace: string): void {
  mkdirSync(join(workspace, 'pulled'));
  writeFileSync(join(workspace, 'pulled', 'hslist.json'), '{ "timezone": "Europe/Warsaw" }\n');
}

function describeSandbox(sandbox: Sandbox): void {
  const { Lead, Contact } = sandbox.salesforce.state.tables;
  console.log(`HubSpot portal   ${sandbox.hubspot.url}  (${sandbox.hubspot.state.contacts.size} contacts, seed ${sandbox.seed}, ${seededDates(sandbox)})`);
  console.log(`Salesforce org   ${sandbox.salesforce.url}  (${Lead.length} leads, ${Contact.length} contacts, overlapping by email)`);
  console.log('The CLI gets HSLIST_HUBSPOT_TOKEN, HSLIST_HUBSPOT_BASE_URL, HSLIST_SF_INSTANCE_URL and HSLIST_SF_ACCESS_TOKEN (test values).');
}

async function runSteps(workspace: string, sandbox: Sandbox): Promise<number> {
  const env = cleanEnv(sandbox.env);
  for (const step of steps(() => updatedContact(workspace, env))) {
    const last = step.lastArgument ? await step.lastArgument() : undefined;
    if (step.lastArgument && last === undefined) continue;
    section(step.title);
    step.before?.(workspace);
    const code = await hslist(step.cwd ? join(workspace, step.cwd) : workspace, env, last === undefined ? step.args : [...step.args, last]);
    const expected = step.expect ?? [0];
    if (!expected.includes(code)) {
      console.error(`\ndemo: "${step.title}" ended with exit code ${code}, not ${expected.join(' or ')}.`);
      // The demo fails even when the unexpected code is 0 (a step that should have found something).
      return code === 0 ? 1 : code;
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
