// The parsed command line the runners read (main.ts fills it from commander), and usage errors (exit 2).
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  /** The last value of each flag. */
  values: Map<string, string>;
  /** Every value of each flag, in order (`--name A --name B`). */
  repeated: Map<string, string[]>;
  switches: Set<string>;
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}
