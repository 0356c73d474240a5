/**
 * Real-world documents: every OpenAPI 3.0 and 3.1 document of
 * @readme/oas-examples, plus fixtures reproducing constructs that make peer
 * generators emit non-compiling code or crash, either generates a client that
 * passes `tsc --noEmit` under strict, or (only when the document itself is
 * invalid) fails with a diagnostic naming file, pointer and reason. Swagger 2.0
 * documents get a clear "not supported" diagnostic.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { generatePackage } from '../../generator/pipeline.js';
import { repoRoot } from '../support/redocly.js';
import { typecheck } from '../support/typecheck.js';

const EXAMPLES = join(repoRoot, 'node_modules/@readme/oas-examples');

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? jsonFiles(join(dir, entry.name))
        : entry.name.endsWith('.json')
          ? [join(dir, entry.name)]
          : [],
    ),
  );
  return nested.flat().sort();
}

interface Outcome {
  document: string;
  operations: number;
  folder?: string;
  diagnostic?: string;
}

let workdir: string;
const outcomes = new Map<string, Outcome>();
let tscErrors = '';

async function generateInto(document: string): Promise<Outcome> {
  const name = relative(repoRoot, document);
  try {
    const result = await generatePackage(document, { cwd: repoRoot, packageName: '@corpus/example' });
    const folder = join(workdir, name.replace(/[^A-Za-z0-9]+/g, '_'));
    for (const [path, text] of result.files) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    return { document: name, operations: result.model.operations.length, folder };
  } catch (error) {
    if (error instanceof SpecError) return { document: name, operations: 0, diagnostic: error.message };
    throw error;
  }
}

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'specsmith-corpus-'));
  const documents = [
    ...(await jsonFiles(join(EXAMPLES, '3.0'))),
    ...(await jsonFiles(join(EXAMPLES, '3.1'))),
    ...(await jsonFiles(join(repoRoot, 'test/fixtures/peer-failures'))),
  ];
  for (const document of documents) outcomes.set(relative(repoRoot, document), await generateInto(document));
  // One strict type-check over every generated package; error lines start with the package's folder.
  tscErrors = await typecheck(workdir, { include: ['*/src/**/*.ts'] });
}, 300_000);

afterAll(async () => {
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

function errorsOf(outcome: Outcome | undefined): string[] {
  const folder = outcome?.folder ? relative(workdir, outcome.folder) : undefined;
  return folder ? tscErrors.split('\n').filter((line) => line.startsWith(`${folder}/`)) : [];
}

describe('@readme/oas-examples', () => {
  it('has OpenAPI 3.0 and 3.1 documents', () => {
    expect([...outcomes.keys()].filter((name) => name.includes('oas-examples/3.0/')).length).toBeGreaterThan(40);
    expect([...outcomes.keys()].filter((name) => name.includes('oas-examples/3.1/')).length).toBeGreaterThan(10);
  });

  it('every document generates a client that compiles under strict (or is invalid, with a diagnostic)', () => {
    const report = [...outcomes.values()].map((outcome) => {
      const errors = errorsOf(outcome);
      if (outcome.diagnostic) return `${outcome.document}: invalid document: ${outcome.diagnostic.split('\n')[0]}`;
      return `${outcome.document}: ${outcome.operations} operations, ${errors.length === 0 ? 'compiles' : `${errors.length} type errors: ${errors[0]}`}`;
    });
    // Listed so a failure shows every document's outcome.
    expect(report.filter((line) => !line.endsWith('compiles'))).toEqual([]);
    // Every error line belongs to some package: none can hide from the per-document report.
    const folders = [...outcomes.values()].flatMap((outcome) =>
      outcome.folder ? [`${relative(workdir, outcome.folder)}/`] : [],
    );
    expect(
      tscErrors
        .split('\n')
        .filter((line) => /error TS/.test(line) && !folders.some((folder) => line.startsWith(folder))),
    ).toEqual([]);
  });
});

describe('constructs where peers fail', () => {
  it.each([
    ['ref-into-paths.json', 'a schema $ref that points into #/paths/...'],
    ['ref-into-nested-definitions.json', 'a $ref into a nested `definitions` of a schema'],
    ['allof-required-over-nullable.json', 'allOf + required over a nullable schema'],
    ['self-referencing-oneof-with-null.json', 'a self-referencing oneOf with type: null'],
    ['responses-without-content.json', 'responses without content'],
    [
      'ref-under-keyword-named-property.json',
      'a $ref into #/paths/... under properties named default, items, enum, type, properties',
    ],
    [
      'mutual-recursion-through-arrays.json',
      'schemas recursive through each other (A: B[], B: A[]) and allOf themselves',
    ],
  ])('%s (%s) generates and compiles', (file) => {
    const outcome = outcomes.get(`test/fixtures/peer-failures/${file}`);
    expect(outcome?.diagnostic).toBeUndefined();
    expect(outcome?.operations).toBeGreaterThan(0);
    expect(errorsOf(outcome)).toEqual([]);
  });
});

describe('Swagger 2.0', () => {
  it('gets a clear "not supported" diagnostic for every 2.0 document', async () => {
    const documents = await jsonFiles(join(EXAMPLES, '2.0'));
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      const error = await generatePackage(document, { cwd: repoRoot }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(SpecError);
      const [diagnostic] = (error as SpecError).diagnostics;
      expect(diagnostic?.code).toBe('unsupported-version');
      expect(diagnostic?.pointer).toBe('/swagger');
      expect(diagnostic?.file).toBe(relative(repoRoot, document));
      expect(diagnostic?.message).toMatch(/Swagger 2\.0 is not supported/);
    }
  });
});
