// A static list's members file (`members from: "people.csv"`): a CSV whose header names an `email` or
// an `id` / `hs_object_id` column (a row's id is taken when it has one, else its email), or one value
// per line without a header. Each value is kept with its line, so every message can name the line.
// Reads are cached by path, size and modification time: the checks run on every analysis.

import { statSync } from 'node:fs';
import { readRegularText } from '../files/regular-file';
import { CsvRecordReader, type CsvItem } from '../preview/sources/csv-records';

/** A members file larger than this is refused (about a million emails): HubSpot imports are the tool for more. */
export const MAX_MEMBERS_FILE_BYTES = 64 * 1024 * 1024;

export interface FileMember {
  /** `id` for a record id (digits), `email` for anything in an email column or with an `@`. */
  kind: 'id' | 'email';
  value: string;
  line: number;
}

export type MembersFileRead =
  | { ok: true; members: FileMember[]; badLines: { line: number; problem: string }[] }
  | { ok: false; code: 'members-file-unreadable' | 'members-file-empty'; message: string };

const ID_COLUMNS = ['id', 'hs_object_id', 'record id'];
const EMAIL_COLUMNS = ['email', 'e-mail', 'email address'];

type Columns = { id: number; email: number; header: boolean };

/** The header's id and email columns, or the one-value-per-line layout when the first line is a value. */
function columnsOf(first: string[]): Columns | string {
  const names = first.map((f) => f.trim().toLowerCase());
  const id = names.findIndex((n) => ID_COLUMNS.includes(n));
  const email = names.findIndex((n) => EMAIL_COLUMNS.includes(n));
  if (id >= 0 || email >= 0) return { id, email, header: true };
  if (first.length === 1) return { id: -1, email: -1, header: false };
  return `the header names no \`email\` nor \`id\` / \`hs_object_id\` column (it has ${names.map((n) => `\`${n}\``).join(', ')})`;
}

/** A row's member: its id when it has one, else its email; a one-column file's value decides by its form. */
function memberOf(fields: string[], columns: Columns, line: number): FileMember | string {
  if (!columns.header) {
    const value = fields[0].trim();
    return { kind: /^#?\d+$/.test(value) ? 'id' : 'email', value: value.replace(/^#/, ''), line };
  }
  const id = columns.id >= 0 ? (fields[columns.id] ?? '').trim() : '';
  if (id !== '') return { kind: 'id', value: id, line };
  const email = columns.email >= 0 ? (fields[columns.email] ?? '').trim() : '';
  if (email !== '') return { kind: 'email', value: email, line };
  return `has no ${columns.email >= 0 && columns.id >= 0 ? 'id nor email' : columns.id >= 0 ? 'id' : 'email'}`;
}

function isBlankRecord(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** Members and bad lines of CSV text (the file's name is added by the caller's messages). */
export function parseMembersCsv(text: string): MembersFileRead {
  const items: CsvItem[] = [];
  const reader = new CsvRecordReader((item) => items.push(item));
  reader.push(text);
  reader.end();
  const members: FileMember[] = [];
  const badLines: { line: number; problem: string }[] = [];
  let columns: Columns | undefined;
  for (const item of items) {
    if (item.kind === 'bad') {
      badLines.push({ line: item.line, problem: item.problem });
      continue;
    }
    if (isBlankRecord(item.fields)) continue;
    if (!columns) {
      const found = columnsOf(item.fields);
      if (typeof found === 'string') return { ok: true, members: [], badLines: [{ line: item.line, problem: found }] };
      columns = found;
      if (columns.header) continue;
    }
    const member = memberOf(item.fields, columns, item.line);
    if (typeof member === 'string') badLines.push({ line: item.line, problem: member });
    else members.push(member);
  }
  if (members.length === 0 && badLines.length === 0) return { ok: false, code: 'members-file-empty', message: columns?.header ? 'has a header but no members' : 'is empty' };
  return { ok: true, members, badLines };
}

const cache = new Map<string, { key: string; read: MembersFileRead }>();

/** The members of the file at `path` (absolute), read again only when its size or modification time changed. */
export function readMembersFile(path: string): MembersFileRead {
  let key: string;
  try {
    const stat = statSync(path);
    key = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    key = 'missing';
  }
  const cached = cache.get(path);
  if (cached && cached.key === key && key !== 'missing') return cached.read;
  const text = readRegularText(path, MAX_MEMBERS_FILE_BYTES);
  const read: MembersFileRead = text.ok ? parseMembersCsv(text.text) : { ok: false, code: 'members-file-unreadable', message: text.message };
  cache.set(path, { key, read });
  return read;
}
