// Where the cursor is inside `submitted form "…" [on page "…"] [count] [window]` (grammar/src/parser-expr.ts):
// what may come next, and whether the words so far are a whole condition. Words are the scanner's: `#` for an
// id, `"` for a string, `N` for a number, `D` for a date or an instant, other words lowercased.

/** `on page "Pricing"` / `on page #123`: the page, right after the form. */
const PAGES = [['on', 'page', '"'], ['on', 'page', '#']];
/** `at least N times` …: the count, which comes first. */
const COUNTS = [['at', 'least', 'N', 'times'], ['at', 'most', 'N', 'times'], ['between', 'N', 'and', 'N', 'times']];
/** `in last N days`, `after D` …: the window, after any count. */
const WINDOWS = [['in', 'last', 'N', 'days'], ['in', 'last', 'N', 'day'], ['after', 'D'], ['before', 'D'], ['between', 'D', 'and', 'D']];

export interface FormPlace {
  /** The words so far make a whole condition (`and`, `or` and `)` then end it). */
  complete: boolean;
  /** Keyword phrases that may come next (a number or date is typed, not offered). */
  phrases: string[];
  /** Inside a phrase that continues with `and` (`between 2 and …`): that `and` is the phrase's. */
  andInside: boolean;
  /** Right after `on page`: a page's name or id comes next. */
  page?: boolean;
}

/** The place after `submitted`, from the words after it; undefined where the words fit no condition. */
export function formPlace(words: string[]): FormPlace | undefined {
  if (words.length === 0) return { complete: false, phrases: ['any form', 'form'], andInside: false };
  if (words[0] === 'any' && words.length === 1) return { complete: false, phrases: ['form'], andInside: false };
  const target = words[0] === 'any' ? words[1] === 'form' : words[0] === 'form' && words[1] === '"';
  if (!target) return words[0] === 'form' && words.length === 1 ? { complete: false, phrases: [], andInside: false } : undefined;
  return tailPlace(words.slice(2), [PAGES, COUNTS, WINDOWS]);
}

const WEBINAR_VERBS: Record<string, string[]> = { registered: ['for'], attended: [] };

/**
 * The place in a webinar, CTA or ads condition, from its words (its first word included): `registered for
 * webinar #…`, `attended any webinar`, `clicked cta "…" [count] [window]`, `saw any ad <window>`.
 */
export function activityPlace(words: string[]): FormPlace | undefined {
  const [verb, ...rest] = words;
  if (verb === 'clicked' || verb === 'viewed') {
    if (rest.length === 0) return { complete: false, phrases: ['cta'], andInside: false };
    if (rest[0] !== 'cta') return undefined;
    if (rest.length === 1) return { complete: false, phrases: [], andInside: false };
    return rest[1] === '"' ? tailPlace(rest.slice(2), [COUNTS, WINDOWS]) : undefined;
  }
  if (verb === 'saw') {
    const head = ['any', 'ad'];
    if (rest.length < head.length) return rest.every((w, i) => w === head[i]) ? { complete: false, phrases: [head.slice(rest.length).join(' ')], andInside: false } : undefined;
    if (rest[0] !== 'any' || rest[1] !== 'ad') return undefined;
    const tail = rest.slice(2);
    // The window is required: without one the words are not yet a condition.
    return tail.length === 0 ? { complete: false, phrases: WINDOWS.map(openingWords).filter(unique), andInside: false } : windowPlace(tail);
  }
  const prefix = WEBINAR_VERBS[verb ?? ''];
  if (!prefix) return undefined;
  const head = [...prefix];
  if (rest.length < head.length) return rest.every((w, i) => w === head[i]) ? { complete: false, phrases: [[...head.slice(rest.length), 'webinar'].join(' '), [...head.slice(rest.length), 'any webinar'].join(' ')], andInside: false } : undefined;
  if (!head.every((w, i) => rest[i] === w)) return undefined;
  const target = rest.slice(head.length);
  if (target.length === 0) return { complete: false, phrases: ['webinar', 'any webinar'], andInside: false };
  if (target[0] === 'any') return target.length === 1 ? { complete: false, phrases: ['webinar'], andInside: false } : target.length === 2 && target[1] === 'webinar' ? { complete: true, phrases: [], andInside: false } : undefined;
  if (target[0] !== 'webinar') return undefined;
  if (target.length === 1) return { complete: false, phrases: [], andInside: false };
  return target.length === 2 && (target[1] === '#' || target[1] === '"') ? { complete: true, phrases: [], andInside: false } : undefined;
}

/** The place in an event's window (a marketing email event's, after the event): `tail` from its first word. */
export function windowPlace(tail: string[]): FormPlace | undefined {
  return tailPlace(tail, [WINDOWS]);
}

/** The words that open a window: a word among them after an event starts its window. */
export const WINDOW_OPENERS = WINDOWS.map((p) => p[0]).filter(unique);

/** The place in the refinements after the form: each stage's phrase is optional, in order. */
function tailPlace(tail: string[], stages: string[][][]): FormPlace | undefined {
  const patterns = stages.flat();
  if (tail.length === 0) return { complete: true, phrases: patterns.map(openingWords).filter(unique), andInside: false };
  for (let s = 0; s < stages.length; s++) {
    for (const p of stages[s]) {
      if (tail.length >= p.length && p.every((w, i) => w === tail[i])) return tailPlace(tail.slice(p.length), stages.slice(s + 1));
    }
  }
  const started = patterns.filter((p) => tail.length < p.length && tail.every((w, i) => w === p[i]));
  if (started.length === 0) return undefined;
  const next = started.map((p) => p[tail.length]);
  const page = next.includes('"') || next.includes('#');
  return { complete: false, phrases: next.filter((w) => !isTyped(w)).filter(unique), andInside: next.includes('and'), ...(page ? { page } : {}) };
}

/** A place for a value the user types (a number, date, string or id), not a keyword to offer. */
function isTyped(w: string): boolean {
  return w === 'N' || w === 'D' || w === '"' || w === '#';
}

/** The words of a pattern up to its first typed value: `at least`, `in last`, `after`, `on page`. */
function openingWords(p: string[]): string {
  const end = p.findIndex(isTyped);
  return p.slice(0, end < 0 ? p.length : end).join(' ');
}

function unique(w: string, i: number, all: string[]): boolean {
  return all.indexOf(w) === i;
}
