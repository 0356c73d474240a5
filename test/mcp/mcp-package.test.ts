/**
 * The split between a client package and its MCP server package: installing
 * a client brings openapi-fetch and nothing of MCP (checked on the lock file's
 * resolution of the workspace), the MCP package depends on the client at its
 * exact version and on the MCP SDK and owns the `<name>-mcp` command; its
 * `--help` names the environment and the `--tools` syntax; its README's tool
 * count and token estimate match what the running server lists; its `ts`
 * block compiles.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSpec } from '../support/contract.js';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';
import { typecheck } from '../support/typecheck.js';
import { compilePackages, mcpBin } from './support/compile.js';

const run = promisify(execFile);
const MCP_SDK = '@modelcontextprotocol/sdk';

interface LockEntry {
  name?: string;
  version?: string;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** Where npm resolves `name` required from the package at lock path `from`: the nearest node_modules up the tree. */
function resolveIn(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
  }
}

/** Every package an install of the package at lock path `root` brings, by name (its own dependencies, transitively; peers it needs too). */
function installs(root: string): Set<string> {
  const seen = new Set<string>();
  const queue = [root];
  for (let index = 0; index < queue.length; index++) {
    const path = queue[index] ?? '';
    const entry = lock.packages[path];
    const target = entry?.link && entry.resolved ? lock.packages[entry.resolved] : entry;
    const from = entry?.link && entry.resolved ? entry.resolved : path;
    for (const name of Object.keys({
      ...target?.dependencies,
      ...target?.optionalDependencies,
      ...target?.peerDependencies,
    })) {
      const resolved = resolveIn(from, name);
      if (!resolved || seen.has(resolved)) continue;
      seen.add(resolved);
      queue.push(resolved);
    }
  }
  return new Set([...seen].map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
}

beforeAll(compilePackages, 180_000);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each(PROVIDERS)('%s: client and MCP packages', (provider) => {
  const clientDir = join(repoRoot, 'generated', provider);
  const mcpDir = join(repoRoot, 'generated', `${provider}-mcp`);
  const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
  type PackageJson = {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    exports: Record<string, unknown>;
    bin?: Record<string, string>;
    files: string[];
  };

  it('installing the client brings openapi-fetch and its own dependencies, and nothing of MCP', () => {
    const client = readJson<PackageJson>(join(clientDir, 'package.json'));
    expect(Object.keys(client.dependencies ?? {})).toEqual(['openapi-fetch']);
    expect(client.bin).toBeUndefined();
    expect(Object.keys(client.exports)).not.toContain('./mcp');
    expect(client.files.filter((file) => file.includes('mcp'))).toEqual([]);
    const brought = installs(`generated/${provider}`);
    expect(brought).toEqual(new Set(['openapi-fetch', ...installs('node_modules/openapi-fetch')]));
    expect([...brought].some((name) => name.startsWith('@modelcontextprotocol/'))).toBe(false);
  });

  it('no client source refers to the MCP SDK or the MCP server', async () => {
    const sources = (await readdir(join(clientDir, 'src'), { recursive: true })).filter((path) => path.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const path of sources)
      expect(readFileSync(join(clientDir, 'src', path), 'utf8'), path).not.toMatch(/modelcontextprotocol|runtime\/mcp/);
  });

  it('the MCP package depends on the client at its exact version and on the MCP SDK, and owns the <name>-mcp command', () => {
    const client = readJson<PackageJson>(join(clientDir, 'package.json'));
    const mcp = readJson<PackageJson>(join(mcpDir, 'package.json'));
    expect(mcp.name).toBe(`${client.name}-mcp`);
    expect(mcp.version).toBe(client.version);
    expect(mcp.dependencies?.[client.name]).toBe(client.version);
    expect(mcp.dependencies?.[MCP_SDK]).toMatch(/^\^1\./);
    expect(mcp.bin).toEqual({ [`${provider}-mcp`]: 'dist/bin.js' });
    expect(existsSync(join(mcpDir, 'dist', 'bin.js'))).toBe(true);
    const brought = installs(`generated/${provider}-mcp`);
    expect(brought.has(client.name)).toBe(true);
    expect(brought.has(MCP_SDK)).toBe(true);
    // Everything the package ships is listed in files (the table is code, read by import).
    for (const file of [
      'README.md',
      'mcp-sdk.js',
      'mcp-sdk.d.ts',
      'mcp-tools.js',
      'mcp-tools.d.ts',
      'mcp-server-card.json',
    ]) {
      expect(mcp.files).toContain(file);
      expect(existsSync(join(mcpDir, file)), file).toBe(true);
    }
  });

  it("compiles without the MCP SDK's declarations (they would cost every compile seconds)", async () => {
    const { stdout } = await run(
      process.execPath,
      [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', mcpDir, '--listFilesOnly'],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const files = stdout.split('\n').filter(Boolean);
    expect(files.some((file) => file.endsWith('/mcp-tools.d.ts'))).toBe(true);
    expect(files.filter((file) => file.includes(MCP_SDK))).toEqual([]);
  });

  it('--help names the environment variables and the --tools syntax', async () => {
    const spec = await contractSpec(provider);
    const client = spec.document['x-specsmith-client'] as { apiKeyEnv: string; baseUrlEnv: string };
    const { stdout } = await run(process.execPath, [mcpBin(provider), '--help']);
    expect(stdout).toContain(`${provider}-mcp`);
    expect(stdout).toContain(client.apiKeyEnv);
    expect(stdout).toContain(client.baseUrlEnv);
    expect(stdout).toMatch(/--tools <names>/);
    expect(stdout).toMatch(/comma-separated/);
    expect(stdout).toContain(`all ${spec.operations.length} tools`);
  });

  it('a bad argument is a usage error (exit 2) naming it', async () => {
    const failure = await run(process.execPath, [mcpBin(provider), '--tool', 'x']).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('unknown argument --tool');
  });

  it("the README's tool count and token estimate match the tools/list of a server started with no --tools", async () => {
    const spec = await contractSpec(provider);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [mcpBin(provider)],
      env: { PATH: process.env['PATH'] ?? '' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'specsmith-tests', version: '1.0.0' });
    await client.connect(transport);
    try {
      const result = await client.listTools();
      expect(result.tools).toHaveLength(spec.operations.length);
      const measured = JSON.stringify({ tools: result.tools }).length / 4;
      const readme = readFileSync(join(mcpDir, 'README.md'), 'utf8');
      const match = /offers all (\d+) tools; their tools\/list result costs an agent about ([\d,]+) tokens/.exec(
        readme,
      );
      expect(match, 'the README states the tool count and the token estimate').not.toBeNull();
      expect(Number(match?.[1])).toBe(result.tools.length);
      const stated = Number(match?.[2]?.replace(/,/g, ''));
      expect(Math.abs(stated - measured) / measured).toBeLessThan(0.1);
      // Every tool is listed in the README's table.
      for (const tool of result.tools) expect(readme).toContain(`| \`${tool.name}\` |`);
    } finally {
      await client.close();
    }
  });

  it("the README's ts block compiles against the package", async () => {
    const readme = readFileSync(join(mcpDir, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'specsmith-mcp-readme-'));
    dirs.push(dir);
    const files = await Promise.all(
      blocks.map(async (block, index) => {
        await writeFile(join(dir, `block-${index}.ts`), block);
        return `block-${index}.ts`;
      }),
    );
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    expect(
      await typecheck(
        dir,
        { files },
        {
          [`@specsmith/${provider}-mcp`]: [join(mcpDir, 'src/index.ts')],
          [`@specsmith/${provider}`]: [join(clientDir, 'src/index.ts')],
        },
      ),
    ).toBe('');
  });
});
