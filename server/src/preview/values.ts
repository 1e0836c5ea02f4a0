// How raw property strings become typed values (docs/semantics.md, "Data"). Every evaluator and
// every source uses these functions, so "what counts as a number / date / unknown" has one answer.

import { parseExportDateTime } from './time';

/** Absent, null and the empty string are "no value"; whitespace-only strings are values. */
export function isUnknownValue(raw: string | null | undefined): raw is null | undefined | '' {
  return raw === undefined || raw === null || raw === '';
}

/**
 * HubSpot stores a number as a plain decimal: an optional sign, digits, an optional fraction. Anything
 * else (`0x10`, `1e1`, ` 10 `, `Infinity`) is NaN here, which means unknown and is reported by the
 * source, never silently compared (`Number()` would read all of those).
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The decimal's value, or NaN when the text is not a decimal (NaN means unknown). */
export function parseNumber(raw: string): number {
  if (!DECIMAL.test(raw)) return NaN;
  const n = Number(raw);
  return Number.isFinite(n) ? n : NaN;
}

/** `true` / `false` case-insensitively; anything else is undefined (unknown, and reported). */
export function parseBoolean(raw: string): boolean | undefined {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

/** The `;`-separated option values of an enumeration; empty items dropped. */
export function parseEnumeration(raw: string): string[] {
  const out: string[] = [];
  for (const item of raw.split(';')) if (item !== '' && !out.includes(item)) out.push(item);
  return out;
}

const EPOCH_MS = /^-?\d{10,}$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An instant in epoch ms, or NaN. Accepts `2024-03-01` (midnight UTC), ISO-8601 datetimes,
 * epoch milliseconds, and HubSpot's export format `2024-03-01 10:15` (read in `exportZone`).
 */
export function parseInstant(raw: string, exportZone = 'UTC'): number {
  const text = raw.trim();
  if (EPOCH_MS.test(text)) return Number(text);
  const day = DATE_ONLY.exec(text);
  if (day) return validDay(+day[1], +day[2], +day[3]) ? Date.UTC(+day[1], +day[2] - 1, +day[3]) : NaN;
  const exported = parseExportDateTime(text, exportZone);
  if (exported !== undefined) return exported;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return NaN;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : NaN;
}

export function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole-word occurrence: bounded by the text's ends or by a character that is not a letter or digit. */
export function containsWord(text: string, word: string): boolean {
  if (word === '') return true;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    const after = at + word.length >= text.length ? '' : text[at + word.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string): boolean {
  return ch !== '' && WORD_CHAR.test(ch);
}
