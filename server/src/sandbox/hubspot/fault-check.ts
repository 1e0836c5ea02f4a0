// Validates a fault armed over POST /__emulator/faults, with a sentence naming what is wrong.

import type { FaultType } from './faults';

type Problem = string | undefined;
type Fields = Partial<Record<string, unknown>>;

const POLICIES = ['TEN_SECONDLY_ROLLING', 'DAILY', 'SECONDLY'];

const CHECKS: Record<FaultType, (f: Fields) => Problem> = {
  status: (f) => (isInteger(f.status) && f.status >= 400 && f.status <= 599 ? undefined : 'A status fault needs "status" between 400 and 599.'),
  delay: (f) => (isInteger(f.ms) && f.ms >= 0 ? flagProblem(f, 'after', 'delay') : 'A delay fault needs "ms" (a whole number ≥ 0).'),
  reset: (f) => flagProblem(f, 'after', 'reset'),
  'rate-limit': (f) => (f.policy === undefined || POLICIES.includes(String(f.policy)) ? undefined : `A rate-limit fault's "policy" must be one of ${POLICIES.join(', ')}.`),
  truncate: (f) => {
    if (f.status !== undefined && !(isInteger(f.status) && f.status >= 200 && f.status <= 599)) return 'A truncate fault\'s "status" must be between 200 and 599.';
    return f.bytes === undefined || (isInteger(f.bytes) && f.bytes >= 0) ? undefined : 'A truncate fault\'s "bytes" must be a whole number ≥ 0 (how much of the body to send).';
  },
  hold: () => undefined,
  body: (f) => {
    if ((f.json === undefined) === (f.raw === undefined)) return 'A body fault needs exactly one of "json" (sent JSON-encoded) or "raw" (a string sent as is).';
    if (f.raw !== undefined && typeof f.raw !== 'string') return 'A body fault\'s "raw" must be a string.';
    if (f.status !== undefined && !(isInteger(f.status) && f.status >= 200 && f.status <= 599)) return 'A body fault\'s "status" must be between 200 and 599.';
    return flagProblem(f, 'after', 'body');
  },
};

export function faultProblem(fault: unknown): Problem {
  if (!fault || typeof fault !== 'object' || Array.isArray(fault)) return 'A fault must be an object.';
  const f = fault as Fields;
  const type = String(f.type);
  if (!Object.hasOwn(CHECKS, type)) return `Unknown fault type "${type}"; use ${Object.keys(CHECKS).join(', ')}.`;
  return matchProblem(f) ?? CHECKS[type as FaultType](f);
}

function matchProblem(f: Fields): Problem {
  if (f.count !== undefined && !(isInteger(f.count) && f.count >= 1)) return 'A fault\'s "count" must be a whole number ≥ 1.';
  if (f.path !== undefined && (typeof f.path !== 'string' || !f.path.startsWith('/'))) return 'A fault\'s "path" must be a path prefix starting with "/".';
  if (f.method !== undefined && (typeof f.method !== 'string' || !/^[A-Za-z]+$/.test(f.method))) return 'A fault\'s "method" must be an HTTP method such as "POST".';
  return undefined;
}

function flagProblem(f: Fields, name: string, type: string): Problem {
  return f[name] === undefined || typeof f[name] === 'boolean' ? undefined : `A ${type} fault's "${name}" must be true or false.`;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
