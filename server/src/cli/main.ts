// The `hslist` command: a thin face over the same functions the language server uses.
import { UsageError } from './args';
import { runCheck } from './check';
import { runCompile } from './compile';
import type { CliIo } from './context';
import { runFmt } from './fmt';
import { runPreview } from './preview';
import { runSandbox } from './sandbox';
import { runSchema } from './schema';

const USAGE = `hslist — HubSpot lists as code

Usage:
  hslist check [paths…] [--format text|json|github] [--schema FILE|DIR]
  hslist fmt [--check] [paths…]
  hslist compile FILE [--list NAME] [--schema FILE|DIR]
  hslist preview FILE [--list NAME] [--data PATH|hubspot] [--sample N] [--explain EMAIL|ID] [--json] [--now ISO]
  hslist schema pull [--out DIR]      (HSLIST_HUBSPOT_TOKEN, HSLIST_SF_* from the environment)
  hslist sandbox [--port-hubspot N] [--port-salesforce N] [--seed S] [--contacts N]

Exit codes: 0 clean, 1 problems found, 2 bad usage, 3 internal error (a bug in hslist: please report it);
preview and fmt: 130 when stopped with Ctrl-C (fmt: 143 with SIGTERM).
`;

type Command = (argv: string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  fmt: runFmt,
  compile: runCompile,
  preview: runPreview,
  schema: runSchema,
  sandbox: runSandbox,
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
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
