/**
 * An npm registry on loopback that serves the packages installed in this
 * repository's node_modules (the exact versions package-lock.json pins), so a
 * test can `npm install` a packed package into a fresh project the way a user
 * does — with an empty npm cache and no network. It answers the two requests
 * npm makes: the packument (`GET /<name>`, the version list with each
 * version's manifest and tarball address) and the tarball, packed on demand.
 * What the repository does not have is a 404, which fails the install: a
 * package that needs more than the repository installs is a finding.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { packFolder } from './tarball.js';

type Json = Record<string, unknown>;

interface Installed {
  dir: string;
  manifest: Json;
}

/** Fields of package.json that npm reads from a packument's version entry. */
const MANIFEST_FIELDS = [
  'name',
  'version',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'type',
  'main',
  'exports',
];

/** Every package folder package-lock.json lists and node_modules holds, by name and version (workspaces excluded). */
async function installedPackages(repoRoot: string): Promise<Map<string, Map<string, Installed>>> {
  const lock = JSON.parse(await readFile(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Json>;
  };
  const byName = new Map<string, Map<string, Installed>>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.includes('node_modules/') || entry['link'] === true) continue;
    const dir = join(repoRoot, path);
    if (!existsSync(join(dir, 'package.json'))) continue; // an optional dependency for another platform
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Json;
    const name = String(manifest['name']);
    const versions = byName.get(name) ?? new Map<string, Installed>();
    versions.set(String(manifest['version']), { dir, manifest });
    byName.set(name, versions);
  }
  return byName;
}

/** A manifest without dependencies the repository cannot serve but npm may skip (peers and optionals it lacks). */
function servable(manifest: Json, available: (name: string) => boolean): Json {
  const entry: Json = {};
  for (const field of MANIFEST_FIELDS) if (manifest[field] !== undefined) entry[field] = manifest[field];
  for (const field of ['optionalDependencies', 'peerDependencies'] as const) {
    const deps = manifest[field] as Record<string, string> | undefined;
    if (deps) entry[field] = Object.fromEntries(Object.entries(deps).filter(([name]) => available(name)));
  }
  return entry;
}

export interface LocalRegistry {
  url: string;
  /** Names of the packages whose tarballs were downloaded, in request order. */
  served: string[];
  close(): Promise<void>;
}

export async function startLocalRegistry(repoRoot: string): Promise<LocalRegistry> {
  const packages = await installedPackages(repoRoot);
  const tarballs = new Map<string, Promise<Buffer>>();
  const served: string[] = [];
  const tarballOf = (dir: string): Promise<Buffer> => {
    let packed = tarballs.get(dir);
    if (!packed) tarballs.set(dir, (packed = packFolder(dir)));
    return packed;
  };
  let base = '';

  async function packument(name: string): Promise<Json | undefined> {
    const versions = packages.get(name);
    if (!versions) return undefined;
    const entries: Json = {};
    for (const [version, { dir, manifest }] of versions) {
      const tarball = await tarballOf(dir);
      entries[version] = {
        ...servable(manifest, (dep) => packages.has(dep)),
        dist: {
          tarball: `${base}/-/tarball/${encodeURIComponent(name)}/${version}.tgz`,
          integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
          shasum: createHash('sha1').update(tarball).digest('hex'),
        },
      };
    }
    const latest = [...versions.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
    return { name, 'dist-tags': { latest }, versions: entries };
  }

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const answer = async (): Promise<void> => {
      const tarball = /^\/-\/tarball\/(.+)\/([^/]+)\.tgz$/.exec(path);
      if (tarball) {
        const installed = packages.get(tarball[1] ?? '')?.get(tarball[2] ?? '');
        if (!installed) throw new Error('unknown tarball');
        served.push(tarball[1] ?? '');
        response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        response.end(await tarballOf(installed.dir));
        return;
      }
      const body = await packument(path.slice(1));
      if (!body) throw new Error('unknown package');
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    answer().catch((error: Error) => {
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: `${error.message}: ${path}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url: `${base}/`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
