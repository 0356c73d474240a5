/** `npm run extension-types`: writes ./types.ts from the extensions' JSON Schemas (see extension-types.ts). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extensionTypesSource } from './extension-types.js';

/** The source file beside this module's .ts (the compiled module runs from generator/dist/extensions). */
const target = fileURLToPath(new URL('../../extensions/types.ts', import.meta.url));
writeFileSync(target, await extensionTypesSource());
process.stdout.write(`wrote ${target}\n`);
