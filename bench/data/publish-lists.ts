// Seeded .hslist text for bench:publish: N lists in a handful of folders (some nested), each with a few
// property conditions and, after the first few, `in list` references to earlier lists, so an apply has
// a dependency order several levels deep.

import { createRandom } from '../../server/src/sandbox/data/random';

const CONDITIONS = [
  'email is known',
  'lifecyclestage is any of (lead, marketingqualifiedlead, salesqualifiedlead)',
  'hs_analytics_num_visits >= 2',
  'country is any of ("Poland", "Germany", "France")',
  'jobtitle contains any of ("head", "director")',
  'annualrevenue > 100000',
  'createdate is after 2023-06-30',
  'hs_lead_status is not UNQUALIFIED',
  'firstname is known',
  'email ends with any of ("@example.com", "@test.com")',
];
const FOLDERS = ['Bench', 'Bench/Sales', 'Bench/Sales/EMEA', 'Bench/Marketing', 'Bench/Hygiene', 'Bench/Events'];

export function publishBenchWorkspace(count: number, seed: number): string {
  const random = createRandom(seed);
  const blocks: string[] = [];
  for (let i = 0; i < count; i++) {
    const conditions = random.sample(CONDITIONS, random.int(1, 3));
    if (i >= 4) for (const ref of new Set([random.int(0, i - 1), random.int(Math.max(0, i - 8), i - 1)])) conditions.push(`${random.chance(0.3) ? 'not ' : ''}in list "Bench list ${ref}"`);
    blocks.push(`list "Bench list ${i}" {\n  folder: "${random.pick(FOLDERS)}"\n  where ${conditions.join('\n    and ')}\n}\n`);
  }
  return blocks.join('\n');
}
