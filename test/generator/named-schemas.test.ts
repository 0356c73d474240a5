/**
 * schema.ts declares each component schema under its public name
 * (generator/emit/named-schemas.ts): checked on the text openapi-typescript's
 * output becomes, and by compiling it with a consumer, for the shapes that
 * stress the rewrite: self and mutual recursion, `allOf` + `required`
 * (WithRequired), references from paths, a renamed schema, and descriptions.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { descriptionFirst } from '../../generator/emit/named-schemas.js';
import { emitSchema } from '../../generator/emit/schema-file.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'Shapes', version: '1' },
  paths: {
    '/trees/{id}': {
      get: {
        operationId: 'getTree',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'A tree',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Tree' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Tree: {
        type: 'object',
        description: 'A tree.',
        required: ['name'],
        properties: {
          name: { type: 'string', format: 'slug', description: 'Its name.' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
        },
      },
      Json: {
        oneOf: [
          { type: 'null' },
          { type: 'array', items: { $ref: '#/components/schemas/Json' } },
          { $ref: '#/components/schemas/Json' },
        ],
      },
      A: { type: 'array', items: { $ref: '#/components/schemas/B' } },
      B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
      Named: { allOf: [{ $ref: '#/components/schemas/Maybe' }], required: ['id'] },
      Maybe: { type: ['object', 'null'], properties: { id: { type: 'string' } } },
      RetryEvent: { type: 'object', properties: { at: { type: 'string' } } },
    },
  },
};
const names = new Map([
  ['Tree', 'Tree'],
  ['Json', 'Json'],
  ['A', 'A'],
  ['B', 'B'],
  ['Named', 'Named'],
  ['Maybe', 'Maybe'],
  ['RetryEvent', 'RetryEventSchema'],
]);

function compile(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name in files ? ts.createSourceFile(name, files[name] ?? '', version) : read(name, version);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  host.readFile = (name) => files[name] ?? ts.sys.readFile(name);
  const program = ts.createProgram(
    Object.keys(files).filter((name) => name.endsWith('use.ts')),
    options,
    host,
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('named schema types in schema.ts', async () => {
  const schema = await emitSchema(structuredClone(document), 'shapes.yaml', names);

  it('declares each schema under its name, and components.schemas points at it', () => {
    expect(schema).toMatch(/\/\*\* A tree\. \*\/\nexport type Tree = \{/);
    expect(schema).toContain('        Tree: Tree;');
    expect(schema).toContain('        RetryEvent: RetryEventSchema;');
    expect(schema).toContain('export type RetryEventSchema = {');
  });

  it('leaves no indexed access to a schema anywhere (paths included)', () => {
    expect(schema).not.toContain('components["schemas"]');
    expect(schema).toContain('"application/json": Tree;');
  });

  it('declares recursive schemas by name, cycles included, and keeps WithRequired working', () => {
    expect(schema).toContain('children?: Tree[];');
    expect(schema).toContain('export type Json = null | Json[];');
    expect(schema).toContain('export type A = B[];');
    expect(schema).toContain('export type B = A[];');
    expect(schema).toContain('export type Named = WithRequired<Maybe, "id">;');
    expect(schema).not.toContain('RecursiveSchema_');
  });

  it('writes a description as the doc text, ahead of the format line', () => {
    expect(schema).toContain('/**\n     * Its name.\n     *\n     * Format: slug\n     */\n    name: string;');
  });

  it('compiles, and the names type what they say', () => {
    const use = [
      "import type { Tree, Json, A, Named, RetryEventSchema, paths } from './schema';",
      "const tree: Tree = { name: 'root', children: [{ name: 'leaf' }] };",
      'const json: Json = [[null], null];',
      'const a: A = [[[]]];',
      "const named: Named = { id: 'x' };",
      "const retry: RetryEventSchema = { at: 'now' };",
      "const body: paths['/trees/{id}']['get']['responses'][200]['content']['application/json'] = tree;",
      'export { tree, json, a, named, retry, body };',
    ].join('\n');
    expect(compile({ '/schema.ts': schema, '/use.ts': use })).toEqual([]);
    expect(
      compile({
        '/schema.ts': schema,
        '/use.ts': "import type { Named } from './schema';\nexport const named: Named = {};",
      }).join('\n'),
    ).toContain("'id'");
  });

  it('keeps the indexed-access form for schemas it is given no name for', async () => {
    const plain = await emitSchema(structuredClone(document), 'shapes.yaml', new Map());
    expect(plain).toContain('"application/json": components["schemas"]["Tree"];');
    expect(plain).not.toContain('export type Tree =');
  });
});

describe('descriptionFirst', () => {
  it.each<[string, string]>([
    ['* @description One line. ', '* One line. '],
    ['*\n * Format: uuid\n * @description The id.\n ', '*\n * The id.\n *\n * Format: uuid\n '],
    ['*\n * @description Two\n * lines.\n * @default 3\n ', '*\n * Two\n * lines.\n *\n * @default 3\n '],
    ['* Format: uuid ', '* Format: uuid '],
  ])('%j -> %j', (text, want) => {
    expect(descriptionFirst(text)).toBe(want);
  });
});
