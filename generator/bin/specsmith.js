#!/usr/bin/env node
// The specsmith CLI; the TypeScript sources are compiled to generator/dist by `npm run compile`.
import { main } from '../dist/cli/main.js';
import { installProcessGuards } from '../dist/cli/process-guards.js';

installProcessGuards(process.argv.slice(2));
process.exitCode = await main(process.argv.slice(2));
