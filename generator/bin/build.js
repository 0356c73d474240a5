#!/usr/bin/env node
// `npm run build`: compiles the generator when its sources changed (a content
// hash, so an unchanged checkout skips tsc), then runs `specsmith build`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const generator = dirname(dirname(fileURLToPath(import.meta.url)));
const stampFile = join(generator, 'dist', '.source-hash');

function sourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'dist' || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') || entry.name === 'tsconfig.json') hash.update(path).update(readFileSync(path));
    }
  };
  walk(generator);
  hash.update(readFileSync(join(generator, '..', 'tsconfig.json')));
  return hash.digest('hex');
}

const hash = sourceHash();
if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== hash) {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', generator], { stdio: 'inherit' });
  if (compiled.status !== 0) process.exit(compiled.status ?? 1);
  writeFileSync(stampFile, hash);
}
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(['build', ...process.argv.slice(2)]);
