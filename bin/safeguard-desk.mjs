#!/usr/bin/env node
// The `safeguard-desk` command: runs the CLI from source through tsx. It needs Node 22 or newer
// (the encrypted SQLite module's prebuilds are Node-API for Node >= 22); say so plainly otherwise.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`safeguard-desk: needs Node.js 22 or newer (this is ${process.version}).\n`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
