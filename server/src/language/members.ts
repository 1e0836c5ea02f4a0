// The members of a static list, as written: `members: (#123, "ann@example.com")` and the rows of
// `members from: "people.csv"` (path relative to the .hslist file). Checked here once for the editor,
// `hslist check`, the preview and the publish engine alike: a malformed id or email, a repeat, a file
// that cannot be read, is empty or has bad lines. A list with an error here has no usable members.

import { dirname, isAbsolute, resolve } from 'node:path';
import { diagnostic, type Diagnostic, type ListNode, type Span } from '@hslist/grammar';
import { findSetting } from './checks/settings';
import { readMembersFile } from './members-file';

/** One member as written: `where` says where, for messages ("line 4 of people.csv", or the source span). */
export interface StaticMember {
  kind: 'id' | 'email';
  /** The id's digits, or the email as written. */
  value: string;
  /** `id:123` or `email:ann@example.com` (lowercase): two members with one key are the same contact. */
  key: string;
  where: string;
}

export interface StaticMembers {
  /** Whether the list says anything about members (`members` or `members from`). */
  given: boolean;
  members: StaticMember[];
  diagnostics: Diagnostic[];
}

/** Bad lines of a members file reported one by one up to this many; the rest are counted in one more. */
const MAX_BAD_LINES_REPORTED = 20;

const EMAIL = /^[^\s@"(),;:<>[\]\\]+@[^\s@"(),;:<>[\]\\]+\.[^\s@"(),;:<>[\]\\.]+$/;
/** HubSpot record ids are positive whole numbers (64-bit: at most 19 digits). */
const RECORD_ID = /^[1-9]\d{0,18}$/;

export function memberKey(kind: 'id' | 'email', value: string): string {
  return kind === 'id' ? `id:${value}` : `email:${value.toLowerCase()}`;
}

/** Why the value is not a member, or undefined when it is one. */
function memberProblem(kind: 'id' | 'email', value: string): string | undefined {
  if (kind === 'id') return RECORD_ID.test(value) ? undefined : `\`#${value}\` is not a record id (a positive whole number of at most 19 digits)`;
  return EMAIL.test(value) ? undefined : `\`${value}\` is not an email address`;
}

class MemberCollector {
  readonly members: StaticMember[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Map<string, string>();

  /** Adds a well-formed, first-seen member; else reports it at `span`. */
  add(kind: 'id' | 'email', value: string, where: string, span: Span, prefix = ''): void {
    const problem = memberProblem(kind, value);
    if (problem) {
      this.diagnostics.push(diagnostic('invalid-member', `${prefix}${problem}; a member is a contact's record id (\`#123\`) or email.`, span));
      return;
    }
    const key = memberKey(kind, value);
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.diagnostics.push(diagnostic('duplicate-member', `${prefix}\`${kind === 'id' ? `#${value}` : value}\` is already a member (${first}).`, span, 'warning'));
      return;
    }
    this.seen.set(key, where);
    this.members.push({ kind, value, key, where });
  }
}

function addInline(list: ListNode, lineOf: (offset: number) => number, out: MemberCollector): void {
  const setting = findSetting(list.settings, 'members');
  if (setting?.value?.kind !== 'members') return;
  for (const item of setting.value.items) out.add(item.kind, item.value, `line ${lineOf(item.start)}`, item);
}

function addFile(list: ListNode, hslistPath: string, out: MemberCollector): void {
  const setting = findSetting(list.settings, 'members from');
  if (setting?.value?.kind !== 'string') return;
  const span = setting.value;
  const written = setting.value.value;
  const path = isAbsolute(written) ? written : resolve(dirname(hslistPath), written);
  const read = readMembersFile(path);
  if (!read.ok) {
    out.diagnostics.push(diagnostic(read.code, `The members file "${written}" ${read.message}${read.code === 'members-file-empty' ? '; a static list filled from a file needs at least one member.' : ''}`, span));
    return;
  }
  read.badLines.slice(0, MAX_BAD_LINES_REPORTED).forEach((bad) => {
    out.diagnostics.push(diagnostic('members-file-bad-line', `Line ${bad.line} of "${written}" ${bad.problem}.`, span));
  });
  const more = read.badLines.length - MAX_BAD_LINES_REPORTED;
  if (more > 0) out.diagnostics.push(diagnostic('members-file-bad-line', `"${written}" has ${more} more bad line${more === 1 ? '' : 's'} after line ${read.badLines[MAX_BAD_LINES_REPORTED - 1].line}.`, span));
  for (const m of read.members) out.add(m.kind, m.value, `line ${m.line} of "${written}"`, span, `Line ${m.line} of "${written}": `);
}

/**
 * The list's members with their problems. `lineOf` turns an offset of the .hslist text into its line
 * number (for "already a member (line 3)").
 */
export function staticMembers(list: ListNode, hslistPath: string, lineOf: (offset: number) => number): StaticMembers {
  const given = findSetting(list.settings, 'members') !== undefined || findSetting(list.settings, 'members from') !== undefined;
  const out = new MemberCollector();
  addInline(list, lineOf, out);
  addFile(list, hslistPath, out);
  return { given, members: out.members, diagnostics: out.diagnostics };
}

/** Whether any of these diagnostics makes the members unusable (a duplicate is only a warning). */
export function membersHaveErrors(members: StaticMembers): boolean {
  return members.diagnostics.some((d) => d.severity === 'error');
}
