// How hslist's own processes run node: the CLI (bin/hslist.js), the language server and its preview
// worker (the VS Code client forks the server with them; a worker thread takes the process's V8 flags),
// and bench:fetch, which measures what the CLI does. Issue 15's goal is a first fetch's peak memory
// under 1.5 × the finished snapshot's; at 1,000,000 contacts these two settings took the peak from
// +365 to +319 MB in one run each (docs/preview.md, "A full fetch's memory, sixth round"):
//
// - V8's young generation in semi-spaces of 8 MB, not 16: a fetch keeps few short-lived objects (its
//   data goes into typed arrays), and the full-size young generation was 34 MB of resident pages.
// - glibc's malloc with a fixed mmap threshold: the threshold otherwise rises to the size of any mmapped
//   block freed, up to 32 MB, and blocks under it come from the C heap, whose free room between blocks
//   still in use is never given back. Other C libraries ignore the name.
//   - The CLI (NODE_ENV): 4 KB. Every block of a page or more (an HTTP answer's chunks, up to 64 KB each)
//     is a mapping of its own, given back when freed. At 128 KB the companies' read left the C heap
//     10–14 MB larger for the rest of a fetch, and at 100,000 contacts the save peaked at +29–34 MB; at
//     4 KB, +22–25 (docs/preview.md, twelfth round).
//   - The language server and its preview worker (SERVER_ENV): 128 KB (glibc's default start). Each
//     block mapped and unmapped costs system calls and fresh pages: at 4 KB a keystroke's re-check of
//     a 2,000-line file took a p95 of 10.7–13 ms against 6.6–8.7 (bench:parse, three runs each), over
//     issue 15's goal of 8. An editor's server re-checks on every keystroke and fetches a portal rarely.
//
// - The CLI's fetching commands also run V8's collector single-threaded (`--single-threaded-gc`: no
//   helper threads for scavenges, marking or sweeping). At 100,000 contacts the associations' read, the
//   top of a fetch until then, peaked at +36–38 MB with the helpers and +27–30.5 without them, and the
//   fetch's peak went from +36–38 to +33–34 (medians of five and six runs; docs/preview.md, fifteenth
//   round); collections took 300–380 ms of a 22 s fetch instead of 170. Why was not established (each
//   helper promotes into pages of its own, and freed pages wait for the concurrent sweeper: a likely
//   cause, not a measured one). The language server and its preview worker keep the helpers: with the
//   flag, keystrokes were no slower (bench:parse, bench:lsp), but the preview's one-clause
//   re-evaluation of 1,000,000 contacts took 1.32 and 1.86 ms against 0.88 and 1.38 (bench:preview,
//   two runs each), near issue 15's 2 ms.
//
// Node takes V8's young generation size only at start, and the C library reads its environment only
// at start, so a process started without them starts itself again (`relaunch`).
'use strict';

const { spawn } = require('node:child_process');

const NODE_FLAGS = ['--max-semi-space-size=8'];
/** The CLI's fetching commands (relaunch): NODE_FLAGS and V8's collector without helper threads (above). */
const CLI_FLAGS = [...NODE_FLAGS, '--single-threaded-gc'];
const NODE_ENV = { MALLOC_MMAP_THRESHOLD_: '4096' };
/** The language server's environment (client/src/server-connection.ts): the same variable, at 128 KB. */
const SERVER_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** The commands that read a portal's contacts whatever their arguments (plan and apply read the lists' members). */
const FETCHING = ['preview', 'plan', 'apply', 'sync-plan'];
/** The commands that read them only when asked to (`--data hubspot`: check's sync checks against the live portal). */
const FETCHING_WITH_DATA = ['check'];

/**
 * Whether the CLI's arguments (`argv` without node and the script) name a command that may read a
 * portal's contacts: it is then worth starting node again with the settings. Command names are those
 * of server/src/cli/command-specs.ts (a test holds the two together).
 */
function mayFetch(argv) {
  const [command, ...rest] = argv;
  if (FETCHING.includes(command)) return true;
  if (!FETCHING_WITH_DATA.includes(command)) return false;
  return rest.some((arg, i) => arg === '--data=hubspot' || (arg === '--data' && rest[i + 1] === 'hubspot'));
}

/**
 * Whether node argument `arg` sets V8's `flag` (either given a value of its own, or turned off with
 * `--no-`): a setting the user chose is kept. V8 reads `_` and `-` in flag names alike.
 */
function sameFlag(arg, flag) {
  const name = (a) => a.split('=')[0].replace(/^--(no-)?/, '').replace(/_/g, '-');
  return arg.startsWith('--') && name(arg) === name(flag);
}

/** Set in the process started again: it never starts a third. */
const RELAUNCHED = 'HSLIST_NODE_SETTINGS_APPLIED';

/**
 * The node arguments and environment to start `script` again with, or undefined when this process
 * runs with the settings already, was started again once, or runs under an inspector (a second one
 * would find its port taken). A value the user set for the environment variable is kept.
 */
function relaunchArgs(proc, script) {
  const execArgv = proc.execArgv;
  if (proc.env[RELAUNCHED] === '1' || execArgv.some((a) => /^--inspect/.test(a))) return undefined;
  const missingFlags = CLI_FLAGS.filter((f) => !execArgv.some((a) => sameFlag(a, f)));
  const missingEnv = Object.keys(NODE_ENV).filter((k) => proc.env[k] === undefined);
  if (missingFlags.length === 0 && missingEnv.length === 0) return undefined;
  const env = { ...proc.env, [RELAUNCHED]: '1' };
  for (const k of missingEnv) env[k] = NODE_ENV[k];
  return { args: [...execArgv, ...missingFlags, script, ...proc.argv.slice(2)], env };
}

/**
 * Runs `script` again with the settings in a child that shares the terminal, and ends as it ends (its
 * exit code, or the signal that stopped it). A Ctrl-C in a terminal reaches the child by itself (it is
 * in the terminal's foreground process group): passed on as well, it would arrive twice, and a second
 * SIGINT stops a command in the middle of its cleanup; so SIGINT is passed on only when no standard
 * stream is a terminal. SIGTERM and SIGHUP are always passed on. When node cannot be started again,
 * `fallback` runs in this process instead.
 */
function relaunch(script, fallback) {
  const again = relaunchArgs(process, script);
  if (!again) return fallback();
  const child = spawn(process.execPath, again.args, { stdio: 'inherit', env: again.env });
  const terminal = [process.stdin, process.stdout, process.stderr].some((s) => s && s.isTTY);
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', terminal ? () => undefined : forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGHUP'));
  child.on('error', (error) => {
    process.stderr.write(`hslist: could not start node again with its settings (${error.message}); running without them.\n`);
    fallback();
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exitCode = code === null ? 1 : code;
  });
}

module.exports = { NODE_FLAGS, CLI_FLAGS, NODE_ENV, SERVER_ENV, RELAUNCHED, relaunchArgs, relaunch, mayFetch };
