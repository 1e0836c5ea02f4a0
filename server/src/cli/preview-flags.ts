// `hslist preview` flags, checked strictly: anything malformed is a usage error (exit 2).

import { type ParsedArgs, UsageError } from './args';

export interface PreviewFlags {
  file: string;
  list?: string;
  /** A path, or "hubspot" for the live portal; undefined = hslist.json's `contacts`. */
  data?: string;
  sample: number;
  explain?: string;
  json: boolean;
  /** *now* for relative dates, epoch ms. */
  now: number;
  schema?: string;
  /** Salesforce data for the explained contact's Salesforce side: a path, or "org". */
  salesforce?: string;
}

export const DEFAULT_SAMPLE = 5;
const MAX_SAMPLE = 1000;

export function parsePreviewFlags(args: ParsedArgs): PreviewFlags {
  if (args.positionals.length !== 1) {
    throw new UsageError('preview takes exactly one file: hslist preview FILE [--list NAME] [--data PATH|hubspot] [--sample N] [--explain EMAIL|ID [--salesforce PATH|org]] [--json] [--now ISO]');
  }
  const flags: PreviewFlags = { file: args.positionals[0], sample: sampleSize(args.values.get('sample')), json: args.switches.has('json'), now: nowFrom(args.values.get('now')) };
  for (const key of ['list', 'data', 'explain', 'schema', 'salesforce'] as const) {
    const value = args.values.get(key);
    if (value === undefined) continue;
    if (value.trim() === '') throw new UsageError(`--${key} needs a non-empty value.`);
    flags[key] = value;
  }
  return flags;
}

export function sampleSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SAMPLE;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_SAMPLE) throw new UsageError(`--sample must be a whole number from 0 to ${MAX_SAMPLE}; got "${raw}".`);
  return Number(raw);
}

/** An ISO date or date-time; a date alone means its midnight UTC. */
export function nowFrom(raw: string | undefined): number {
  if (raw === undefined) return Date.now();
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(raw);
  const at = ok ? Date.parse(/T/.test(raw) ? raw : `${raw}T00:00:00Z`) : NaN;
  if (Number.isNaN(at)) throw new UsageError(`--now must be an ISO date or date-time with a zone, such as 2025-06-01 or 2025-06-01T12:00:00Z; got "${raw}".`);
  return at;
}
