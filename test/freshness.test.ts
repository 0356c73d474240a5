/**
 * What is committed is what the generator makes: regenerating the client
 * packages and the docs from the committed specs changes nothing.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/redocly.js';

const run = promisify(execFile);
const CLI = join(repoRoot, 'generator/bin/specsmith.js');

async function check(command: string): Promise<{ code: number; stale: string }> {
  try {
    await run(process.execPath, [CLI, command, '--check'], { cwd: repoRoot });
    return { code: 0, stale: '' };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stale: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

describe('committed output is fresh', () => {
  it('generated/ matches `specsmith generate`', async () => {
    expect(await check('generate')).toEqual({ code: 0, stale: '' });
  });
  it('docs/ matches `specsmith docs`', async () => {
    expect(await check('docs')).toEqual({ code: 0, stale: '' });
  });
});
