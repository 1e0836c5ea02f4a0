// Every command of the CLI, once: its arguments, options with their help, and what its exit codes mean.
// main.ts builds the commander program (parsing, per-command --help) from this table, and
// completion.ts the shell completion scripts, so neither can drift from the other.

import { runApply } from './apply';
import type { ParsedArgs } from './args';
import { runCheck } from './check';
import { runCompile } from './compile';
import { runCount } from './count';
import type { CliIo } from './context';
import { runFmt } from './fmt';
import { runPlan } from './plan';
import { runPreview } from './preview';
import { runPull } from './pull';
import { runSandbox } from './sandbox';
import { runSchema } from './schema';
import { runSettings } from './settings';
import { runSyncPlan } from './sync-plan';

export interface OptionSpec {
  /** Without the leading dashes: `max-warnings`. */
  flag: string;
  /** The value's name in help (`N`, `PATH`); absent for a switch. */
  value?: string;
  /** May be given more than once (`--name A --name B`). */
  repeat?: boolean;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** Commander's argument syntax: `[paths...]`, `<file>`. */
  args?: string;
  summary: string;
  options: OptionSpec[];
  /** Lines after the options: exit codes, examples. */
  details: string;
  run: (args: ParsedArgs, io: CliIo) => number | Promise<number>;
}

const opt = (flag: string, help: string, value?: string, repeat = false): OptionSpec => ({ flag, help, ...(value ? { value } : {}), ...(repeat ? { repeat } : {}) });
const SCHEMA = opt('schema', 'property schema file or folder (default: hslist.json\'s, the pulled cache, or the bundled one)', 'FILE|DIR');
const TARGET = opt('target', 'a named target of hslist.json (credentials from <env>_HUBSPOT_TOKEN)', 'NAME');
const DATA = opt('data', 'contacts: a HubSpot export (CSV, JSON, NDJSON) or "hubspot" for the live portal', 'PATH|hubspot');
const NOW = opt('now', 'the moment relative dates are judged at (ISO date or date-time)', 'ISO');
const SALESFORCE = opt('salesforce', 'Salesforce leads and contacts: an export, or "org" for the connected org', 'PATH|org');

export const COMMANDS: CommandSpec[] = [
  {
    name: 'check', args: '[paths...]', summary: 'check every .hslist file under the paths as one workspace', run: runCheck,
    options: [opt('format', 'text, json or github (annotations)', 'FORMAT'), SCHEMA, opt('max-warnings', 'fail when there are more warnings than N (0: any)', 'N'), DATA, SALESFORCE, NOW],
    details: 'Exit codes: 0 no errors (warnings are advice unless --max-warnings), 1 errors, 2 bad usage.',
  },
  {
    name: 'fmt', args: '[paths...]', summary: 'rewrite files in the canonical format', run: runFmt,
    options: [opt('check', 'only report the files that are not formatted')],
    details: 'Exit codes: 0 formatted, 1 files not formatted (--check) or not writable, 2 bad usage, 130/143 stopped.',
  },
  {
    name: 'compile', args: '[file...]', summary: 'print the Lists API create requests of a file\'s lists (a JSON array)', run: runCompile,
    options: [opt('list', 'only this list (any case)', 'NAME'), TARGET, SCHEMA],
    details: 'Without --target, `in list "X"` is the placeholder $list:X; with it, X\'s id in that portal.\nExit codes: 0 printed, 1 the file has errors, 2 bad usage.',
  },
  {
    name: 'preview', args: '[file...]', summary: 'how many contacts each list of a file would hold, clause by clause', run: runPreview,
    options: [opt('list', 'only this list', 'NAME'), DATA, opt('sample', 'sample contacts to show (0-1000)', 'N'), opt('explain', 'why this contact is in or out', 'EMAIL|ID'), SALESFORCE, opt('json', 'the report as JSON'), NOW, SCHEMA],
    details: 'Exit codes: 0 ok, 1 problems in the file or the data, 2 bad usage, 130 cancelled.',
  },
  {
    name: 'plan', summary: 'what apply would change in the portal, list by list, with who enters and leaves', run: runPlan,
    options: [TARGET, DATA, opt('prune', 'plan deleting lists gone from the files'), opt('properties', 'plan the contact properties the mappings need'), opt('salesforce-fields', 'plan the Salesforce custom fields and picklist values the mappings need (HSLIST_SF_*)'), opt('json', 'the plan as JSON'), opt('format', 'text, json or github (annotations)', 'FORMAT'), opt('verbose', 'show unchanged lists too'), opt('sample', 'samples of entering and leaving contacts', 'N'), NOW, SCHEMA],
    details: 'Exit codes: 0 nothing to do, 4 changes to apply, 5 lists that need --force or a fix, 1 error (HubSpot, Salesforce or the state file), 2 bad usage.',
  },
  {
    name: 'apply', summary: 'carry the plan out and keep hslist.lock.json true', run: runApply,
    options: [TARGET, opt('yes', 'answer the confirmations (CI)'), opt('force', 'overwrite lists changed in HubSpot; protected changes'), opt('prune', 'delete lists gone from the files'), opt('wait', 'wait until HubSpot has processed the lists'), opt('properties', 'also create the properties the mappings need'), opt('salesforce-fields', 'also create the Salesforce fields and picklist values the mappings need (HSLIST_SF_*)'), opt('concurrency', 'lists worked on at once (1-16)', 'N'), opt('verbose', 'show unchanged lists too'), DATA, NOW, SCHEMA],
    details: 'Exit codes: 0 done, 1 a list, property or Salesforce field change failed, or HubSpot stopped the run, 2 bad usage, 5 lists left as they are, 130 cancelled.',
  },
  {
    name: 'count', args: '[files...]', summary: 'HubSpot\'s own count of lists as the files define them (temporary lists, deleted once counted)', run: runCount,
    options: [opt('list', 'only this list (any case)', 'NAME'), TARGET, opt('timeout', 'how long to wait for HubSpot to process the lists (default 600)', 'SECONDS'), opt('json', 'the counts as JSON'), SCHEMA],
    details: 'For criteria the local preview cannot judge (form submissions, email events, lists known only by id).\nEach list is created in the portal as "hslist temporary count · <name> · <tag>", read once processed and deleted;\none a run could not delete is named so you can delete it, and a later run deletes those older than an hour.\nExit codes: 0 every list counted, 1 a list not counted or a temporary list left, 2 bad usage or no credentials, 130 cancelled.',
  },
  {
    name: 'pull', summary: 'write existing HubSpot lists as .hslist files', run: runPull,
    options: [opt('all', 'every contact list not kept as code'), opt('name', 'a list by name (repeatable)', 'NAME', true), opt('id', 'a list by id (repeatable)', 'ID', true), opt('out', 'the folder to write to (default: the workspace root)', 'DIR'), opt('overwrite', 'replace files that exist'), TARGET, SCHEMA],
    details: 'Exit codes: 0 every asked list written, 1 some could not be (each with its reasons), 2 bad usage.',
  },
  {
    name: 'sync-plan', args: '[paths...]', summary: 'what the HubSpot–Salesforce integration would do under the sync block', run: runSyncPlan,
    options: [DATA, SALESFORCE, opt('before', 'compare with a git revision or folder: who starts and stops syncing', 'REV|DIR'), opt('sample', 'samples per outcome', 'N'), NOW, opt('json', 'the simulation as JSON'), SCHEMA],
    details: 'Exit codes: 0 simulated, 1 problems in the files or the data, 2 bad usage, 130 cancelled.',
  },
  {
    name: 'settings', args: '[action] [keys...]', summary: 'the sync settings sheet: show, or confirm items set by hand in HubSpot', run: runSettings,
    options: [TARGET, opt('json', 'the sheet as JSON'), SCHEMA],
    details: 'Actions: show, confirm [KEY...].',
  },
  {
    name: 'schema', args: '[action]', summary: 'pull the portal\'s and the org\'s schemas into .hslist/schema/ (action: pull)', run: runSchema,
    options: [opt('out', 'another folder to write to', 'DIR')],
    details: 'Exit codes: 0 pulled, 1 a service failed (one sentence each), 2 no credentials or bad usage.',
  },
  {
    name: 'sandbox', summary: 'run a seeded local HubSpot portal and Salesforce org until Ctrl-C', run: (args, io) => runSandbox(args, io),
    options: [opt('port-hubspot', 'port of the HubSpot emulator', 'N'), opt('port-salesforce', 'port of the Salesforce emulator', 'N'), opt('seed', 'seed of the generated data', 'N'), opt('contacts', 'how many contacts', 'N')],
    details: 'Prints the settings, URLs and test tokens to use, and the export lines for the CLI.',
  },
];
