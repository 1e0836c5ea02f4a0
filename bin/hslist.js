#!/usr/bin/env node
// The CLI entry point: the real code is bundled by `npm run build` into dist/cli.js. The commands that
// may read a portal's contacts run with hslist's node settings (node-settings.js: a smaller young
// generation and a fixed mmap threshold, for a first fetch's peak memory): started without them, such a
// command runs itself again with them and ends as that run ends. The others (fmt, check without
// `--data hubspot`, and completion on every shell's start) are not worth the second start (about 90 ms).
const run = () => require('../dist/cli.js').runCliProcess();
const settings = require('./node-settings.js');
if (settings.mayFetch(process.argv.slice(2))) settings.relaunch(__filename, run);
else run();
