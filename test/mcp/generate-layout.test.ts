/**
 * Where `specsmith generate` puts the two packages of a spec: the client in
 * `--out <dir>`, its MCP server in `<dir>-mcp` beside it, named after the
 * client (`--name`), and a specs/ folder whose names would make two specs
 * share a folder is refused before anything is written.
 */
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir, runCli, tempDir } from '../generator/helpers.js';

const tasker = join(fixturesDir, 'tasker/openapi.yaml');
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('mcp-layout');
});
afterEach(async () => {
  await temp.remove();
});

describe('generate', () => {
  it('writes the client into --out and its MCP server beside it, named after the client', async () => {
    const { code, stderr } = await runCli(
      ['generate', tasker, '--out', 'out/client/', '--name', '@acme/tasks'],
      temp.path,
    );
    expect(code, stderr).toBe(0);
    expect((await readdir(join(temp.path, 'out'))).sort()).toEqual(['client', 'client-mcp']);
    const client = JSON.parse(await readFile(join(temp.path, 'out/client/package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    const mcp = JSON.parse(await readFile(join(temp.path, 'out/client-mcp/package.json'), 'utf8')) as {
      name: string;
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(client.name).toBe('@acme/tasks');
    expect(mcp.name).toBe('@acme/tasks-mcp');
    expect(mcp.bin).toEqual({ 'tasks-mcp': 'dist/bin.js' });
    expect(mcp.dependencies['@acme/tasks']).toBe(client.version);
    expect(await readFile(join(temp.path, 'out/client-mcp/src/index.ts'), 'utf8')).toContain("from '@acme/tasks'");
  });

  it('refuses specs/<name>/ beside specs/<name>-mcp/ (both would write generated/<name>-mcp/), writing nothing', async () => {
    for (const name of ['tasks', 'tasks-mcp']) {
      await mkdir(join(temp.path, 'specs', name), { recursive: true });
      await cp(tasker, join(temp.path, 'specs', name, 'openapi.yaml'));
    }
    const { code, stderr } = await runCli(['generate'], temp.path);
    expect(code).toBe(2);
    expect(stderr).toContain('specs/tasks-mcp/');
    expect(stderr).toContain('generated/tasks-mcp/');
    expect(await readdir(temp.path)).toEqual(['specs']);
  });
});
