#!/usr/bin/env node
// The `folio` command. The sources are TypeScript; tsx loads them without a build step,
// so `npx folio` works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
