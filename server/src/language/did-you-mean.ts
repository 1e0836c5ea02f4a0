// "Did you mean …?" suggestions: Damerau–Levenshtein distance (optimal string alignment),
// case-insensitive, over candidates' names and labels.

export interface Candidate {
  /** What a fix inserts (an internal name, an option value, a list name). */
  value: string;
  /** Other spellings that should find it (a property label, an option label). */
  aliases?: string[];
}

/** Edit distance where a swap of two neighbours costs 1, like a single typo. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/** Tolerate about one typo per three characters, at least one, at most four. */
function threshold(word: string): number {
  return Math.max(1, Math.min(4, Math.floor(word.length / 3)));
}

export interface Suggestion {
  value: string;
  distance: number;
  /** The spelling that matched (the value itself or one of its aliases). */
  matched: string;
}

/** Up to `limit` candidates close to `word`, best first; ties keep the candidates' order. */
export function suggest(word: string, candidates: Iterable<Candidate>, limit = 3): Suggestion[] {
  const needle = word.toLowerCase();
  const max = threshold(needle);
  const found: Suggestion[] = [];
  for (const c of candidates) {
    let best: Suggestion | undefined;
    for (const spelling of [c.value, ...(c.aliases ?? [])]) {
      const distance = editDistance(needle, spelling.toLowerCase());
      if (distance <= max && (!best || distance < best.distance)) best = { value: c.value, distance, matched: spelling };
    }
    if (best) found.push(best);
  }
  return found.sort((x, y) => x.distance - y.distance).slice(0, limit);
}

/**
 * One sentence: `base` followed by "; did you mean `a`, `b` or `c`?" when there are suggestions,
 * else by a full stop.
 */
export function withDidYouMean(base: string, suggestions: Suggestion[], quote: (v: string) => string = (v) => `\`${v}\``): string {
  if (suggestions.length === 0) return `${base}.`;
  const names = suggestions.map((s) => quote(s.value));
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `${base}; did you mean ${joined}?`;
}
