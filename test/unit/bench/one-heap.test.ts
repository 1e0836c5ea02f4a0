// The memory benches measure one V8 heap, as the CLI runs with (bench/fetch-kit.ts, requireOneHeap):
// under register-ts, esbuild's worker thread would be a second heap unless ESBUILD_WORKER_THREADS=0.

import { strict as assert } from 'node:assert';
import { requireOneHeap } from '../../../bench/fetch-kit';

function withCompilerThreads<T>(value: string | undefined, run: () => T): T {
  const before = process.env.ESBUILD_WORKER_THREADS;
  if (value === undefined) delete process.env.ESBUILD_WORKER_THREADS;
  else process.env.ESBUILD_WORKER_THREADS = value;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.ESBUILD_WORKER_THREADS;
    else process.env.ESBUILD_WORKER_THREADS = before;
  }
}

describe('bench: the memory benches measure one heap', () => {
  it('refuses to measure when esbuild may compile in a worker thread, and says how to run', () => {
    assert.ok(require.extensions['.ts'], 'the tests run under register-ts');
    withCompilerThreads(undefined, () => assert.throws(() => requireOneHeap(), /ESBUILD_WORKER_THREADS=0/));
    withCompilerThreads('1', () => assert.throws(() => requireOneHeap(), /ESBUILD_WORKER_THREADS=0/));
  });

  it('measures when esbuild compiles in a child process', () => {
    withCompilerThreads('0', () => assert.doesNotThrow(() => requireOneHeap()));
  });
});
