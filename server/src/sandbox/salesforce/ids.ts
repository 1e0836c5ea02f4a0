// Salesforce record ids: a 3-character key prefix, a 12-character base-62 body (15 characters, case-sensitive),
// and the 3-character case-safe suffix Salesforce appends to make the 18-character form.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character id for `prefix` (e.g. "00Q") and a sequence number. The pod part "5g" is fixed. */
export function recordId(prefix: string, sequence: number): string {
  let body = '';
  let rest = sequence;
  for (let i = 0; i < 10; i++) {
    body = BASE62[rest % 62] + body;
    rest = Math.floor(rest / 62);
  }
  return toEighteen(`${prefix}5g${body}`);
}

/** Each 5-character chunk contributes one suffix character: bit i set when character i is an upper-case letter. */
export function toEighteen(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15[chunk * 5 + i];
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return id15 + suffix;
}

/** 15- and 18-character forms of the same id compare equal; the first 15 characters are case-sensitive. */
export function sameId(a: string, b: string): boolean {
  if (a.length !== 15 && a.length !== 18) return false;
  if (b.length !== 15 && b.length !== 18) return false;
  return a.slice(0, 15) === b.slice(0, 15);
}

export function looksLikeId(text: string): boolean {
  return /^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(text);
}
