/**
 * The installed binary (generator/bin/specsmith.js, running the compiled
 * generator/dist from `npm run compile`) turns outcomes into process exit
 * codes: 0 success, 1 a failed run, 2 bad usage.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot, runBinary, specsmithBin, tempDir } from './helpers.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir('binary');
});
afterAll(async () => {
  await temp.remove();
});

describe('specsmith binary exit codes', () => {
  it('0 for a good spec', async () => {
    const out = join(temp.path, 'good');
    const { code, stderr } = await runBinary(['generate', 'test/fixtures/specs/split/openapi.yaml', '--out', out]);
    expect(code, stderr).toBe(0);
    expect(existsSync(join(out, 'src', 'client.ts'))).toBe(true);
  });

  it('1 for a bad spec, with the diagnostic on stderr and nothing written', async () => {
    const out = join(temp.path, 'bad');
    const { code, stderr } = await runBinary(['generate', 'test/fixtures/specs/bad/openapi-4.yaml', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'test/fixtures/specs/bad/openapi-4.yaml:1:1 error [unsupported-version] #/openapi: OpenAPI 4.0.0 is not supported',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('2 for an unknown command', async () => {
    const { code, stderr } = await runBinary(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
  });
});

describe('specsmith generate --watch', () => {
  it('regenerates when the spec changes, and keeps watching after a bad edit', async () => {
    const specDir = join(temp.path, 'watched-spec');
    const out = join(temp.path, 'watched-out');
    await cp(join(fixturesDir, 'split'), specDir, { recursive: true });
    const child = spawn(
      process.execPath,
      [specsmithBin, 'generate', join(specDir, 'openapi.yaml'), '--out', out, '--watch'],
      { cwd: repoRoot },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const waitFor = async (pattern: RegExp, from: number): Promise<void> => {
      for (let waited = 0; waited < 20_000; waited += 50) {
        if (pattern.test(stderr.slice(from))) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
    };
    try {
      await waitFor(/watching for changes/, 0);
      const before = await readFile(join(out, 'README.md'), 'utf8');
      const root = join(specDir, 'openapi.yaml');
      const original = await readFile(root, 'utf8');
      // A broken edit is reported and nothing is written; the watcher keeps going.
      let mark = stderr.length;
      await writeFile(root, `${original}\n  bad: [unclosed\n`);
      await waitFor(/nothing was written/, mark);
      expect(await readFile(join(out, 'README.md'), 'utf8')).toBe(before);
      // A good edit regenerates.
      mark = stderr.length;
      const title = /title: (.+)/.exec(original)?.[1] ?? '';
      await writeFile(root, original.replace(`title: ${title}`, 'title: Watched API'));
      await waitFor(/files? written/, mark);
      expect(await readFile(join(out, 'README.md'), 'utf8')).toContain('Watched API');
    } finally {
      child.kill();
    }
  }, 60_000);
});
