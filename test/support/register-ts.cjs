// Lets Node require our TypeScript sources directly (tests, benchmarks, scripts).
// Why not tsx: its require hook also rewrites ESM packages in node_modules to CommonJS, which breaks
// chevrotain 11 (ESM-only, its sub-packages export only an `import` condition). Here only our own .ts
// files are transformed, with esbuild; packages load through Node's own require(esm) (Node >= 20.19).
const { transformSync } = require('esbuild');
const { readFileSync } = require('node:fs');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
process.setSourceMapsEnabled(true);
