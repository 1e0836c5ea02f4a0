// Types of node-settings.js, for the TypeScript that imports it (the VS Code client, bench:fetch, tests).
/** V8 flags of hslist's own processes: the CLI and the language server. */
export const NODE_FLAGS: readonly string[];
/** The CLI's fetching commands: NODE_FLAGS and a single-threaded collector. */
export const CLI_FLAGS: readonly string[];
/** The CLI's environment: the C library's 4 KB mmap threshold. */
export const NODE_ENV: Readonly<Record<string, string>>;
/** The language server's environment: the same variable at 128 KB (keystrokes). */
export const SERVER_ENV: Readonly<Record<string, string>>;
export const RELAUNCHED: string;
export function relaunchArgs(proc: { execArgv: string[]; env: NodeJS.ProcessEnv; argv: string[] }, script: string): { args: string[]; env: NodeJS.ProcessEnv } | undefined;
export function relaunch(script: string, fallback: () => void): void;
/** Whether the CLI's arguments (without node and the script) name a command that may read a portal's contacts. */
export function mayFetch(argv: readonly string[]): boolean;
