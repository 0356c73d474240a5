/**
 * Bad input: every fixture under test/fixtures/specs/bad/ must fail with the
 * exact diagnostics (file, line, JSON pointer, code, message) and the CLI must
 * exit 1, print them, and write nothing. Lines and pointers are read off the
 * fixtures; a problem inside a `$ref`'d file is reported in that file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError, type Diagnostic } from '../../generator/diagnostics.js';
import { generatePackage } from '../../generator/pipeline.js';
import { repoRoot, runCli, tempDir } from './helpers.js';

interface Want {
  file: string;
  line: number;
  pointer: string;
  code: string;
  message: string | RegExp;
  hint?: string;
}

const bad = 'test/fixtures/specs/bad';
const split = `${bad}/split-bad`;
const streams = 'test/fixtures/hostile/streams';
const unwrap = 'test/fixtures/hostile/unwrap';
const KNOWN_EXTENSIONS =
  'x-specsmith-client, x-specsmith-envelope, x-specsmith-errors, x-specsmith-request-id, x-specsmith-rate-limit, x-specsmith-retry, x-specsmith-pagination, x-specsmith-idempotent, x-specsmith-sse, x-specsmith-wait, x-specsmith-long-running, x-specsmith-async-webhook, x-specsmith-webhooks, x-specsmith-upload, x-specsmith-chunked-upload, x-specsmith-resource, x-specsmith-multi-segment, x-specsmith-unwrap, x-specsmith-method';

const CASES: Array<[string, string, Want[]]> = [
  [
    'malformed YAML',
    `${bad}/malformed-yaml.yaml`,
    [
      {
        file: `${bad}/malformed-yaml.yaml`,
        line: 11,
        pointer: '',
        code: 'yaml-syntax',
        message: 'invalid YAML: All mapping items must start at the same column',
      },
    ],
  ],
  [
    'a duplicate YAML key',
    `${bad}/duplicate-key.yaml`,
    [
      {
        file: `${bad}/duplicate-key.yaml`,
        line: 5,
        pointer: '',
        code: 'yaml-syntax',
        message: 'invalid YAML: Map keys must be unique',
      },
    ],
  ],
  // The parser's wording varies between Node versions; the offset (96: the "}" after the trailing comma) does not.
  [
    'invalid JSON',
    `${bad}/invalid-json.json`,
    [
      {
        file: `${bad}/invalid-json.json`,
        line: 5,
        pointer: '',
        code: 'json-syntax',
        message: /^invalid JSON: .* at position 96\b/,
      },
    ],
  ],
  [
    'a root that is a list',
    `${bad}/root-not-object.yaml`,
    [
      {
        file: `${bad}/root-not-object.yaml`,
        line: 1,
        pointer: '',
        code: 'not-an-object',
        message: 'a spec must be an object (a mapping at the top level)',
      },
    ],
  ],
  [
    'a dangling internal $ref',
    `${bad}/dangling-internal-ref.yaml`,
    [
      {
        file: `${bad}/dangling-internal-ref.yaml`,
        line: 15,
        pointer: '/paths/~1things/get/responses/200/content/application~1json/schema/$ref',
        code: 'dangling-ref',
        message: '$ref "#/components/schemas/Thing" points at nothing',
      },
    ],
  ],
  [
    'a $ref to a file that does not exist (named by the referring file)',
    `${bad}/dangling-file-ref.yaml`,
    [
      {
        file: `${bad}/dangling-file-ref.yaml`,
        line: 7,
        pointer: '/paths/~1things/$ref',
        code: 'dangling-ref',
        message: '$ref "paths/nowhere.yaml" cannot be loaded: file not found',
        hint: 'Check the relative path of the referenced file.',
      },
    ],
  ],
  [
    'a $ref to a missing file from inside a $ref’d file',
    `${split}/nested-dangling.yaml`,
    [
      {
        file: `${split}/paths/widgets.yaml`,
        line: 9,
        pointer: '/get/responses/200/content/application~1json/schema/$ref',
        code: 'dangling-ref',
        message: '$ref "../schemas/widget.yaml" cannot be loaded: file not found',
      },
    ],
  ],
  [
    'a local $ref that points at nothing inside a $ref’d file',
    `${split}/local-ref.yaml`,
    [
      {
        file: `${split}/paths/sprockets.yaml`,
        line: 9,
        pointer: '/get/responses/200/content/application~1json/schema/$ref',
        code: 'dangling-ref',
        message: '$ref "#/definitions/Sprocket" points at nothing',
        hint: `${split}/paths/sprockets.yaml has no value at "#/definitions/Sprocket".`,
      },
    ],
  ],
  [
    'a YAML error inside a $ref’d file',
    `${split}/broken-child.yaml`,
    [
      {
        file: `${split}/paths/bolts.yaml`,
        line: 3,
        pointer: '',
        code: 'yaml-syntax',
        message:
          '$ref "paths/bolts.yaml" cannot be loaded: invalid YAML: Nested mappings are not allowed in compact mappings',
        hint: 'Fix the YAML syntax at that line (indentation, quoting, duplicate keys).',
      },
    ],
  ],
  [
    'a duplicate operationId (at the second, naming the first)',
    `${bad}/duplicate-operation-id.yaml`,
    [
      {
        file: `${bad}/duplicate-operation-id.yaml`,
        line: 13,
        pointer: '/paths/~1b/get/operationId',
        code: 'duplicate-operation-id',
        message: `operationId "getThing" is already used at ${bad}/duplicate-operation-id.yaml:8 (#/paths/~1a/get/operationId)`,
      },
    ],
  ],
  [
    'a path template variable without a path parameter',
    `${bad}/undeclared-path-param.yaml`,
    [
      {
        file: `${bad}/undeclared-path-param.yaml`,
        line: 7,
        pointer: '/paths/~1things~1{thing_id}/get',
        code: 'undeclared-path-parameter',
        message: 'path "/things/{thing_id}" uses {thing_id} but no path parameter "thing_id" is declared',
      },
    ],
  ],
  [
    'a missing openapi field',
    `${bad}/missing-openapi.yaml`,
    [
      {
        file: `${bad}/missing-openapi.yaml`,
        line: 1,
        pointer: '',
        code: 'missing-version',
        message: 'the document has no "openapi" version field',
        hint: 'Add `openapi: 3.1.0` at the top of the document.',
      },
    ],
  ],
  [
    'OpenAPI 4.0',
    `${bad}/openapi-4.yaml`,
    [
      {
        file: `${bad}/openapi-4.yaml`,
        line: 1,
        pointer: '/openapi',
        code: 'unsupported-version',
        message: 'OpenAPI 4.0.0 is not supported; specsmith reads 3.0.x and 3.1.x',
      },
    ],
  ],
  [
    'OpenAPI 2.0',
    `${bad}/openapi-2.yaml`,
    [
      {
        file: `${bad}/openapi-2.yaml`,
        line: 1,
        pointer: '/openapi',
        code: 'unsupported-version',
        message: 'OpenAPI 2.0 is not supported; specsmith reads 3.0.x and 3.1.x',
      },
    ],
  ],
  [
    'an unquoted version (a YAML number)',
    `${bad}/openapi-number.yaml`,
    [
      {
        file: `${bad}/openapi-number.yaml`,
        line: 1,
        pointer: '/openapi',
        code: 'invalid-version',
        message: '"openapi" must be a string such as "3.1.0", not 3.1',
      },
    ],
  ],
  ...(['swagger-2.yaml', 'swagger-2-unquoted.yaml'] as const).map((name): [string, string, Want[]] => [
    `Swagger 2.0 (${name})`,
    `${bad}/${name}`,
    [
      {
        file: `${bad}/${name}`,
        line: 1,
        pointer: '/swagger',
        code: 'unsupported-version',
        message: 'Swagger 2.0 is not supported; specsmith reads OpenAPI 3.0 and 3.1',
        hint: 'Convert the document to OpenAPI 3 first (for example with swagger2openapi), then generate from the result.',
      },
    ],
  ]),
  [
    'malformed x-specsmith-* extensions',
    `${bad}/bad-extensions.yaml`,
    [
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 5,
        pointer: '/x-specsmith-retry',
        code: 'invalid-extension',
        message: 'x-specsmith-retry is malformed: at /maxRetries: must be integer',
      },
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 7,
        pointer: '/x-specsmith-client',
        code: 'invalid-extension',
        message: 'x-specsmith-client is malformed: unknown field "colour"',
      },
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 10,
        pointer: '/x-specsmith-colour',
        code: 'invalid-extension',
        message: `unknown extension x-specsmith-colour; known extensions: ${KNOWN_EXTENSIONS}`,
      },
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 11,
        pointer: '/x-specsmith-pagination',
        code: 'invalid-extension',
        message: 'x-specsmith-pagination is not allowed on the root; it belongs on an operation',
      },
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 14,
        pointer: '/tags/0/x-specsmith-resource',
        code: 'invalid-extension',
        message: 'x-specsmith-resource is malformed: must be string',
      },
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 17,
        pointer: '/paths/~1things/x-specsmith-method',
        code: 'invalid-extension',
        message: 'x-specsmith-method is not allowed on a path item; it belongs on an operation',
      },
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 21,
        pointer: '/paths/~1things/get/x-specsmith-resource',
        code: 'invalid-extension',
        message: 'x-specsmith-resource is not allowed on an operation; it belongs on a tag',
      },
      {
        file: `${bad}/bad-extensions.yaml`,
        line: 24,
        pointer: '/paths/~1things/get/x-specsmith-long-running/poll',
        code: 'invalid-extension',
        message: 'names operationId "getOperation", which no operation has',
      },
    ],
  ],
  [
    'malformed stream and wait declarations (a result with neither event nor state, a match without its pointer, a waiter matching on a stream that cannot)',
    `${streams}/bad-stream-extensions.yaml`,
    [
      {
        file: `${streams}/bad-stream-extensions.yaml`,
        line: 7,
        pointer: '/paths/~1events/post/x-specsmith-wait/match',
        code: 'invalid-extension',
        message:
          'needs x-specsmith-sse.match on "subscribeStream" to say which field of its events carries the matched id',
      },
      {
        file: `${streams}/bad-stream-extensions.yaml`,
        line: 15,
        pointer: '/paths/~1streams~1{stream_id}/get/x-specsmith-sse',
        code: 'invalid-extension',
        message:
          "x-specsmith-sse is malformed: at /result/success: must have required property 'event'; at /result/success: must have required property 'when'; at /result/success: must match a schema in anyOf",
      },
      {
        file: `${streams}/bad-stream-extensions.yaml`,
        line: 27,
        pointer: '/paths/~1runs~1{run_id}/get/x-specsmith-sse',
        code: 'invalid-extension',
        message: "x-specsmith-sse is malformed: at /match: must have required property 'pointer'",
      },
    ],
  ],
  [
    'x-specsmith-unwrap on an operation, without a key, with an empty key, and misspelt on a schema',
    `${unwrap}/bad-unwrap.yaml`,
    [
      {
        file: `${unwrap}/bad-unwrap.yaml`,
        line: 7,
        pointer: '/paths/~1runs/get/x-specsmith-unwrap',
        code: 'invalid-extension',
        message: 'x-specsmith-unwrap is not allowed on an operation; it belongs on a component schema',
      },
      {
        file: `${unwrap}/bad-unwrap.yaml`,
        line: 22,
        pointer: '/components/schemas/NoKey/x-specsmith-unwrap',
        code: 'invalid-extension',
        message: 'x-specsmith-unwrap is malformed: must have required property \'key\'; unknown field "name"',
      },
      {
        file: `${unwrap}/bad-unwrap.yaml`,
        line: 24,
        pointer: '/components/schemas/EmptyKey/x-specsmith-unwrap',
        code: 'invalid-extension',
        message: 'x-specsmith-unwrap is malformed: at /key: must NOT have fewer than 1 characters',
      },
      {
        file: `${unwrap}/bad-unwrap.yaml`,
        line: 26,
        pointer: '/components/schemas/Misspelt/x-specsmith-unwrapp',
        code: 'invalid-extension',
        message: `unknown extension x-specsmith-unwrapp; known extensions: ${KNOWN_EXTENSIONS}`,
      },
    ],
  ],
  [
    'x-specsmith-multi-segment off a path parameter, malformed, and an unknown parameter extension',
    `${bad}/misplaced-multi-segment.yaml`,
    [
      {
        file: `${bad}/misplaced-multi-segment.yaml`,
        line: 10,
        pointer: '/components/parameters/Prefix/x-specsmith-multi-segment',
        code: 'invalid-extension',
        message: 'x-specsmith-multi-segment belongs on a path parameter, not on one in "query"',
      },
      {
        file: `${bad}/misplaced-multi-segment.yaml`,
        line: 18,
        pointer: '/paths/~1files~1{path}/parameters/0/x-specsmith-multi-segment',
        code: 'invalid-extension',
        message: 'x-specsmith-multi-segment is malformed: must be boolean',
      },
      {
        file: `${bad}/misplaced-multi-segment.yaml`,
        line: 26,
        pointer: '/paths/~1files~1{path}/get/parameters/1/x-specsmith-colour',
        code: 'invalid-extension',
        message: `unknown extension x-specsmith-colour; known extensions: ${KNOWN_EXTENSIONS}`,
      },
    ],
  ],
  [
    'problems inside $ref’d path files, each in its own file',
    `${split}/openapi.yaml`,
    [
      {
        file: `${split}/paths/gadget.yaml`,
        line: 1,
        pointer: '/get',
        code: 'undeclared-path-parameter',
        message: 'path "/gadgets/{gadget_id}" uses {gadget_id} but no path parameter "gadget_id" is declared',
      },
      {
        file: `${split}/paths/gadget.yaml`,
        line: 2,
        pointer: '/get/operationId',
        code: 'duplicate-operation-id',
        message: `operationId "listGadgets" is already used at ${split}/paths/gadgets.yaml:2 (#/get/operationId)`,
      },
      {
        file: `${split}/paths/gadgets.yaml`,
        line: 3,
        pointer: '/get/x-specsmith-pagination',
        code: 'invalid-extension',
        message:
          "x-specsmith-pagination is malformed: must have required property 'cursor'; must have required property 'nextCursor'",
      },
      {
        file: `${split}/paths/gadgets.yaml`,
        line: 12,
        pointer: '/get/responses/200/content/application~1json/schema/items/$ref',
        code: 'dangling-ref',
        message: '$ref "../openapi.yaml#/components/schemas/Gizmo" points at nothing',
      },
    ],
  ],
];

function byPlace(
  a: { file: string; line?: number | undefined },
  b: { file: string; line?: number | undefined },
): number {
  return a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1;
}

async function diagnosticsOf(specFile: string): Promise<Diagnostic[]> {
  try {
    await generatePackage(specFile, { cwd: repoRoot });
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics;
    throw error;
  }
  throw new Error(`${specFile} generated without an error`);
}

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir('diagnostics');
});
afterAll(async () => {
  await temp.remove();
});

describe.each(CASES)('%s', (_label, specFile, wants) => {
  it('is reported with file, line, pointer, code and message', async () => {
    const found = (await diagnosticsOf(specFile)).sort(byPlace);
    const sorted = [...wants].sort(byPlace);
    expect(found).toHaveLength(sorted.length);
    sorted.forEach((want, index) => {
      const got = found[index];
      expect(got).toMatchObject({
        severity: 'error',
        file: want.file,
        line: want.line,
        pointer: want.pointer,
        code: want.code,
      });
      if (typeof want.message === 'string') expect(got?.message).toBe(want.message);
      else expect(got?.message).toMatch(want.message);
      if (want.hint !== undefined) expect(got?.hint).toBe(want.hint);
    });
  });

  it('makes the CLI exit 1, print each diagnostic and write nothing', async () => {
    const out = join(temp.path, 'never-written');
    const { code, stdout, stderr } = await runCli(['generate', specFile, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n');
    expect(lines[0]).toBe(
      `specsmith: ${specFile}: ${wants.length} problem${wants.length === 1 ? '' : 's'}; nothing was written`,
    );
    for (const want of wants) {
      const pointer = want.pointer === '' ? '#' : `#${want.pointer}`;
      const line = lines.find(
        (text) =>
          (text.startsWith(`${want.file}:${want.line}:`) || text.startsWith(`${want.file}:${want.line} `)) &&
          text.includes(` error [${want.code}] ${pointer}: `),
      );
      expect(line, `no line for ${want.file}:${want.line} [${want.code}] in:\n${stderr}`).toBeDefined();
      const message = line?.slice(line.indexOf(`${pointer}: `) + pointer.length + 2);
      if (typeof want.message === 'string') expect(message).toBe(want.message);
      else expect(message).toMatch(want.message);
    }
    expect(existsSync(out)).toBe(false);
  });
});
