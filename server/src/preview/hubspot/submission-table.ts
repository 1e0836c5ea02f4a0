// A form's submissions as read, kept in columns from the moment its pages are read until the cache is
// written: the addresses joined in one string, the times in a Float64Array, the pages as codes. As
// objects (each with its address string and a boxed time), a 1,000,000-contact portal's 159,000
// submissions were 22 MB of the heap at a full fetch's peak, for its whole second half (issue 15).

import type { FormSubmissionData } from '../../hubspot/account/types';

export class SubmissionTable {
  private constructor(
    readonly formId: string,
    /** Every submission's address, one after another (none: empty). */
    private readonly emails: string,
    /** Where submission k's address starts in `emails`; `emailStarts[length]` is the end. */
    private readonly emailStarts: Uint32Array,
    /** Epoch ms of each submission. */
    readonly submittedAt: Float64Array,
    /** Each submission's page address, as an index into `pageUrls` (0: none). */
    private readonly pageCodes: Uint32Array,
    private readonly pageUrls: readonly (string | undefined)[],
  ) {}

  /** The submissions in the order given (HubSpot's: newest first). */
  static of(formId: string, submissions: readonly FormSubmissionData[]): SubmissionTable {
    const emailStarts = new Uint32Array(submissions.length + 1);
    const submittedAt = new Float64Array(submissions.length);
    const pageCodes = new Uint32Array(submissions.length);
    const pageUrls: (string | undefined)[] = [undefined];
    const pageCode = new Map<string, number>();
    const emails: string[] = [];
    let at = 0;
    submissions.forEach((s, k) => {
      const email = s.email ?? '';
      emails.push(email);
      emailStarts[k] = at;
      at += email.length;
      submittedAt[k] = s.submittedAt;
      if (s.pageUrl === undefined) return;
      let code = pageCode.get(s.pageUrl);
      if (code === undefined) pageCode.set(s.pageUrl, (code = pageUrls.push(s.pageUrl) - 1));
      pageCodes[k] = code;
    });
    emailStarts[submissions.length] = at;
    return new SubmissionTable(formId, emails.join(''), emailStarts, submittedAt, pageCodes, pageUrls);
  }

  get length(): number {
    return this.submittedAt.length;
  }

  /** Submission k carried an address (without making a string of it). */
  hasEmail(k: number): boolean {
    return this.emailStarts[k] !== this.emailStarts[k + 1];
  }

  /** Submission k's address; undefined when it carried none (an empty one is none: it matches no contact). */
  email(k: number): string | undefined {
    const [from, to] = [this.emailStarts[k], this.emailStarts[k + 1]];
    return from === to ? undefined : this.emails.slice(from, to);
  }

  pageUrl(k: number): string | undefined {
    return this.pageUrls[this.pageCodes[k]];
  }

  /** Submission k as HubSpot's answer gave it (for the cache, and a refresh's merge). */
  at(k: number): FormSubmissionData {
    const email = this.email(k);
    const pageUrl = this.pageUrl(k);
    return { formId: this.formId, submittedAt: this.submittedAt[k], ...(email !== undefined ? { email } : {}), ...(pageUrl !== undefined ? { pageUrl } : {}) };
  }

  /** Every submission as `at` gives it, in order. */
  rows(): FormSubmissionData[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k));
  }

  /** The time of the newest submission; -Infinity when there is none. */
  newest(): number {
    let max = -Infinity;
    for (let k = 0; k < this.length; k++) if (this.submittedAt[k] > max) max = this.submittedAt[k];
    return max;
  }
}

/** How many submissions the forms hold in all. */
export function submissionCount(forms: Record<string, SubmissionTable>): number {
  let n = 0;
  for (const table of Object.values(forms)) n += table.length;
  return n;
}
