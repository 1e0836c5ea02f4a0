// bench/runs-summary.ts: the line over several runs of a benchmark (bench:fetch --runs N).

import { strict as assert } from 'node:assert';
import { figuresOf, middle, runsSummary } from '../../../bench/runs-summary';

const GOALS = [
  { name: 'time_goal', figure: 'ratio_vs_least_time', met: (v: number) => v <= 1.1 },
  { name: 'memory_goal', figure: 'ratio_rss_vs_loaded', met: (v: number) => v < 1.5 },
];

describe('bench: the line over several runs', () => {
  it('reads a summary line\'s figures by name', () => {
    const f = figuresOf('bench=fetch contacts=100000 via=export ratio_vs_least_time=1.081 peak_rss_growth_mb=35\n');
    assert.equal(f.get('bench'), 'fetch');
    assert.equal(f.get('via'), 'export');
    assert.equal(f.get('peak_rss_growth_mb'), '35');
    assert.equal(f.size, 5);
  });

  it('takes the middle value, the mean of the two middle ones for an even count', () => {
    assert.equal(middle([3, 1, 2]), 2);
    assert.equal(middle([4, 1, 3, 2]), 2.5);
    assert.equal(middle([7]), 7);
  });

  it('gives each figure\'s least, median and greatest, and in how many runs each goal was met', () => {
    const lines = [
      'bench=fetch ratio_vs_least_time=1.081 peak_rss_growth_mb=35 ratio_rss_vs_loaded=1.68',
      'bench=fetch ratio_vs_least_time=1.117 peak_rss_growth_mb=28 ratio_rss_vs_loaded=1.36',
      'bench=fetch ratio_vs_least_time=1.100 peak_rss_growth_mb=31 ratio_rss_vs_loaded=1.5',
    ];
    assert.equal(
      runsSummary('fetch-runs', lines, ['peak_rss_growth_mb', 'ratio_rss_vs_loaded'], GOALS),
      'bench=fetch-runs runs=3 peak_rss_growth_mb_min=28 peak_rss_growth_mb_median=31 peak_rss_growth_mb_max=35 '
        + 'ratio_rss_vs_loaded_min=1.36 ratio_rss_vs_loaded_median=1.5 ratio_rss_vs_loaded_max=1.68 time_goal_runs=2/3 memory_goal_runs=1/3',
    );
  });

  it('says n/a for a figure that has no value in any run (a time ratio when every request fits one window)', () => {
    const lines = ['bench=fetch ratio_vs_least_time=n/a ratio_rss_vs_loaded=1.2', 'bench=fetch ratio_vs_least_time=n/a ratio_rss_vs_loaded=1.4'];
    assert.equal(runsSummary('fetch-runs', lines, ['ratio_vs_least_time'], GOALS), 'bench=fetch-runs runs=2 ratio_vs_least_time=n/a time_goal_runs=n/a memory_goal_runs=2/2');
  });

  it('refuses a run without a figure, or with one that is not a number, naming the run; and no runs at all', () => {
    const lines = ['bench=fetch peak_rss_growth_mb=35', 'bench=fetch ratio_vs_least_time=1.1'];
    assert.throws(() => runsSummary('fetch-runs', lines, ['peak_rss_growth_mb'], []), /run 2 of 2 has no number for peak_rss_growth_mb \(missing\)/);
    assert.throws(() => runsSummary('fetch-runs', ['bench=fetch peak_rss_growth_mb=abc'], ['peak_rss_growth_mb'], []), /run 1 of 1 has no number for peak_rss_growth_mb \("abc"\)/);
    assert.throws(() => runsSummary('fetch-runs', ['bench=fetch ratio_vs_least_time=n/a', 'bench=fetch ratio_vs_least_time=1.05'], ['ratio_vs_least_time'], []), /run 1 of 2 has no number for ratio_vs_least_time \("n\/a"\)/);
    assert.throws(() => runsSummary('fetch-runs', [], ['peak_rss_growth_mb'], []), /no run to sum up/);
  });

  it('tallies a figure that is a word over the runs, most first, and refuses a run without it', () => {
    const lines = ['bench=fetch peak_phase=exportFile', 'bench=fetch peak_phase=companies', 'bench=fetch peak_phase=companies', 'bench=fetch peak_phase=saving'];
    assert.equal(runsSummary('fetch-runs', lines, [], [], ['peak_phase']), 'bench=fetch-runs runs=4 peak_phase=companies:2,exportFile:1,saving:1');
    assert.throws(() => runsSummary('fetch-runs', ['bench=fetch peak_phase=export', 'bench=fetch peak_rss_growth_mb=30'], [], [], ['peak_phase']), /run 2 of 2 has no value for peak_phase/);
  });

  it('gives each key\'s median of a figure by key, in the order keys first appear, and refuses a run without it or with a value that is not a number', () => {
    const lines = ['bench=fetch phase_peaks_mb=export:20,exportFile:34', 'bench=fetch phase_peaks_mb=export:22,exportFile:25,saving:31', 'bench=fetch phase_peaks_mb=exportFile:30,export:21'];
    assert.equal(runsSummary('fetch-runs', lines, [], [], [], ['phase_peaks_mb']), 'bench=fetch-runs runs=3 phase_peaks_mb_median=export:21,exportFile:30,saving:31');
    assert.throws(() => runsSummary('fetch-runs', ['bench=fetch phase_peaks_mb=export:1', 'bench=fetch peak_phase=x'], [], [], [], ['phase_peaks_mb']), /run 2 of 2 has no value for phase_peaks_mb/);
    assert.throws(() => runsSummary('fetch-runs', ['bench=fetch phase_peaks_mb=export:1,saving:x'], [], [], [], ['phase_peaks_mb']), /run 1 of 1 has "saving:x" in phase_peaks_mb, not key:number/);
  });
});
