// A small, strict argument parser: unknown flags are usage errors (exit 2), never ignored.
export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value: `--format json` or `--format=json`. */
  values: string[];
  /** Flags that are on/off. */
  switches: string[];
}

export interface ParsedArgs {
  positionals: string[];
  /** The last value of each flag. */
  values: Map<string, string>;
  /** Every value of each flag, in order (`--name A --name B`). */
  repeated: Map<string, string[]>;
  switches: Set<string>;
}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), repeated: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const [flag, inline] = splitFlag(arg);
    if (spec.switches.includes(flag) && inline === undefined) parsed.switches.add(flag);
    else if (spec.values.includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${flag} needs a value.`);
      parsed.values.set(flag, value);
      parsed.repeated.set(flag, [...(parsed.repeated.get(flag) ?? []), value]);
    } else throw new UsageError(`unknown option --${flag}.`);
  }
  return parsed;
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg.slice(2), undefined] : [arg.slice(2, eq), arg.slice(eq + 1)];
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}
