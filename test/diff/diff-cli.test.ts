/**
 * `specsmith diff` from the command line: formats, `--fail-on` exit codes,
 * git revisions (a spec split over files, read as the revision had it), real
 * history (two published Petstore versions) and hostile inputs.
 */
import { execFileSync } from 'node:child_process';
import { cp, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot, runCli, tempDir } from '../generator/helpers.js';

const base = 'test/fixtures/diff/base.json';
const hostile = 'test/fixtures/hostile/release';
const history = 'test/fixtures/diff/history';

let work: { path: string; remove: () => Promise<void> };
let changed: string;

beforeAll(async () => {
  work = await tempDir('diff-cli');
  const document = JSON.parse(await readFile(join(repoRoot, base), 'utf8'));
  document.components.schemas.Pet.properties.tag.type = 'integer'; // breaking for readers of GET /pets
  document.paths['/pets'].get.parameters.push({ name: 'sort', in: 'query', schema: { type: 'string' } }); // non-breaking
  changed = join(work.path, 'changed.json');
  await writeFile(changed, JSON.stringify(document, null, 2));
});
afterAll(() => work.remove());

describe('formats and exit codes', () => {
  it('json lists every change with its kind and pointers; no --fail-on exits 0', async () => {
    const { code, stdout } = await runCli(['diff', base, changed, '--format', 'json'], repoRoot);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      worst: string;
      changes: Array<{ rule: string; kind: string; old: { pointer: string }; new: { pointer: string } }>;
    };
    expect(result.worst).toBe('breaking');
    expect(result.changes.map((change) => [change.rule, change.kind])).toEqual(
      expect.arrayContaining([
        ['response-property-type-changed', 'breaking'],
        ['new-optional-request-parameter', 'non-breaking'],
      ]),
    );
    const typeChange = result.changes.find((change) => change.rule === 'response-property-type-changed');
    expect(typeChange?.old.pointer).toBe('/components/schemas/Pet/properties/tag');
    expect(typeChange?.new.pointer).toBe('/components/schemas/Pet/properties/tag');
  });

  it('--fail-on breaking exits 1 when a breaking change is found', async () => {
    const { code, stderr } = await runCli(['diff', base, changed, '--fail-on', 'breaking'], repoRoot);
    expect(code).toBe(1);
    expect(stderr).toContain('breaking changes found (--fail-on breaking)');
  });

  it('--fail-on breaking exits 0 on additions only; --fail-on non-breaking exits 1 on them', async () => {
    const document = JSON.parse(await readFile(join(repoRoot, base), 'utf8'));
    document.components.schemas.Pet.properties.age = { type: 'integer' };
    const additive = join(work.path, 'additive.json');
    await writeFile(additive, JSON.stringify(document));
    expect((await runCli(['diff', base, additive, '--fail-on', 'breaking'], repoRoot)).code).toBe(0);
    expect((await runCli(['diff', base, additive, '--fail-on', 'non-breaking'], repoRoot)).code).toBe(1);
  });

  it('markdown is a table; text names file:line and the migration', async () => {
    const markdown = await runCli(['diff', base, changed, '--format', 'markdown'], repoRoot);
    expect(markdown.stdout).toContain('| Kind | Level | Rule | Change | Old | New |');
    expect(markdown.stdout).toContain('| breaking | http | `response-property-type-changed` |');
    const text = await runCli(['diff', base, changed], repoRoot);
    expect(text.stdout).toMatch(
      /^breaking +http \[response-property-type-changed\] GET \/pets 200: field "\[\]\.tag": type string -> integer$/m,
    );
    expect(text.stdout).toMatch(/^ {4}new .*changed\.json:\d+ #\/components\/schemas\/Pet\/properties\/tag$/m);
    expect(text.stdout).toContain('    migrate: Read the field as its new type.');
  });

  it('the same two specs print the same bytes twice', async () => {
    const first = await runCli(['diff', base, changed, '--format', 'json'], repoRoot);
    const second = await runCli(['diff', base, changed, '--format', 'json'], repoRoot);
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('git revisions', () => {
  it('compares a split spec at HEAD with the working tree, naming files as the revision had them', async () => {
    const repo = await tempDir('diff-git');
    try {
      await cp(join(fixturesDir, 'split'), join(repo.path, 'api'), { recursive: true });
      const git = (...args: string[]): string =>
        execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
          cwd: repo.path,
        }).toString();
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'v1');
      const path = join(repo.path, 'api', 'schemas', 'item.yaml');
      const before = await readFile(path, 'utf8');
      const { code, stdout } = await runCli(['diff', 'HEAD', '--format', 'json', '--', 'api/openapi.yaml'], repo.path);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).changes).toEqual([]);
      // Item loses its optional `category` field (written in schemas/item.yaml, $ref'd from paths/).
      const edited = before.replace(/^ {2}category:\n {4}\$ref: category\.yaml\n/m, '');
      expect(edited).not.toBe(before);
      await writeFile(path, edited);
      const after = await runCli(['diff', 'HEAD', '--format', 'json', '--', 'api/openapi.yaml'], repo.path);
      const result = JSON.parse(after.stdout) as {
        old: string;
        changes: Array<{ rule: string; message: string; old: { file: string } }>;
      };
      expect(result.old).toBe('HEAD:api/openapi.yaml');
      const removed = result.changes.find(
        (change) => change.rule === 'response-property-removed' && change.message.endsWith('"category" removed'),
      );
      expect(removed, after.stdout).toBeDefined();
      // The loader inlines the $ref'd file at the field, so the field's content is located in that file, at the revision.
      expect(removed?.old.file).toBe('HEAD:api/schemas/category.yaml');
    } finally {
      await repo.remove();
    }
  });
});

describe('real history: Swagger Petstore 1.0.21 -> 1.0.26', () => {
  it('finds the dropped schemas, the added 200 responses and the new server', async () => {
    const { code, stdout } = await runCli(
      [
        'diff',
        `${history}/petstore-1.0.21.yaml`,
        `${history}/petstore-1.0.26.yaml`,
        '--format',
        'json',
        '--fail-on',
        'breaking',
      ],
      repoRoot,
    );
    expect(code).toBe(1);
    const changes = (
      JSON.parse(stdout) as { changes: Array<{ rule: string; kind: string; subject: string; message: string }> }
    ).changes;
    const breaking = changes.filter((change) => change.kind === 'breaking').map((change) => change.message);
    expect(breaking).toEqual(['type Address no longer exported', 'type Customer no longer exported']);
    expect(
      changes.filter((change) => change.rule === 'response-success-status-added').map((change) => change.subject),
    ).toContain('DELETE /pet/{}');
    expect(changes.find((change) => change.rule === 'server-url-changed')?.message).toBe(
      'default server /v3 -> https://petstore3.swagger.io/api/v3',
    );
    expect(changes.find((change) => change.rule === 'info-version-changed')?.message).toBe(
      'API version 1.0.21 -> 1.0.26',
    );
  });
});

describe('hostile inputs', () => {
  it('recursive schemas through allOf and items end, and the nested change is found', async () => {
    const { code, stdout } = await runCli(
      ['diff', `${hostile}/cycle-old.json`, `${hostile}/cycle-new.json`, '--format', 'json'],
      repoRoot,
    );
    expect(code).toBe(0);
    const changes = (JSON.parse(stdout) as { changes: Array<{ rule: string; message: string }> }).changes;
    expect(changes).toEqual([
      expect.objectContaining({
        rule: 'response-property-type-changed',
        message: 'field "other.label": type string -> integer',
      }),
    ]);
  });

  it('an unreadable side is a diagnostic with file:line and pointer, exit 1, no stack', async () => {
    const { code, stdout, stderr } = await runCli(['diff', `${hostile}/dangling-ref.json`, base], repoRoot);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('specsmith diff: 1 problem; nothing was compared');
    expect(stderr).toMatch(/dangling-ref\.json:1:\d+ error \[dangling-ref\] #\/paths\/~1a\/get/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each<[string, string[], string]>([
    ['an unknown revision', ['diff', 'no-such-revision', '--', base], 'error [git-ref-not-found]'],
    ['a revision where the spec did not exist', ['diff', '092a006', '--', base], 'error [spec-not-at-revision]'],
    ['a revision that looks like an option', ['diff', '--upload-pack=x', 'HEAD', '--', base], ''],
  ])('%s', async (_label, argv, expected) => {
    const { code, stderr } = await runCli(argv, repoRoot);
    if (expected === '') {
      expect(code).toBe(2);
    } else {
      expect(code).toBe(1);
      expect(stderr).toContain(expected);
    }
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each<[string, string[], string]>([
    ['one spec', ['diff', base], 'diff takes two spec files'],
    ['a missing file', ['diff', base, 'nowhere.yaml'], 'spec file not found: nowhere.yaml'],
    ['an unknown format', ['diff', base, base, '--format', 'xml'], '--format takes text, json, markdown'],
    [
      'an unknown --fail-on',
      ['diff', base, base, '--fail-on', 'everything'],
      '--fail-on takes breaking, non-breaking, informational, none',
    ],
  ])('usage: %s exits 2', async (_label, argv, message) => {
    const { code, stderr } = await runCli(argv, repoRoot);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]?.startsWith(`specsmith: ${message}`)).toBe(true);
  });
});
