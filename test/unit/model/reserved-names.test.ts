/**
 * The one registry of names spec-derived types may not take
 * (generator/model/reserved-names.ts) against what the package really
 * exports: the runtime's exports, read here with TypeScript's parser (the
 * registry reads them with a lighter scanner, so the two must agree), the
 * runtime names index.ts re-exports, and the classes errors.ts declares.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitErrors } from '../../../generator/emit/errors-file.js';
import { buildModel } from '../../../generator/model/index.js';
import {
  clientTypeNames,
  ERROR_CLASSES,
  RESERVED_TYPE_NAMES,
  RUNTIME_EXPORTS,
  runtimeExportNames,
} from '../../../generator/model/reserved-names.js';
import { exportedNames } from '../../support/exported-names.js';
import { repoRoot } from '../../support/redocly.js';

const runtime = join(repoRoot, 'generator', 'runtime');
const modules = readdirSync(runtime).filter((name) => name.endsWith('.ts') && name !== 'mcp.ts');
const exportsOf = (file: string): string[] => exportedNames(readFileSync(join(runtime, file), 'utf8'));

describe('reserved names', () => {
  it('hold every export of every runtime module the client package copies', () => {
    const missing = modules.flatMap((file) =>
      exportsOf(file)
        .filter((name) => !RESERVED_TYPE_NAMES.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('read the runtime exports exactly as TypeScript parses them', () => {
    expect([...runtimeExportNames(runtime)].sort()).toEqual([...new Set(modules.flatMap(exportsOf))].sort());
  });

  it('a runtime export added later is read too (declarations, export lists, renamed exports); the MCP server is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specsmith-runtime-'));
    try {
      writeFileSync(
        join(dir, 'extra.ts'),
        'export interface FreshlyAddedOptions { a: string }\nexport type { Other as RenamedType } from "./other.js";\nconst helper = 1;\nexport { helper as renamedHelper };\nexport declare abstract class Base {}\n',
      );
      writeFileSync(join(dir, 'mcp.ts'), 'export interface McpOnly { a: string }\n');
      expect([...runtimeExportNames(dir)].sort()).toEqual([
        'Base',
        'FreshlyAddedOptions',
        'RenamedType',
        'renamedHelper',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('each runtime name index.ts re-exports is an export of the module it is re-exported from', () => {
    const kebab = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    for (const [key, names] of Object.entries(RUNTIME_EXPORTS))
      expect(exportsOf(`${kebab(key)}.ts`), key).toEqual(expect.arrayContaining([...names]));
  });

  it('errors.ts declares exactly the registry’s error classes, besides the client’s own names', () => {
    const model = buildModel(
      { openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths: {} },
      { source: 'specs/acme/openapi.yaml' },
    );
    const declared = exportedNames(emitErrors(model));
    expect(
      declared.filter((name) => name !== 'errorClasses' && !clientTypeNames(model.name).includes(name)).sort(),
    ).toEqual([...ERROR_CLASSES].sort());
    expect(declared.every((name) => RESERVED_TYPE_NAMES.has(name) || clientTypeNames(model.name).includes(name))).toBe(
      true,
    );
  });

  it('hold the globals generated code and its users refer to', () => {
    for (const name of ['Error', 'File', 'Event', 'Blob', 'Response', 'Request', 'Headers', 'Promise'])
      expect(RESERVED_TYPE_NAMES.has(name), name).toBe(true);
  });
});
