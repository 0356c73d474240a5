/**
 * Hostile specs against the generated code (test/fixtures/hostile/generated-code/):
 * text that ends comments or strings, names that are not identifiers or that
 * shadow globals, runtime exports and Object.prototype members, keyword-named
 * properties, schema cycles and non-finite literals. Each fixture is generated
 * and the packages are type-checked together under strict; the comment and
 * member fixtures are also compiled to JavaScript and imported in a child
 * process, which must leave `globalThis.pwned` undefined.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { StructureKind } from 'ts-morph';
import ts from 'typescript';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { docText, lineComment, UnsafeCommentError } from '../../generator/emit/doc-text.js';
import { objectCode, printFile } from '../../generator/emit/print.js';
import { identifier, isIdentifier, memberName } from '../../generator/model/naming.js';
import { RESERVED_TYPE_NAMES } from '../../generator/model/reserved-names.js';
import { propertyKey, quote } from '../../generator/model/type-expressions.js';
import { generatePackage } from '../../generator/pipeline.js';
import { runCli } from '../generator/helpers.js';
import { repoRoot } from '../support/redocly.js';
import { exportedNames } from '../support/exported-names.js';
import { typecheck } from '../support/typecheck.js';

const run = promisify(execFile);
const FIXTURES = join(repoRoot, 'test/fixtures/hostile/generated-code');
const fixture = (name: string): string => join(FIXTURES, `${name}.yaml`);
/** Fixtures that must generate; schema-cycles.yaml must not. */
const GENERATING = [
  'comment-injection',
  'identifiers',
  'title-not-identifier',
  'title-reserved-word',
  'shadowed-names',
  'reserved-members',
  'keyword-named-properties',
  'recursion-and-infinity',
];

let workdir: string;
let tscErrors = '';
const packages = new Map<
  string,
  { folder: string; files: Map<string, string>; mcp: Map<string, string>; client: string }
>();

async function build(folder: string): Promise<void> {
  await run(
    process.execPath,
    [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(folder, 'tsconfig.json')],
    { cwd: folder },
  );
}

/** Imports every compiled module of a package in a fresh Node process, then runs `script` (an async function body given `pkg`, the index module); resolves to what it prints as JSON. */
async function importInChild(
  folder: string,
  script = 'return null;',
): Promise<{ modules: number; pwned: unknown; result: unknown }> {
  const program = `
    import { readdirSync } from 'node:fs';
    import { join } from 'node:path';
    const dist = ${JSON.stringify(join(folder, 'dist'))};
    const files = readdirSync(dist, { recursive: true }).map(String).filter((file) => file.endsWith('.js') && !file.endsWith('bin.js'));
    for (const file of files) await import(join(dist, file));
    const pkg = await import(join(dist, 'index.js'));
    const result = await (async (pkg) => { ${script} })(pkg);
    console.log(JSON.stringify({ modules: files.length, pwned: globalThis.pwned === undefined ? 'undefined' : globalThis.pwned, result }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program], {
    cwd: folder,
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { modules: number; pwned: unknown; result: unknown };
}

/** Top-level statements of a module that are not imports, exports or declarations: code that would run on import. */
function topLevelCode(text: string): string[] {
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  return source.statements
    .filter(
      (statement) =>
        ts.isExpressionStatement(statement) ||
        ts.isIfStatement(statement) ||
        ts.isBlock(statement) ||
        ts.isEmptyStatement(statement),
    )
    .map((statement) => statement.getText(source));
}

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'specsmith-hostile-code-'));
  // The packages resolve openapi-fetch (and tsc its types) from the repository's installs.
  await symlink(join(repoRoot, 'node_modules'), join(workdir, 'node_modules'), 'dir');
  for (const name of GENERATING) {
    const result = await generatePackage(fixture(name), { cwd: repoRoot, packageName: `@hostile/${name}` });
    const folder = join(workdir, name);
    for (const [path, text] of result.files) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    packages.set(name, { folder, files: result.files, mcp: result.mcp, client: result.model.name });
  }
  // Type-level checks of the shadowed-names package, compiled with it.
  await writeFile(
    join(workdir, 'shadowed-names/src/consumer.ts'),
    [
      "import type { RetryEvent, RetryEventSchema, WaitResult, WaitResultSchema, PromiseSchema, NonNullableSchema } from './index.js';",
      "import type { RetryEvent as RuntimeRetryEvent } from './runtime/config.js';",
      "import type { components } from './schema.js';",
      'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
      'export const retryIsTheRuntimes: Same<RetryEvent, RuntimeRetryEvent> = true;',
      "export const retrySchemaIsTheSpecs: Same<RetryEventSchema, components['schemas']['RetryEvent']> = true;",
      "export const promiseSchemaIsTheSpecs: Same<PromiseSchema, components['schemas']['Promise']> = true;",
      'export const nonNullableIsTheSpecs: Same<NonNullableSchema, string> = true;',
      'export const waitResultIsGeneric: Same<WaitResult<{ a: 1 }>, { a: 1 }> = true;',
      "export const waitSchema: WaitResultSchema = { id: 'x', state: 'done' };",
      'export const stillTheGlobalPromise: Promise<number> = Promise.resolve(1);',
    ].join('\n'),
  );
  tscErrors = await typecheck(workdir, { include: ['*/src/**/*.ts'] });
  await Promise.all(['comment-injection', 'reserved-members', 'identifiers'].map((name) => build(join(workdir, name))));
}, 300_000);

afterAll(async () => {
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

describe('every generating fixture compiles under strict', () => {
  it.each(GENERATING)('%s', (name) => {
    expect(tscErrors.split('\n').filter((line) => line.startsWith(`${name}/`))).toEqual([]);
  });

  it('and no error line escapes the per-fixture report', () => {
    expect(tscErrors).toBe('');
  });
});

describe('comment-injection.yaml: spec text cannot end a comment or a string', () => {
  it('importing every compiled module runs none of the payloads', async () => {
    const { folder } = packages.get('comment-injection') ?? { folder: '' };
    const { modules, pwned } = await importInChild(folder, "new pkg.default({ apiKey: 'k' }); return null;");
    expect(modules).toBeGreaterThan(10);
    expect(pwned).toBe('undefined');
  });

  it('no generated module has top-level code besides declarations (where an escaped payload would land)', () => {
    const files = packages.get('comment-injection')?.files ?? new Map<string, string>();
    const sources = [...files].filter(
      ([path]) => path.endsWith('.ts') && !path.startsWith('src/runtime/') && path !== 'src/mcp/bin.ts',
    );
    expect(sources.length).toBeGreaterThan(8);
    for (const [path, text] of sources) expect({ path, code: topLevelCode(text) }).toEqual({ path, code: [] });
  });

  it('keeps the text readable in JSDoc, with the terminator written *\\/', () => {
    const files = packages.get('comment-injection')?.files ?? new Map<string, string>();
    const text = (path: string): string => files.get(path) ?? '';
    expect(text('src/client.ts')).toContain(
      ' * Client for the Evil *\\/ globalThis.pwned = 1; /* API (version 1 *\\/ globalThis.pwned = 2; /*).',
    );
    expect(text('src/client.ts')).toContain('/** Operations tagged Things *\\/ globalThis.pwned = 14; /*. */');
    expect(text('src/webhooks.ts')).toContain('narrow it on `event *\\/ globalThis.pwned = 13; /*`.');
    expect(text('src/types.ts')).toContain('the result its `done *\\/ globalThis.pwned = 41; /*` event carries.');
    // The MCP server is its own package (`<name>-mcp`); its tool table's doc names the API too.
    expect(packages.get('comment-injection')?.mcp.get('src/index.ts') ?? '').toContain(
      'One MCP tool per operation of the Evil *\\/ globalThis.pwned = 1; /* API',
    );
    const resource = [...files].find(([path]) => path.startsWith('src/resources/things'))?.[1] ?? '';
    expect(resource).toContain('   * Summary *\\/ globalThis.pwned = 19; /*');
    // U+2029 in a description becomes an ordinary JSDoc line break.
    expect(resource).toContain(
      '   * Description *\\/ globalThis.pwned = 20; /* with\n   *  separator and `backtick ${globalThis.pwned = 21}`',
    );
  });

  it('string literals carry the spec text unchanged (operation ids, paths, base URL, header names)', async () => {
    const spec = parse(await readFile(fixture('comment-injection'), 'utf8')) as {
      servers: Array<{ url: string }>;
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const { folder } = packages.get('comment-injection') ?? { folder: '' };
    const { result } = await importInChild(
      folder,
      `const ops = await import(${JSON.stringify(join(folder, 'dist/operations.js'))});
       const hooks = await import(${JSON.stringify(join(folder, 'dist/webhooks.js'))});
       return { ids: Object.values(ops).filter((op) => op && op.id).map((op) => op.id).sort(), paths: [...new Set(Object.values(ops).filter((op) => op && op.path).map((op) => op.path))].sort(), baseUrl: ops.apiConfig.baseUrl, header: hooks.webhookSignature.header, eventField: hooks.webhookSignature.eventField };`,
    );
    const ids = Object.values(spec.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) => (operation.operationId ? [operation.operationId] : [])),
    );
    expect(result).toEqual({
      ids: [...ids].sort(),
      paths: Object.keys(spec.paths).sort(),
      baseUrl: spec.servers[0]?.url,
      header: 'X-Sig */ globalThis.pwned = 10; /*',
      eventField: 'event */ globalThis.pwned = 13; /*',
    });
  });
});

describe('the printer refuses comments an emitter did not escape', () => {
  it.each<[string, () => string]>([
    [
      'a doc comment with */',
      () =>
        printFile('spec.yaml', [
          {
            kind: StructureKind.TypeAlias,
            name: 'x',
            type: 'string',
            isExported: true,
            docs: ['Things */ evil(); /*'],
          } as never,
        ]),
    ],
    [
      'a JSDoc description with */',
      () =>
        printFile('spec.yaml', [
          'export {};',
          { kind: StructureKind.TypeAlias, name: 'x', type: 'string', docs: [{ description: 'a */ b' }] } as never,
        ]),
    ],
    ['a comment inside a code statement', () => printFile('spec.yaml', ['const x = 1; // note'])],
    ['a line break in the // header', () => printFile('spec.yaml\nglobalThis.pwned = 1', ['export {};'])],
    ['a U+2028 in the // header', () => printFile('spec.yaml\u2028globalThis.pwned = 1', ['export {};'])],
  ])('%s', (_label, print) => {
    expect(print).toThrow(UnsafeCommentError);
  });

  it('prints escaped text', () => {
    expect(
      printFile('spec.yaml', [
        {
          kind: StructureKind.TypeAlias,
          name: 'X',
          type: 'string',
          isExported: true,
          docs: [docText('Things */ evil(); /*')],
        } as never,
      ]),
    ).toContain('/** Things *\\/ evil(); /* */');
  });

  it.each<[Array<string | undefined>, string]>([
    [['a */ b'], 'a *\\/ b'],
    [['a\r\nb\u2028c\u2029d\re'], 'a\nb\nc\nd\ne'],
    [['summary', undefined, '  ', 'description */'], 'summary\n\ndescription *\\/'],
    [['**/'], '**\\/'],
  ])('docText(%j) -> %j', (parts, want) => {
    expect(docText(...parts)).toBe(want);
  });

  it('lineComment keeps one line', () => {
    expect(lineComment('a\nb\u2028c */')).toBe('a b c *\\/');
  });
});

describe('one quoting of spec strings', () => {
  it.each<[string, string]>([
    ["it's", "'it\\'s'"],
    ['a"b', `'a"b'`],
    ['back\\slash', "'back\\\\slash'"],
    ['line\nbreak\r', "'line\\nbreak\\r'"],
    ['\u2028\u2029', "'\\u2028\\u2029'"],
    ['`${x}`', "'`${x}`'"],
    ['</script>', "'</script>'"],
    ['nul\u0000bell\u0007', "'nul\\u0000bell\\u0007'"],
    ['lone \ud800 surrogate', "'lone \\ud800 surrogate'"],
  ])('%j -> %s, which evaluates back to the text', (text, want) => {
    expect(quote(text)).toBe(want);
    expect(new Function(`return ${quote(text)};`)()).toBe(text);
  });

  it.each<[string, string]>([
    ['name', 'name'],
    ['x-id', "'x-id'"],
    ['2fa', "'2fa'"],
    ['__proto__', "['__proto__']"],
    ['constructor', 'constructor'],
  ])('property key %j -> %s', (name, want) => {
    expect(propertyKey(name)).toBe(want);
  });

  it('an object literal keeps __proto__ and the other Object.prototype names as own properties', () => {
    // From entries: an object literal here would itself set the prototype instead of a `__proto__` key.
    const code = objectCode(
      Object.fromEntries([
        ['__proto__', "'p'"],
        ['toString', "'t'"],
        ['constructor', "'c'"],
        ['hasOwnProperty', "'h'"],
      ]),
    );
    const value = new Function(`return ${code};`)() as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe('p');
  });
});

describe('one identifier function', () => {
  it.each<[string, string | undefined, string]>([
    ['1PasswordApi', undefined, '_1PasswordApi'],
    ['①', 'Api', 'Api'],
    ['Api①', undefined, 'Api'],
    ['x²', undefined, 'x'],
    ['!!! ***', 'Api', 'Api'],
    ['', 'Api', 'Api'],
    ['class', undefined, 'class_'],
    ['enum', undefined, 'enum_'],
    ['arguments', undefined, 'arguments_'],
    ['undefined', undefined, 'undefined_'],
    ['bigint', undefined, 'bigint_'],
    ['Ⅻ', undefined, 'Ⅻ'],
    ['\u0301accent', undefined, '_\u0301accent'],
    ['getÜbersicht', undefined, 'getÜbersicht'],
    ['$ref', undefined, '$ref'],
    ['a-b c', undefined, 'abc'],
  ])('identifier(%j, %j) -> %j', (given, fallback, want) => {
    const got = identifier(given, fallback);
    expect(got).toBe(want);
    expect(isIdentifier(got)).toBe(true);
    // What the language says: a declaration of that name parses.
    expect(() => new Function(`"use strict"; let ${got} = 1; class ${got}_C {}`)).not.toThrow();
  });

  it.each<[string, string]>([
    ['then', 'then_'],
    ['constructor', 'constructor_'],
    ['__proto__', '__proto___'],
    ['toString', 'toString_'],
    ['hasOwnProperty', 'hasOwnProperty_'],
    ['valueOf', 'valueOf_'],
    ['toJSON', 'toJSON_'],
    ['delete', 'delete'],
    ['list', 'list'],
    ['2fa', '_2fa'],
    ['', 'call'],
  ])('memberName(%j) -> %j', (given, want) => {
    expect(memberName(given)).toBe(want);
  });
});

describe('identifiers.yaml and the title fixtures', () => {
  it('names the client and every member with valid identifiers', async () => {
    expect(packages.get('identifiers')?.client).toBe('_1PasswordApi');
    expect(packages.get('title-not-identifier')?.client).toBe('Api');
    expect(packages.get('title-reserved-word')?.client).toBe('Class');
    const { folder } = packages.get('identifiers') ?? { folder: '' };
    const { pwned, result } = await importInChild(
      folder,
      "const client = new pkg._1PasswordApi({ apiKey: 'k' }); return Object.fromEntries(Object.keys(client).map((key) => [key, Object.getOwnPropertyNames(Object.getPrototypeOf(client[key])).filter((name) => name !== 'constructor').sort()]));",
    );
    expect(pwned).toBe('undefined');
    expect(result).toEqual({
      _2fa: ['_1stGet'],
      circled: ['nd'],
      default: ['call'],
      class: ['delete', 'new'],
      x: ['x'],
    });
  });

  it('keeps path parameters off the names the method body uses', () => {
    const resource = packages.get('identifiers')?.files.get('src/resources/2fa.ts') ?? '';
    expect(resource).toContain(
      '_1stGet(_1id: string, class_: string, ops2: string, options2: string, options?: RequestOptions)',
    );
  });
});

describe('shadowed-names.yaml: names the generated code and the runtime use', () => {
  it('renames colliding schemas and resources predictably, and the client off a global', () => {
    expect(packages.get('shadowed-names')?.client).toBe('PromiseClient');
    const types = packages.get('shadowed-names')?.files.get('src/types.ts') ?? '';
    const schema = packages.get('shadowed-names')?.files.get('src/schema.ts') ?? '';
    const exported = exportedNames(types);
    for (const name of [
      'NonNullable',
      'Promise',
      'Record',
      'Array',
      'Error',
      'File',
      'Event',
      'Blob',
      'Response',
      'Request',
      'Headers',
      'Omit',
      'RetryEvent',
      'RequestEvent',
      'ResponseEvent',
      'ClientHooks',
      'RateLimitInfo',
      'WaitResult',
    ]) {
      // Declared in schema.ts under the renamed name, which components.schemas points at, and re-exported by types.ts.
      expect(schema).toContain(`export type ${name}Schema = `);
      expect(schema).toContain(` ${name}: ${name}Schema;`);
      expect(exported).toContain(`${name}Schema`);
      expect(exported).not.toContain(name);
      expect(schema).not.toContain(`export type ${name} =`);
    }
    // PascalCase already moves these off the runtime's APIPromise and APIError.
    expect(schema).toContain('export type ApiPromise = string;');
    expect(exported).toEqual(expect.arrayContaining(['ApiPromise', 'ApiError']));
    expect(exported).not.toEqual(expect.arrayContaining(['APIPromise']));
    expect(exported).not.toEqual(expect.arrayContaining(['APIError']));
    // Not reserved: a schema may be called like the client's error class would be if the client were still `Promise`.
    expect(exported).toContain('PromiseError');
    const client = packages.get('shadowed-names')?.files.get('src/client.ts') ?? '';
    expect(client).toContain('readonly promise: PromiseResource;');
    expect(client).toContain('readonly record: RecordResource;');
  });

  it('the registry holds every name index.ts exports besides the spec-derived ones', () => {
    const index = packages.get('shadowed-names')?.files.get('src/index.ts') ?? '';
    const source = ts.createSourceFile('index.ts', index, ts.ScriptTarget.Latest);
    const named = source.statements.flatMap((statement) =>
      ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)
        ? statement.exportClause.elements.map((element) => element.name.text)
        : [],
    );
    const errors = packages.get('shadowed-names')?.files.get('src/errors.ts') ?? '';
    const classes = [...errors.matchAll(/^export (?:class|const|type) (\w+)/gm)].map((match) => match[1] ?? '');
    const client = 'PromiseClient';
    const own = new Set([client, 'default', `${client}Core`, `${client}Error`, `${client}ErrorCode`]);
    expect([...named, ...classes].filter((name) => !own.has(name) && !RESERVED_TYPE_NAMES.has(name))).toEqual([]);
  });

  it('--verbose shows the renames', async () => {
    const out = join(workdir, 'verbose-out');
    const { code, stderr } = await runCli(['generate', fixture('shadowed-names'), '--out', out, '--verbose']);
    expect(code).toBe(0);
    expect(stderr).toContain('renamed   the client class: Promise -> PromiseClient (a reserved name)');
    expect(stderr).toContain(
      'renamed   schema #/components/schemas/RetryEvent: RetryEvent -> RetryEventSchema (a reserved name)',
    );
    expect(stderr).toContain(
      'renamed   the resource class of tag "Record": Record -> RecordResource (a reserved name)',
    );
  });
});

describe('reserved-members.yaml: then, constructor, __proto__ and other Object.prototype names', () => {
  /** A client over a fetch that records requests and answers 204. */
  const withRecordingFetch = `
    const sent = [];
    const client = new pkg.Members({ apiKey: 'k', baseUrl: 'https://api.test', maxRetries: 0, fetch: async (request) => { sent.push({ method: request.method, url: request.url, body: request.method === 'GET' ? null : await request.text() }); return new Response(null, { status: 204 }); } });`;

  it('the standalone functions module is no thenable: the function of operation `then` is exported as then_', async () => {
    const { folder } = packages.get('reserved-members') ?? { folder: '' };
    const { pwned, result } = await importInChild(
      folder,
      "const funcs = await import(join(dist, 'funcs.js')); return { then: typeof funcs.then, then_: typeof funcs.then_, names: Object.keys(funcs).sort() };",
    );
    expect(pwned).toBe('undefined');
    expect(result).toEqual({
      then: 'undefined',
      then_: 'function',
      names: ['__proto__', 'constructor', 'hasOwnProperty', 'sendBody', 'sendObjectBody', 'then_', 'toString'],
    });
  });

  it('no resource is a thenable, and awaiting one settles', async () => {
    const { folder } = packages.get('reserved-members') ?? { folder: '' };
    const { pwned, result } = await importInChild(
      folder,
      `${withRecordingFetch}
       const settled = await Promise.race([Promise.resolve(client.then_).then(() => 'settled'), new Promise((resolve) => setTimeout(() => resolve('hung'), 2000).unref())]);
       return { settled, resources: Object.keys(client).sort(), thenable: Object.keys(client).filter((key) => typeof client[key].then === 'function'), clientProto: Object.getPrototypeOf(client) === pkg.Members.prototype, methods: Object.fromEntries(Object.keys(client).map((key) => [key, Object.getOwnPropertyNames(Object.getPrototypeOf(client[key])).filter((name) => name !== 'constructor').sort()])) };`,
    );
    expect(pwned).toBe('undefined');
    expect(result).toEqual({
      settled: 'settled',
      resources: ['constructor_', 'proto', 'then_', 'toString_'],
      thenable: [],
      clientProto: true,
      methods: {
        then_: ['then_', 'valueOf_'],
        constructor_: ['hasOwnProperty_', 'proto'],
        proto: ['toString_'],
        toString_: ['sendBody', 'sendObjectBody'],
      },
    });
  });

  it('a query parameter called body leaves the request body under params.requestBody', async () => {
    const { folder } = packages.get('reserved-members') ?? { folder: '' };
    const { result } = await importInChild(
      folder,
      `${withRecordingFetch}
       await client.toString_.sendBody({ body: 'query-body', requestBody: ['one', 'two'] });
       await client.toString_.sendObjectBody({ body: 'q', requestBody: { body: 'field' } });
       return sent;`,
    );
    expect(result).toEqual([
      { method: 'POST', url: 'https://api.test/body?body=query-body', body: '["one","two"]' },
      { method: 'PUT', url: 'https://api.test/body?body=q', body: '{"body":"field"}' },
    ]);
    const types = packages.get('reserved-members')?.files.get('src/types.ts') ?? '';
    // Whatever the formatter's line breaks: the required body sits under requestBody.
    expect(types.replace(/\s+/g, ' ')).toContain(
      "& { requestBody: NonNullable<paths['/body']['post']['requestBody']>['content']['application/json']; }",
    );
  });

  it('operation descriptors list Object.prototype-named parameters, and examples keep __proto__ an own key', async () => {
    const { folder, files } = packages.get('reserved-members') ?? { folder: '', files: new Map<string, string>() };
    const { result } = await importInChild(
      folder,
      `const ops = await import(${JSON.stringify(join(folder, 'dist/operations.js'))}); return { query: ops.toString.query, header: ops.toString.header, body: ops.sendBody.body };`,
    );
    expect(result).toEqual({
      query: ['toString', 'constructor', 'hasOwnProperty', '__proto__'],
      header: ['valueOf'],
      body: { kind: 'json', type: 'application/json', flat: false, required: true, param: 'requestBody' },
    });
    const resource = [...files].find(([path]) => path === 'src/resources/proto.ts')?.[1] ?? '';
    expect(resource).toContain("await members.proto.toString_({ ['__proto__']: 'proto-value' });");
  });
});

describe('schema fixtures', () => {
  it('keyword-named-properties.yaml: refs under properties called default, items, enum, type, properties, example, const, x-extra are hoisted', () => {
    const schema = packages.get('keyword-named-properties')?.files.get('src/schema.ts') ?? '';
    expect(schema).not.toMatch(
      /paths\["\/settings"\]\["get"\]\["responses"\]\[200\]\["content"\]\["application\/json"\]\["schema"\]/,
    );
    // Each is a hoisted component schema, referred to by its name.
    for (const name of ['default', 'items', 'enum', 'type', 'properties', 'example', 'const', '"x-extra"'])
      expect(schema).toMatch(new RegExp(` ${name}\\?: [A-Z]\\w*;`));
  });

  it('recursion-and-infinity.yaml: non-finite enum and const values become plain numbers; allowed recursion stays', () => {
    const schema = packages.get('recursion-and-infinity')?.files.get('src/schema.ts') ?? '';
    expect(schema).not.toContain('Infinity');
    expect(schema).toMatch(/huge\?: 2;/);
    expect(schema).toMatch(/tiny\?: number;/);
    // A cycle's schemas are declared under their own names; the member that is the schema itself is dropped (it adds nothing).
    expect(schema).toContain('SelfAll: SelfAll;');
    expect(schema).toMatch(/export type SelfAll = \{\n\s+x\?: string;\n\};/);
    expect(schema).toContain('export type Json = null | Json[];');
  });

  it('schema-cycles.yaml: cycles through allOf/anyOf/oneOf alone are diagnosed, nothing is generated', async () => {
    const error = await generatePackage(fixture('schema-cycles'), { cwd: repoRoot }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SpecError);
    const diagnostics = (error as SpecError).diagnostics.map(({ code, pointer, line, file }) => ({
      code,
      pointer,
      line,
      file,
    }));
    expect(diagnostics).toEqual([
      {
        code: 'circular-schema',
        pointer: '/components/schemas/A',
        line: 19,
        file: 'test/fixtures/hostile/generated-code/schema-cycles.yaml',
      },
      {
        code: 'circular-schema',
        pointer: '/components/schemas/UnionLoop1',
        line: 27,
        file: 'test/fixtures/hostile/generated-code/schema-cycles.yaml',
      },
    ]);
    expect((error as SpecError).message).toContain('(A -> B -> A)');
  });

  it('mutual recursion through arrays compiles (A: B[], B: A[])', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'Arrays', version: '1' },
      paths: {
        '/a': {
          get: {
            operationId: 'getA',
            responses: {
              '200': {
                description: 'A',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          A: { type: 'array', items: { $ref: '#/components/schemas/B' } },
          B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
          C: { $ref: '#/components/schemas/A' },
        },
      },
    };
    const folder = join(workdir, 'arrays');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'openapi.json'), JSON.stringify(document));
    const result = await generatePackage(join(folder, 'openapi.json'), {
      cwd: repoRoot,
      packageName: '@hostile/arrays',
    });
    for (const [path, text] of result.files) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    expect(await typecheck(folder, { include: ['src/**/*.ts'] })).toBe('');
    expect(result.files.get('src/schema.ts')).toContain('export type A = B[];');
    expect(result.files.get('src/schema.ts')).toContain('export type B = A[];');
  });
});

describe('fixture files', () => {
  it('every fixture is exercised here', async () => {
    const names = (await readdir(FIXTURES))
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => file.replace(/\.yaml$/, ''));
    expect(names.sort()).toEqual([...GENERATING, 'schema-cycles'].sort());
  });
});
