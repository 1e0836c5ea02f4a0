// `annualrevenue > 1M`: a number written with a thousands / millions / billions suffix, as people write
// amounts in prose. The language takes plain numbers only (what HubSpot stores and compares), so this
// stays an error, one that names the number to write instead rather than "found `M`".

import type { IToken } from './chevrotain';

const ZEROS: Record<string, number> = { k: 3, m: 6, mm: 6, mn: 6, b: 9, bn: 9 };

export interface SuffixedNumber {
  /** As written: `1.5M`. */
  written: string;
  /** The plain number it stands for: `1500000`. */
  number: string;
  message: string;
}

/** A number token followed, with no space, by a k / M / B suffix word; else undefined. */
export function suffixedNumber(number: IToken | undefined, next: IToken | undefined): SuffixedNumber | undefined {
  if (!number || !next || number.tokenType.name !== 'NumberLit') return undefined;
  const zeros = ZEROS[next.image.toLowerCase()];
  // Tokens carry only their start: glued means the word starts where the number's text ends.
  if (zeros === undefined || next.startOffset !== number.startOffset + number.image.length) return undefined;
  const written = `${number.image}${next.image}`;
  const plain = expand(number.image, zeros);
  return { written, number: plain, message: `\`${written}\` is not a number: write ${plain} (numbers take no k, M or B suffix).` };
}

/** The message for a number glued to a suffix (`previous` is the number, `actual` the word right after it), else undefined. */
export function suffixedNumberMessage(previous: IToken | undefined, actual: IToken | undefined): string | undefined {
  return suffixedNumber(previous, actual)?.message;
}

/** "1.5" with 6 zeros → "1500000", by moving the decimal point in the text (no floating-point rounding). */
export function expand(number: string, zeros: number): string {
  const sign = number.startsWith('-') ? '-' : '';
  const [whole, fraction = ''] = number.slice(sign.length).split('.');
  const digits = `${whole}${fraction.padEnd(zeros, '0')}`;
  const point = whole.length + zeros;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return `${sign}${integer}${rest ? `.${rest}` : ''}`;
}
