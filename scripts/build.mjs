// Bundles the CLI, the language server and the VS Code client with esbuild.
// Each entry is optional until its source exists, so the build works while the project grows.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', external: [] },
  { in: 'server/src/lsp/server.ts', out: 'dist/server.js', external: [] },
  // Worker threads: loaded by file next to the bundle that starts them (preview worker clients).
  { in: 'server/src/lsp/preview/worker.ts', out: 'dist/preview-worker.js', external: [] },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
];

for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: entry.external,
    logLevel: 'warning',
  });
}
