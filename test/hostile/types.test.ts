/**
 * Hostile schema names for the public type names (test/fixtures/hostile/types/):
 * names schema.ts declares itself, names that collide once PascalCased, an
 * operation's fixed type names, a resource class's name, Object.prototype
 * members and a schema that is a union with itself. Each must end up declared
 * once under a predictable name, be reported by `--verbose`, and the package
 * must compile under strict with a consumer using the names.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeExportNames } from '../../generator/model/reserved-names.js';
import { generatePackage } from '../../generator/pipeline.js';
import { runCli } from '../generator/helpers.js';
import { exportedNames } from '../support/exported-names.js';
import { repoRoot } from '../support/redocly.js';
import { typecheck } from '../support/typecheck.js';

const FIXTURES = join(repoRoot, 'test/fixtures/hostile/types');
const fixture = join(FIXTURES, 'name-collisions.yaml');
let workdir: string;
let files: Map<string, string>;

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'specsmith-hostile-types-'));
  await symlink(join(repoRoot, 'node_modules'), join(workdir, 'node_modules'), 'dir');
  files = (await generatePackage(fixture, { cwd: repoRoot, packageName: '@hostile/clash' })).files;
  for (const [path, text] of files) {
    await mkdir(dirname(join(workdir, 'clash', path)), { recursive: true });
    await writeFile(join(workdir, 'clash', path), text);
  }
});
afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

describe('name-collisions.yaml', () => {
  it('declares every schema once, under a predictable name', () => {
    const schema = files.get('src/schema.ts') ?? '';
    const declared = exportedNames(schema);
    // openapi-typescript's own tables stay, each once; the schemas named like them are PascalCased apart.
    for (const name of [
      'paths',
      'components',
      'webhooks',
      '$defs',
      'operations',
      'Components',
      'Paths',
      'Operations',
      'Webhooks',
      'Defs',
      'WithRequiredSchema',
      'AB',
      'ABSchema',
      'ThingListParamsSchema',
      'ThingGetStatsResponseSchema',
      'Things',
      'Proto',
      'Constructor',
      'Loop',
    ]) {
      expect(
        declared.filter((candidate) => candidate === name),
        name,
      ).toHaveLength(1);
    }
    expect(declared).not.toContain('WithRequired');
    // The union member that is the schema itself adds nothing and is dropped (TS2456 otherwise).
    expect(schema).toContain('export type Loop = null | Loop[];');
  });

  it('keeps the operation types on their fixed names', () => {
    const types = exportedNames(files.get('src/types.ts') ?? '');
    expect(types).toEqual(
      expect.arrayContaining([
        'ThingListParams',
        'ThingGetStatsResponse',
        'ThingGetResponse',
        'ThingListParamsSchema',
        'ThingGetStatsResponseSchema',
      ]),
    );
  });

  it('a resource class and a schema of the same name both keep it', () => {
    const resource = files.get('src/resources/things.ts') ?? '';
    expect(resource).toContain('export class Things {');
    expect(resource).toContain("import type * as types from '../types.js';");
    expect(resource).toContain('APIPromise<types.Things>');
  });

  it('compiles under strict, with a consumer using the names', async () => {
    const folder = join(workdir, 'clash');
    await writeFile(
      join(folder, 'src', 'use.ts'),
      [
        "import type { AB, ABSchema, Components, Loop, Things, ThingListParams, ThingListParamsSchema, WithRequiredSchema } from './index.js';",
        "const ab: AB = { dash: '-' };",
        "const abSchema: ABSchema = { underscore: '_' };",
        "const components: Components = { c: 'c' };",
        'const loop: Loop = [[null], null];',
        "const things: Things = ['a'];",
        "const params: ThingListParams = { q: 'x' };",
        "const schema: ThingListParamsSchema = { q: 'y' };",
        "const withRequired: WithRequiredSchema = { w: 'w' };",
        'export { ab, abSchema, components, loop, things, params, schema, withRequired };',
      ].join('\n'),
    );
    expect(await typecheck(folder, { include: ['src/**/*.ts'] })).toBe('');
  });

  it('--verbose lists each rename', async () => {
    const { code, stderr } = await runCli(['generate', fixture, '--out', join(workdir, 'verbose'), '--verbose']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'renamed   schema #/components/schemas/WithRequired: WithRequired -> WithRequiredSchema (a reserved name)',
    );
    expect(stderr).toContain('renamed   schema #/components/schemas/a_b: AB -> ABSchema (already taken)');
    expect(stderr).toContain(
      'renamed   schema #/components/schemas/ThingListParams: ThingListParams -> ThingListParamsSchema (already taken)',
    );
  });
});

describe('every runtime export as a schema name', () => {
  it('is renamed off the runtime’s name, exported, and the package compiles', async () => {
    // Read from the runtime now, so a runtime export added or renamed later is covered without editing this test.
    const names = [...runtimeExportNames()].filter((name) => /^[A-Z]/.test(name)).sort();
    expect(names.length).toBeGreaterThan(40);
    const document = {
      openapi: '3.1.0',
      info: { title: 'Runtime Names', version: '1' },
      paths: {
        '/x': {
          get: {
            operationId: 'getX',
            responses: {
              '200': {
                description: 'X',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: Object.fromEntries(
                        names.map((name) => [name, { $ref: `#/components/schemas/${name}` }]),
                      ),
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: Object.fromEntries(
          names.map((name) => [name, { type: 'object', properties: { value: { type: 'string' } } }]),
        ),
      },
    };
    const folder = join(workdir, 'runtime-names');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'openapi.json'), JSON.stringify(document));
    const result = await generatePackage(join(folder, 'openapi.json'), {
      cwd: repoRoot,
      packageName: '@hostile/runtime-names',
    });
    for (const [path, text] of result.files) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    const exported = new Set(exportedNames(result.files.get('src/types.ts') ?? ''));
    for (const schema of result.model.schemas) {
      expect(schema.name, schema.component).not.toBe(schema.component);
      expect(exported.has(schema.name), schema.name).toBe(true);
    }
    expect(await typecheck(folder, { include: ['src/**/*.ts'] })).toBe('');
  });
});

describe('fixture files', () => {
  it('every fixture is exercised here', async () => {
    expect((await readdir(FIXTURES)).sort()).toEqual(['name-collisions.yaml']);
  });
});
