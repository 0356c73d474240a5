/**
 * Open string enums (`anyOf: [{enum}, {type: string}]`) reach schema.ts as
 * `'a' | 'b' | (string & {})`: any string is accepted and the literals stay
 * apart (completions), where openapi-typescript alone reduces them to
 * `string`. Closed enums and unions without string literals are unchanged.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitSchema } from '../../generator/emit/schema-file.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'Enums', version: '1' },
  paths: {},
  components: {
    schemas: {
      Template: { type: 'string', enum: ['starter', 'bold'] },
      Code: { anyOf: [{ type: 'string', enum: ['NOT_FOUND', 'FORBIDDEN'] }, { type: 'string' }] },
      OpenTemplate: { anyOf: [{ $ref: '#/components/schemas/Template' }, { type: 'string' }] },
      NumberOrString: { anyOf: [{ type: 'number' }, { type: 'string' }] },
      Holder: {
        type: 'object',
        required: ['state'],
        properties: {
          state: { anyOf: [{ type: 'string', enum: ['ready'] }, { type: 'string' }, { type: 'null' }] },
          closed: { $ref: '#/components/schemas/Template' },
        },
      },
    },
  },
};

/** Type-checks `source` against the emitted schema; returns the diagnostics' messages. */
function typeErrors(schema: string, source: string): string[] {
  const files = new Map([
    ['/schema.ts', schema],
    ['/use.ts', source],
  ]);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name) ?? '', version) : read(name, version);
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(name) ?? ts.sys.readFile(name);
  const program = ts.createProgram(['/use.ts'], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('open string enums in schema.ts', async () => {
  const schema = await emitSchema(structuredClone(document), 'enums.yaml', new Map());

  it('renders the string member as string & {} next to the literals', () => {
    expect(schema).toContain('Code: "NOT_FOUND" | "FORBIDDEN" | (string & {});');
    expect(schema).toContain('OpenTemplate: components["schemas"]["Template"] | (string & {});');
    expect(schema).toContain('state: "ready" | (string & {}) | null;');
  });

  it('leaves closed enums and unions without string literals alone', () => {
    expect(schema).toContain('Template: "starter" | "bold";');
    expect(schema).toContain('NumberOrString: number | string;');
  });

  it('accepts any string and keeps the literals apart from it', () => {
    const use = [
      "import type { components } from './schema.js';",
      'type S = components["schemas"];',
      // The literal members of a union: `string & {}` (and a plain `string`) drop out.
      'type Known<T> = T extends string ? (string extends T ? never : T) : never;',
      "export const unknownCode: S['Code'] = 'ACCOUNT_SUSPENDED';",
      "export const unknownTemplate: S['OpenTemplate'] = 'minimal';",
      "export const knownOnly: Known<S['Code']> = 'NOT_FOUND';",
      // The literals survive (a plain `string` would leave none), so this line must fail.
      "export const notKnown: Known<S['Code']> = 'ACCOUNT_SUSPENDED';",
      // Closed enums stay closed.
      "export const closed: S['Template'] = 'minimal';",
    ].join('\n');
    const errors = typeErrors(schema, use);
    expect(errors, errors.join('\n')).toHaveLength(2);
    expect(errors[0]).toMatch(/"ACCOUNT_SUSPENDED"' is not assignable to type '"NOT_FOUND" \| "FORBIDDEN"'/);
    expect(errors[1]).toMatch(/"minimal"' is not assignable to type '("starter" \| "bold"|"bold" \| "starter")'/);
  });
});
