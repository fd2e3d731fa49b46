#!/usr/bin/env node
// The `folio` command: the JavaScript compiled from src/ into dist/ (`npm run compile`, which
// `npm ci` runs through `prepare`). No TypeScript compiler at run time, so it starts at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// A build allocates much short-lived memory (trees, PDF objects) beside a live set of a few
// hundred MB. By default V8 then lets its heap grow to up to four times what is live before it
// collects; half as much again is plenty, for a little more collecting (the heap may still grow
// as far as the edition needs). Set here, for the command only: a program that imports Folio
// keeps its own settings.
v8.setFlagsFromString('--heap-growing-percent=50');
v8.setFlagsFromString('--max-semi-space-size=32');

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist', 'cli.js');
if (!existsSync(entry)) {
  process.stderr.write('folio: Folio is not compiled (no dist/cli.js). Run `npm run compile` (`npm ci` does it too).\n');
  process.exit(3);
}
// In a clone being worked on, say when the sources changed after the last compilation.
const src = path.join(root, 'src');
if (existsSync(src) && newest(src) > statSync(entry).mtimeMs) {
  process.stderr.write('folio: warning: src/ changed since the last compilation; run `npm run compile` to run the changes.\n');
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));

/** The latest modification time of the files under a folder. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}
