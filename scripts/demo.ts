// `npm run demo`: the main job on the bundled demo workspace, as a user would run it.
// Runs the built CLI (dist/) as a separate process, exactly like `npx hslist`, and prints what it prints.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples');

function hslist(...args: string[]): number {
  console.log(`\n$ hslist ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/hslist.js'), ...args], { cwd: EXAMPLES, stdio: 'inherit' });
  return run.status ?? 1;
}

function main(): number {
  const steps: [string, string[]][] = [
    ['check the workspace', ['check']],
    ['check formatting', ['fmt', '--check']],
    ['compile the inclusion list', ['compile', 'salesforce-sync.hslist', '--list', 'Qualified for Salesforce']],
  ];
  for (const [title, args] of steps) {
    console.log(`\n== ${title}`);
    const code = hslist(...args);
    if (code !== 0) {
      console.error(`\ndemo: "${title}" failed with exit code ${code}.`);
      return code;
    }
  }
  console.log('\ndemo: done.');
  return 0;
}

process.exitCode = main();
