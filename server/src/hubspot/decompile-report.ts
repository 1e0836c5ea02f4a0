// Diagnostics of the decompiler. JSON has no offsets in any .hslist text, so they sit at 0 and name
// the JSON path instead (`filterBranch.filterBranches[2].filters[0].operation.operator`).

import { diagnostic, type Diagnostic } from '@hslist/grammar';
import { NO_SPAN } from './decompile-ast';

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  /** True once anything was reported that makes the decompiled text differ from HubSpot's list. */
  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }

  /**
   * Well-formed HubSpot JSON the language has no phrase for. The whole list is then not decompiled:
   * leaving one filter out of an AND would make the list broader than HubSpot's.
   */
  notRepresentable(path: string, what: string): undefined {
    this.diagnostics.push(diagnostic('not-representable', `${path}: ${what} cannot be written in .hslist, so the list is not decompiled.`, NO_SPAN));
    return undefined;
  }

  /** JSON that is not a valid list definition at all. */
  invalid(path: string, what: string): undefined {
    this.diagnostics.push(diagnostic('invalid-list-json', `${path}: ${what}.`, NO_SPAN));
    return undefined;
  }

  note(path: string, what: string): void {
    this.diagnostics.push(diagnostic('decompile-note', `${path}: ${what}.`, NO_SPAN, 'info'));
  }
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field that must be a string; reports and returns undefined otherwise. */
export function stringField(o: Json, key: string, path: string, r: Reporter): string | undefined {
  const v = o[key];
  if (typeof v === 'string') return v;
  return r.invalid(`${path}.${key}`, v === undefined ? 'is missing' : `must be a string, found ${typeof v}`);
}

/** A number, or a numeric string (HubSpot sometimes echoes numbers as strings). */
export function numberField(o: Json, key: string, path: string, r: Reporter): number | undefined {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return r.invalid(`${path}.${key}`, v === undefined ? 'is missing' : 'must be a number');
}

export function arrayField(o: Json, key: string, path: string, r: Reporter, optional = false): unknown[] | undefined {
  const v = o[key];
  if (Array.isArray(v)) return v;
  if (v === undefined && optional) return [];
  return r.invalid(`${path}.${key}`, v === undefined ? 'is missing' : 'must be an array');
}
