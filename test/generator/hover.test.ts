/**
 * What an editor shows: the TypeScript language service's quick info (the
 * hover text) over a small consumer of generated/hot, compiled from its
 * sources. A method's result, a list item in `for await` and a stream event
 * must read as the schema's name (`Run`), not as openapi-typescript's indexed
 * access (`components["schemas"]["Run"]`) or an expanded object; a method's
 * params as its params type (`RunListParams`); and a field keeps the doc
 * comment the spec's `description` gives it.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/redocly.js';

const consumerPath = join(repoRoot, 'test', '.artifacts', 'hover', 'consumer.ts');
const consumer = `import { Hot } from '../../../generated/hot/src/index.js';

const hot = new Hot({ apiKey: 'key' });

export async function main(): Promise<void> {
  const run = await hot.runs.get('run-id');
  const project = await hot.projects.get('project-id');
  for await (const item of hot.runs.list({ limit: 10 })) console.log(item);
  for await (const event of hot.env.subscribe()) console.log(event);
  for await (const runEvent of hot.runs.subscribe('run-id')) console.log(runEvent);
  console.log(run.status, project);
}
`;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

const host: ts.LanguageServiceHost = {
  getScriptFileNames: () => [consumerPath],
  getScriptVersion: () => '1',
  getScriptSnapshot: (name) => {
    const text = name === consumerPath ? consumer : ts.sys.readFile(name);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => repoRoot,
  getCompilationSettings: () => options,
  getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
  fileExists: (name) => name === consumerPath || ts.sys.fileExists(name),
  readFile: (name) => (name === consumerPath ? consumer : ts.sys.readFile(name)),
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

/** The hover text at the `nth` occurrence of `needle` in the consumer (its first character). */
function hover(needle: string, nth = 0): { text: string; docs: string } {
  let at = -1;
  for (let seen = 0; seen <= nth; seen++) at = consumer.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} is not in the consumer`);
  const info = service.getQuickInfoAtPosition(consumerPath, at);
  return { text: ts.displayPartsToString(info?.displayParts), docs: ts.displayPartsToString(info?.documentation) };
}

describe('hover text over a generated client (generated/hot)', () => {
  it('the consumer compiles', () => {
    const diagnostics = [
      ...service.getSyntacticDiagnostics(consumerPath),
      ...service.getSemanticDiagnostics(consumerPath),
    ];
    expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
  });

  it('a method result reads as the schema name', () => {
    expect(hover('run =').text).toBe('const run: Run');
    expect(hover('project =').text).toBe('const project: Project');
  });

  it('a list item in for await reads as the schema name', () => {
    expect(hover('item of').text).toBe('const item: Run');
  });

  it('a stream event reads as the event schema name (or an event the spec does not define)', () => {
    // Union members print in TypeScript's internal order: compared as a set.
    const members = (text: string): string[] =>
      text
        .replace(/^const \w+: /, '')
        .split(' | ')
        .sort();
    expect(hover('event of').text).toMatch(/^const event: /);
    expect(members(hover('event of').text)).toEqual(['EnvEvent', 'UnknownEvent']);
    // RunSubscriptionEvent is a oneOf of RunUpdateEvent alone: TypeScript names the one member.
    expect(members(hover('runEvent of').text)).toEqual(['RunUpdateEvent', 'UnknownEvent']);
  });

  it('a method shows its params type and its result by name', () => {
    expect(hover('list(').text).toBe(
      '(method) Runs.list(params?: RunListParams, options?: PageOptions): PagePromise<Run>',
    );
    expect(hover('get(', 0).text).toBe('(method) Runs.get(runId: string, options?: RequestOptions): APIPromise<Run>');
  });

  it('a method says its HTTP method and path', () => {
    expect(hover('get(', 0).docs).toContain('`GET /v1/runs/{run_id}`');
  });

  it('a field keeps the description of the spec as its doc comment', () => {
    const field = hover('status, project');
    expect(field.text).toBe('(property) status: RunStatus');
    expect(field.docs).toContain('final');
  });
});
