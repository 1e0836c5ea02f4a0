// The `hslist` command: a thin face over the same functions the language server uses.
// commander parses the arguments and writes each command's --help from the table in command-specs.ts;
// the runners receive a ParsedArgs keyed by the flags as the user typed them.
import { Command, CommanderError, Option } from 'commander';
import { UsageError, type ParsedArgs } from './args';
import { COMMANDS, type CommandSpec, type OptionSpec } from './command-specs';
import { runCompletion } from './completion';
import type { CliIo } from './context';
import { terminalConfirm } from './confirm';

const EXIT_CODES = `
Exit codes: 0 clean, 1 problems found, 2 bad usage, 3 internal error (a bug in hslist: please report it);
preview, fmt and apply: 130 when stopped with Ctrl-C (fmt: 143 with SIGTERM); plan: 4 changes to apply,
5 lists that need --force or a fix; apply: 5 lists left as they are.
Credentials come from the environment (HSLIST_HUBSPOT_TOKEN, HSLIST_SF_*): see "Accounts and hosts" in README.md.
Run "hslist <command> --help" for a command's options.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.err(program.helpInformation());
    return 2;
  }
  let commandName = '';
  program.hook('preAction', (_program, action) => {
    commandName = action.name();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ranCode.get(program) ?? 0;
  } catch (error) {
    return exitCodeOf(error, commandName, io);
  }
}

// The exit code of the command that ran, kept per program so concurrent runs (tests) never mix.
const ranCode = new WeakMap<Command, number>();

function exitCodeOf(error: unknown, commandName: string, io: CliIo): number {
  if (error instanceof CommanderError) {
    // commander has already written its message (or the help) through configureOutput.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version' ? 0 : 2;
  }
  const prefix = commandName ? `hslist ${commandName}` : 'hslist';
  if (error instanceof UsageError) {
    io.err(`${prefix}: ${error.message}\n`);
    return 2;
  }
  // Never a stack trace for the user; the message is enough to report a bug.
  io.err(`${prefix}: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  return 3;
}

function buildProgram(io: CliIo): Command {
  const program = new Command('hslist')
    .description('HubSpot lists as code: check, preview, plan and publish .hslist files')
    .exitOverride()
    .configureOutput(outputTo(io, 'hslist'))
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES);
  for (const spec of COMMANDS) addCommand(program, spec, io);
  program
    .command('completion')
    .description('print the shell completion script (bash or zsh) to source from your shell\'s profile')
    .argument('<shell>', 'bash or zsh')
    .addHelpText('after', '\nExample: echo \'source <(hslist completion bash)\' >> ~/.bashrc')
    .action((shell: string) => {
      ranCode.set(program, runCompletion(shell, io));
    });
  return program;
}

function addCommand(program: Command, spec: CommandSpec, io: CliIo): void {
  const command = program
    .command(spec.name)
    .description(spec.summary)
    .configureOutput(outputTo(io, `hslist ${spec.name}`))
    .showHelpAfterError(`(run "hslist ${spec.name} --help" for its options)`)
    .addHelpText('after', `\n${spec.details}`);
  if (spec.args) command.argument(spec.args);
  for (const option of spec.options) command.addOption(commanderOption(option));
  command.action(async () => {
    ranCode.set(program, await spec.run(parsedArgs(command, spec), io));
  });
}

function commanderOption(spec: OptionSpec): Option {
  const option = new Option(spec.value ? `--${spec.flag} <${spec.value}>` : `--${spec.flag}`, spec.help);
  if (spec.repeat) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  return option;
}

/** The parsed command line in the runners' terms: flags by the name the user typed. */
function parsedArgs(command: Command, spec: CommandSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [...command.args], values: new Map(), repeated: new Map(), switches: new Set() };
  const given = command.opts<Record<string, unknown>>();
  for (const option of spec.options) {
    const value = given[new Option(`--${option.flag}`).attributeName()];
    if (value === undefined) continue;
    if (!option.value) {
      parsed.switches.add(option.flag);
      continue;
    }
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    // `--out --all` would make "--all" a folder name: a missing value, said so.
    const flagLike = values.find((v) => v.startsWith('--'));
    if (flagLike !== undefined) throw new UsageError(`--${option.flag} needs a value (got "${flagLike}").`);
    parsed.values.set(option.flag, values[values.length - 1]);
    parsed.repeated.set(option.flag, values);
  }
  return parsed;
}

/** commander's messages start "error: "; ours name the command, as every other message of the CLI does. */
function outputTo(io: CliIo, prefix: string) {
  return {
    writeOut: (text: string) => io.out(text),
    writeErr: (text: string) => io.err(text),
    outputError: (text: string, write: (t: string) => void) => write(`${prefix}: ${text.replace(/^error: /, '')}`),
  };
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
