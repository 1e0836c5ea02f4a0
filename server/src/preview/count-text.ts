// How many contacts a list holds, in words: the CLI's preview, the code lens, the hover and the preview
// panel all say it with these functions, so a count reads the same everywhere. When some condition cannot
// be judged locally the count is a range; the words say which end is certain and why the rest is not.

export interface CountFigures {
  /** Contacts that certainly match. */
  count: number;
  /** Contacts that may match. */
  maxCount: number;
  /** Contacts in the data. */
  total: number;
  /** Every condition could be judged. */
  complete: boolean;
  /** How many conditions could not be judged locally. */
  notPreviewable: number;
}

/** The figure and the words after it: "0–9" and " of 300 contacts: 0 certain, up to 9 more undecided (…)". */
export interface CountParts {
  figure: string;
  rest: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** A result's figures; a condition written twice (or reached through two lists) counts once. */
export function countFigures(r: { count: number; maxCount: number; total: number; complete: boolean; notPreviewable: readonly { text: string; reason: string }[] }): CountFigures {
  const distinct = new Set(r.notPreviewable.map((p) => `${p.text}\u0000${p.reason}`)).size;
  return { count: r.count, maxCount: r.maxCount, total: r.total, complete: r.complete, notPreviewable: distinct };
}

function conditions(n: number): string {
  // A caller that could not count them still says why the figure is uncertain.
  if (n <= 0) return 'some conditions are';
  return n === 1 ? '1 condition is' : `${fmt(n)} conditions are`;
}

export function countParts(f: CountFigures): CountParts {
  const of = ` of ${fmt(f.total)} contacts`;
  if (f.complete) return { figure: fmt(f.count), rest: of };
  const why = `${conditions(f.notPreviewable)} not previewable locally`;
  if (f.maxCount <= f.count) return { figure: fmt(f.count), rest: `${of} (${why}; the count does not depend on ${f.notPreviewable === 1 ? 'it' : 'them'})` };
  const more = f.maxCount - f.count;
  return { figure: `${fmt(f.count)}–${fmt(f.maxCount)}`, rest: `${of}: ${fmt(f.count)} certain, up to ${fmt(more)} more undecided (${why})` };
}

/** "1,204 of 48,113 contacts", or "0–9 of 300 contacts: 0 certain, up to 9 more undecided (1 condition is not previewable locally)". */
export function countText(f: CountFigures): string {
  const { figure, rest } = countParts(f);
  return figure + rest;
}
