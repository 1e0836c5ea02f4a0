#!/usr/bin/env node
// The CLI entry point: the real code is bundled by `npm run build` into dist/cli.js.
require('../dist/cli.js').runCliProcess();
