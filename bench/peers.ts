/**
 * The bench's own install of its peers and inputs (openapi-typescript,
 * hey-api, orval, esbuild, the GitHub spec from @octokit/openapi), in
 * bench/.peers with the lock committed in bench/peers, apart from the main
 * dependency tree.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function ensurePeers(root: string): string {
  const source = join(root, 'bench', 'peers');
  const target = join(root, 'bench', '.peers');
  const lock = readFileSync(join(source, 'package-lock.json'), 'utf8');
  const installed = join(target, 'package-lock.json');
  if (!existsSync(join(target, 'node_modules')) || !existsSync(installed) || readFileSync(installed, 'utf8') !== lock) {
    process.stderr.write('bench: installing peers into bench/.peers (npm ci)...\n');
    mkdirSync(target, { recursive: true });
    copyFileSync(join(source, 'package.json'), join(target, 'package.json'));
    copyFileSync(join(source, 'package-lock.json'), join(target, 'package-lock.json'));
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });
  }
  return join(target, 'node_modules');
}
