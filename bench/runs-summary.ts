// Several runs of a benchmark, summed up: each run's summary line (`bench=… name=value …`) read back,
// and for each figure its least, median and greatest value over the runs, with how many runs met each
// goal. One run of bench:fetch at 100,000 contacts says little about its memory: the same code's peak
// growth ranged over +31 to +40 MB from run to run (docs/preview.md, "A full fetch's memory, ninth round"),
// and a setting that looked better in three runs was not in six more.

/** A goal a figure is held to in every run. */
export interface RunGoal {
  /** The name printed: `<name>_runs=k/N`. */
  name: string;
  figure: string;
  met(value: number): boolean;
}

/** The figures of a summary line by name, as written (`name=value`, separated by spaces). */
export function figuresOf(line: string): Map<string, string> {
  const figures = new Map<string, string>();
  for (const pair of line.trim().split(/\s+/)) {
    const at = pair.indexOf('=');
    if (at > 0) figures.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return figures;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/** The shortest decimal form of a value that keeps three decimals at most (1.5, 1.117, 36). */
function shown(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** What a run prints for a figure that has no value at its size (a time ratio when every request fits one window). */
const NOT_APPLICABLE = 'n/a';

/**
 * One summary line over the runs' lines (`bench=<bench> runs=N`, then each figure's `_min`, `_median`
 * and `_max`, then each goal's `_runs=k/N`, then each label's tally over the runs, then each keyed figure's
 * median by key: `keyed_median=a:1,b:2`). A figure that is `n/a` in every run is `n/a` here too. A
 * figure missing from a run, or not a number there, is an error that names the run: a summary over
 * fewer runs than it says would pass for a steadier result.
 */
export function runsSummary(bench: string, lines: readonly string[], figures: readonly string[], goals: readonly RunGoal[], labels: readonly string[] = [], keyed: readonly string[] = []): string {
  if (lines.length === 0) throw new Error('no run to sum up');
  const parsed = lines.map(figuresOf);
  const notApplicable = (figure: string) => parsed.every((f) => f.get(figure) === NOT_APPLICABLE);
  const valuesOf = (figure: string): number[] =>
    parsed.map((f, i) => {
      const raw = f.get(figure);
      const value = Number(raw);
      if (raw === undefined || raw === '' || !Number.isFinite(value)) throw new Error(`run ${i + 1} of ${lines.length} has no number for ${figure} (${raw === undefined ? 'missing' : `"${raw}"`})`);
      return value;
    });
  const parts = [`bench=${bench}`, `runs=${lines.length}`];
  for (const figure of figures) {
    if (notApplicable(figure)) {
      parts.push(`${figure}=${NOT_APPLICABLE}`);
      continue;
    }
    const values = valuesOf(figure);
    parts.push(`${figure}_min=${shown(Math.min(...values))}`, `${figure}_median=${shown(middle(values))}`, `${figure}_max=${shown(Math.max(...values))}`);
  }
  for (const goal of goals) {
    const met = notApplicable(goal.figure) ? NOT_APPLICABLE : `${valuesOf(goal.figure).filter((v) => goal.met(v)).length}/${lines.length}`;
    parts.push(`${goal.name}_runs=${met}`);
  }
  for (const label of labels) parts.push(`${label}=${tally(parsed, label)}`);
  for (const figure of keyed) parts.push(`${figure}_median=${mediansByKey(parsed, figure)}`);
  return parts.join(' ');
}

/**
 * A figure of numbers by key (`phase_peaks_mb=export:21,exportFile:34`), each key's median over the runs
 * that name it, in the order keys first appear. A run without the figure, or with a value that is not a
 * number, is an error that names the run.
 */
function mediansByKey(parsed: readonly Map<string, string>[], figure: string): string {
  const byKey = new Map<string, number[]>();
  parsed.forEach((figures, i) => {
    const raw = figures.get(figure);
    if (raw === undefined || raw === '') throw new Error(`run ${i + 1} of ${parsed.length} has no value for ${figure}`);
    for (const pair of raw.split(',')) {
      const [key, text] = pair.split(':');
      const value = Number(text);
      if (!key || text === undefined || text === '' || !Number.isFinite(value)) throw new Error(`run ${i + 1} of ${parsed.length} has "${pair}" in ${figure}, not key:number`);
      byKey.set(key, [...(byKey.get(key) ?? []), value]);
    }
  });
  return [...byKey].map(([key, values]) => `${key}:${shown(middle(values))}`).join(',');
}

/**
 * How many runs gave each value of a figure that is a word (`peak_phase=companies`), most first, then by
 * name: `companies:4,exportFile:2`. A run without it is an error that names the run, as for numbers.
 */
function tally(parsed: readonly Map<string, string>[], label: string): string {
  const counts = new Map<string, number>();
  parsed.forEach((figures, i) => {
    const value = figures.get(label);
    if (value === undefined || value === '') throw new Error(`run ${i + 1} of ${parsed.length} has no value for ${label}`);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  });
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).map(([value, n]) => `${value}:${n}`).join(',');
}
