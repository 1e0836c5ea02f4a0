// "Did you mean …?" suggestions: Damerau–Levenshtein distance (optimal string alignment),
// case-insensitive, over candidates' names and labels.
//
// Bounded on hostile input: a suggestion is at most 4 edits away, so a candidate whose length differs
// by more than that is skipped without a comparison, a comparison stops as soon as it cannot come
// within the limit (only a band of the table around its diagonal is computed), a word longer than
// MAX_WORD_CHARS gets no suggestions (no name is that long; a 300,000-character property took 35 s),
// and callers that suggest for many words share a `SuggestBudget` of table cells.

export interface Candidate {
  /** What a fix inserts (an internal name, an option value, a list name). */
  value: string;
  /** Other spellings that should find it (a property label, an option label). */
  aliases?: string[];
}

/** Words longer than this get no suggestions. */
export const MAX_WORD_CHARS = 256;

/** Table cells one `suggest` call may compute when no budget is given (about 10 ms). */
const DEFAULT_CELLS = 1_000_000;

/**
 * Table cells shared by several `suggest` calls (e.g. every unknown list of a workspace), and the
 * answers already found, so a name misspelt a thousand times is compared once.
 */
export class SuggestBudget {
  private readonly answers = new Map<string, Suggestion[]>();

  constructor(public cells: number) {}

  /** `find()` once per key. */
  cached(key: string, find: () => Suggestion[]): Suggestion[] {
    let answer = this.answers.get(key);
    if (!answer) {
      answer = find();
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** Edit distance where a swap of two neighbours costs 1, like a single typo. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length), new SuggestBudget(Infinity));
}

/**
 * The distance when it is at most `max`, else `max + 1`. Cells farther than `max` from the diagonal
 * can only hold more than `max`, so each row computes the band around it, and the comparison stops
 * when a whole band exceeds `max`.
 */
export function boundedDistance(a: string, b: string, max: number, budget: SuggestBudget): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  const over = max + 1;
  let [before, previous, current] = scratchRows(cols);
  before.fill(over, 0, cols);
  for (let j = 0; j < cols; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    budget.cells -= to - from + 1;
    // Only the band and one cell either side are read later; older values elsewhere are never read.
    current.fill(over, Math.max(0, from - 1), Math.min(cols, to + 2));
    current[0] = Math.min(i, over);
    let rowMin = current[0];
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) d = Math.min(d, before[j - 2] + 1);
      current[j] = d < over ? d : over;
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** Three rows of at least `cols` cells, reused across comparisons (allocating them made most of the cost). */
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

function scratchRows(cols: number): Int32Array[] {
  if (rows[0].length < cols) rows = [0, 1, 2].map(() => new Int32Array(cols * 2));
  return [rows[0], rows[1], rows[2]];
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

/**
 * Up to `limit` candidates close to `word`, best first; ties keep the candidates' order. When the
 * budget runs out the candidates not yet compared are skipped: a suggestion is a hint, and the
 * diagnostic it belongs to is reported either way.
 */
export function suggest(word: string, candidates: Iterable<Candidate>, limit = 3, budget = new SuggestBudget(DEFAULT_CELLS)): Suggestion[] {
  if (word.length > MAX_WORD_CHARS) return [];
  const needle = word.toLowerCase();
  const max = threshold(needle);
  const found: Suggestion[] = [];
  for (const c of candidates) {
    if (budget.cells <= 0) break;
    let best: Suggestion | undefined;
    for (const spelling of [c.value, ...(c.aliases ?? [])]) {
      if (Math.abs(spelling.length - needle.length) > max) continue;
      const distance = boundedDistance(needle, spelling.toLowerCase(), max, budget);
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
