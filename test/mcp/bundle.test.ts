/**
 * The MCP server survives bundling: its entry, bundled with everything it
 * imports (the client, openapi-fetch, the MCP SDK and the tool table) into
 * one file in an empty temporary folder, prints its help, lists every tool
 * over stdio and calls one against the Prism mock. Nothing is read from the
 * package folder at run time, so a bundle never fails with ENOENT.
 *
 * The bundler is Rolldown, which the test runner (Vite) already installs;
 * esbuild is not a dependency of this repository, and adding one only for
 * this check is not worth its weight. Without Rolldown the test is skipped.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSpec, prismUrl, TEST_KEYS } from '../support/contract.js';
import { compilePackages, mcpBin } from './support/compile.js';

const run = promisify(execFile);

type Rolldown = typeof import('rolldown');
const rolldown = (await import('rolldown').catch(() => undefined)) as Rolldown | undefined;

describe.skipIf(rolldown === undefined)('the hot MCP server bundled into one file', () => {
  let dir: string;
  let bundle: string;

  beforeAll(async () => {
    await compilePackages();
    dir = await mkdtemp(join(tmpdir(), 'specsmith-mcp-bundle-'));
    bundle = join(dir, 'hot-mcp.mjs');
    const build = await (rolldown as Rolldown).rolldown({ input: mcpBin('hot'), platform: 'node', logLevel: 'silent' });
    try {
      await build.write({ file: bundle, format: 'esm', codeSplitting: false });
    } finally {
      await build.close();
    }
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is one file, alone in its folder', async () => {
    expect(await readdir(dir)).toEqual(['hot-mcp.mjs']);
  });

  it('prints --help', async () => {
    const { stdout } = await run(process.execPath, [bundle, '--help'], { cwd: dir });
    expect(stdout).toContain('HOT_API_KEY');
    expect(stdout).toContain('--tools <names>');
  });

  it('lists every tool over stdio and calls one', async () => {
    const spec = await contractSpec('hot');
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bundle],
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', HOT_API_KEY: TEST_KEYS.hot, HOT_BASE_URL: prismUrl('hot') },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'specsmith-tests', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(
        spec.operations.map((operation) => operation.operationId).sort(),
      );
      const result = (await client.callTool({
        name: 'getProject',
        arguments: { project_id_or_slug: 'my-project' },
      })) as { isError?: boolean; structuredContent?: Record<string, unknown> };
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      expect(typeof result.structuredContent?.['name']).toBe('string');
    } finally {
      await client.close();
    }
    expect(stderr).not.toMatch(/ENOENT|Error/);
  });
});
