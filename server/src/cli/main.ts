// The `hslist` command: a thin face over the same functions the language server uses.
import { UsageError } from './args';
import { runCheck } from './check';
import { runCompile } from './compile';
import type { CliIo } from './context';
import { runFmt } from './fmt';
import { runPreview } from './preview';
import { runSandbox } from './sandbox';
import { runSchema } from './schema';
import { runPlan } from './plan';
import { runApply } from './apply';
import { runPull } from './pull';
import { runSyncPlan } from './sync-plan';
import { runSettings } from './settings';
import { terminalConfirm } from './confirm';

const USAGE = `hslist — HubSpot lists as code

Usage:
  hslist check [paths…] [--format text|json|github] [--schema FILE|DIR]
  hslist fmt [--check] [paths…]
  hslist compile FILE [--list NAME] [--schema FILE|DIR]
  hslist preview FILE [--list NAME] [--data PATH|hubspot] [--sample N] [--explain EMAIL|ID] [--json] [--now ISO]
  hslist plan [--target T] [--data PATH|hubspot] [--prune] [--properties] [--json | --format text|json|github] [--verbose]
  hslist apply [--target T] [--yes] [--force] [--prune] [--wait] [--properties] [--data PATH|hubspot] [--concurrency N]
  hslist pull (--all | --name NAME… | --id ID…) [--out DIR] [--target T] [--overwrite]
  hslist settings show|confirm [KEY…] [--target T] [--json]
  hslist sync-plan [paths…] [--data PATH|hubspot] [--salesforce PATH|org] [--before REV|DIR] [--sample N] [--now ISO] [--json]
  hslist schema pull [--out DIR]      (HSLIST_HUBSPOT_TOKEN, HSLIST_SF_* from the environment)
  hslist sandbox [--port-hubspot N] [--port-salesforce N] [--seed S] [--contacts N]

Exit codes: 0 clean, 1 problems found, 2 bad usage, 3 internal error (a bug in hslist: please report it);
preview, fmt and apply: 130 when stopped with Ctrl-C (fmt: 143 with SIGTERM); plan: 4 changes to apply,
5 lists that need --force or a fix; apply: 5 lists left as they are.
`;

type Command = (argv: string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  fmt: runFmt,
  compile: runCompile,
  preview: runPreview,
  schema: runSchema,
  sandbox: runSandbox,
  plan: runPlan,
  apply: runApply,
  pull: runPull,
  'sync-plan': runSyncPlan,
  settings: runSettings,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`hslist: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`hslist ${name}: ${error.message}\n`);
      return 2;
    }
    // Never a stack trace for the user; the message is enough to report a bug.
    io.err(`hslist ${name}: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 3;
  }
}

/** Runs the CLI on this process's arguments and streams; the exit code is set, never forced. */
export function runCliProcess(): void {
  // `hslist compile x | head` closes stdout early: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: CliIo = {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: terminalConfirm } : {}),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
