// User text quoted in a message is cut to a readable length: a 300,000-character property name
// must not make a 300 KB diagnostic (the range already points at the whole text).

/** Characters of user text a message quotes before cutting it with "…". */
export const QUOTED_CHARS = 80;

export function clip(text: string, chars = QUOTED_CHARS): string {
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

/** Whole numbers with thousands separators ("2,996"), without building an Intl formatter per call. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
