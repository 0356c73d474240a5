#!/usr/bin/env node
// The specsmith CLI; the TypeScript sources are compiled to generator/dist by `npm run compile`.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
