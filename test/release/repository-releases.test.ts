/**
 * This repository's own four packages as released: each version in
 * specsmith.config.json is the one in generated/<name>/package.json, its
 * changelog ships in the package and under releases/, `specsmith release`
 * finds nothing to release (the specs are the released ones), and each client
 * and MCP package passes `npm publish --dry-run` offline.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../generator/helpers.js';

const run = promisify(execFile);
const providers = ['agentmetal', 'heycmo', 'hot', 'hotmetal'];
const json = async (path: string): Promise<Record<string, any>> =>
  JSON.parse(await readFile(join(repoRoot, path), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- package.json fields

describe('the released providers', () => {
  it.each(providers)(
    '%s: the configured version is the package version, and the changelog starts with it',
    async (name) => {
      const config = await json('specsmith.config.json');
      const version = config['packages'][name]['version'] as string;
      expect(await json(`generated/${name}/package.json`)).toMatchObject({ name: `@specsmith/${name}`, version });
      expect(await json(`generated/${name}-mcp/package.json`)).toMatchObject({
        name: `@specsmith/${name}-mcp`,
        version,
        dependencies: { [`@specsmith/${name}`]: version },
      });
      const changelog = await readFile(join(repoRoot, `generated/${name}/CHANGELOG.md`), 'utf8');
      expect(changelog).toBe(await readFile(join(repoRoot, `releases/${name}/CHANGELOG.md`), 'utf8'));
      expect(/^## (\S+)$/m.exec(changelog)?.[1]).toBe(version);
      expect(changelog).toMatch(/^## 0\.1\.0\n\nGenerated from `[0-9a-f]+:specs\/.*\n\nFirst release of /m);
    },
  );

  it('release finds every spec already released', async () => {
    const { code, stderr } = await runCli(['release', '--dry-run'], repoRoot);
    expect(code).toBe(0);
    for (const name of providers) expect(stderr).toMatch(new RegExp(`@specsmith/${name} \\S+: up to date`));
    expect(stderr).not.toContain('would release');
  });

  it.each(providers.flatMap((name) => [name, `${name}-mcp`]))(
    '%s passes npm publish --dry-run (offline)',
    async (folder) => {
      const { stdout } = await run(
        'npm',
        ['publish', '--dry-run', '--ignore-scripts', '--json', '--registry', 'http://127.0.0.1:1', '--fetch-retries=0'],
        { cwd: join(repoRoot, 'generated', folder) },
      );
      const manifest = await json(`generated/${folder}/package.json`);
      const report = JSON.parse(stdout) as Record<string, { version: string; files: Array<{ path: string }> }>;
      expect(report[manifest['name'] as string]?.version).toBe(manifest['version']);
      if (!folder.endsWith('-mcp'))
        expect(report[manifest['name'] as string]?.files.map((entry) => entry.path)).toContain('CHANGELOG.md');
    },
  );
});
