/**
 * `specsmith init`: the configuration and sample spec it writes generate a
 * package, a project that already has either is refused with nothing written,
 * and bad flags are usage errors.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashTree, runCli, tempDir } from '../generator/helpers.js';

describe('specsmith init', () => {
  it('writes a configuration scoped like the project and a sample spec that generates', async () => {
    const temp = await tempDir('init');
    try {
      await writeFile(join(temp.path, 'package.json'), JSON.stringify({ name: '@acme/apis' }));
      const init = await runCli(['init', '--name', 'notes'], temp.path);
      expect(init.code, init.stderr).toBe(0);
      expect(JSON.parse(await readFile(join(temp.path, 'specsmith.config.json'), 'utf8'))).toEqual({
        $schema: './node_modules/specsmith/specsmith.config.schema.json',
        scope: '@acme',
        license: 'MIT',
        packages: { notes: { version: '0.1.0' } },
      });
      const generate = await runCli(['generate'], temp.path);
      expect(generate.code, generate.stderr).toBe(0);
      expect(JSON.parse(await readFile(join(temp.path, 'generated/notes/package.json'), 'utf8'))).toMatchObject({
        name: '@acme/notes',
        version: '0.1.0',
      });
      expect(await readFile(join(temp.path, 'generated/notes/src/resources/notes.ts'), 'utf8')).toContain('list(');
    } finally {
      await temp.remove();
    }
  });

  it('refuses a project that has a configuration or the spec already, writing nothing', async () => {
    const temp = await tempDir('init-existing');
    try {
      await mkdir(join(temp.path, 'specs', 'example'), { recursive: true });
      await writeFile(join(temp.path, 'specs', 'example', 'openapi.yaml'), 'openapi: 3.1.0\n');
      const before = await hashTree(temp.path);
      const { code, stderr } = await runCli(['init'], temp.path);
      expect(code).toBe(1);
      expect(stderr).toContain(
        'specs/example/openapi.yaml error [already-initialized] #: already exists; init never overwrites a file',
      );
      expect(await hashTree(temp.path)).toEqual(before);
    } finally {
      await temp.remove();
    }
  });

  it.each<[string, string[], string]>([
    [
      'a scope that is not an npm scope',
      ['init', '--scope', 'Acme'],
      'specsmith: --scope must be an npm scope such as @acme, not "Acme"',
    ],
    [
      'a folder name with a path in it',
      ['init', '--name', '../up'],
      'specsmith: --name must be a lowercase folder name such as notes, not "../up"',
    ],
    ['a positional argument', ['init', 'now'], 'specsmith: init takes no arguments besides --scope and --name'],
  ])('usage: %s exits 2 and writes nothing', async (_label, argv, message) => {
    const temp = await tempDir('init-usage');
    try {
      const { code, stderr } = await runCli(argv, temp.path);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe(message);
      expect((await hashTree(temp.path)).size).toBe(0);
    } finally {
      await temp.remove();
    }
  });
});
