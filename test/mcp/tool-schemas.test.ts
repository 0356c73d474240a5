/**
 * MCP tool input schemas on hostile specs. A tool's input schema refers to
 * the schemas it needs through its own `$defs` (JSON Schema 2020-12), so
 * recursion is a reference back, not an expansion, and a large API whose
 * schemas all reach one another (which used to crash generation with
 * "Invalid string length") generates in bounded time and size: a tool whose
 * schema would be too large gets its inputs with the large ones left open.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePackage } from '../../generator/pipeline.js';
import type { McpTool } from '../../generator/runtime/mcp.js';
import { repoRoot } from '../support/redocly.js';
import { interlinkedSpec } from './support/interlinked-spec.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The tool table of a generated MCP package, loaded the way the server loads it (as a module). */
async function toolTable(mcp: Map<string, string>): Promise<{ tools: McpTool[]; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'specsmith-tools-'));
  dirs.push(dir);
  const text = mcp.get('mcp-tools.js') ?? '';
  await writeFile(join(dir, 'mcp-tools.mjs'), text);
  const module = (await import(pathToFileURL(join(dir, 'mcp-tools.mjs')).href)) as { default: McpTool[] };
  return { tools: module.default, bytes: text.length };
}

/** Every `$ref` in a schema. */
function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refs(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refs(value, found);
    }
  }
  return found;
}

/** A tool's schema is self-contained: every reference names one of its own `$defs`, and each definition is used. */
function expectSelfContained(tool: McpTool): void {
  const defs = tool.inputSchema.$defs ?? {};
  const targets = refs(tool.inputSchema);
  for (const ref of targets) {
    expect(ref, tool.name).toMatch(/^#\/\$defs\/[A-Za-z0-9_.-]+$/);
    expect(Object.keys(defs), `${tool.name}: ${ref}`).toContain(ref.slice('#/$defs/'.length));
  }
  for (const name of Object.keys(defs))
    expect(targets, `${tool.name}: $defs/${name} is unused`).toContain(`#/$defs/${name}`);
}

describe('recursive, chained and oddly named schemas (test/fixtures/hostile/mcp/recursive-schemas.yaml)', () => {
  let tools: McpTool[];
  const ajv = new Ajv2020({ strict: false });
  const tool = (name: string): McpTool => {
    const found = tools.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no tool ${name}`);
    return found;
  };

  beforeAll(async () => {
    const { mcp } = await generatePackage('test/fixtures/hostile/mcp/recursive-schemas.yaml', {
      cwd: repoRoot,
      packageName: '@fixture/trees',
    });
    ({ tools } = await toolTable(mcp));
  });

  it('gives every tool a self-contained schema that compiles', () => {
    expect(tools.map((candidate) => candidate.name)).toEqual(['createTree', 'replaceForest']);
    for (const candidate of tools) {
      expectSelfContained(candidate);
      expect(() => ajv.compile(candidate.inputSchema)).not.toThrow();
    }
  });

  it('checks a recursive tree at any depth, through mutual recursion', () => {
    const validate = ajv.compile(tool('createTree').inputSchema);
    const deep = {
      name: 'oak',
      children: [
        {
          name: 'branch',
          children: [
            { name: 'twig', keeper: { name: 'ann', favourite: { name: 'elm', children: [{ name: 'leaf' }] } } },
          ],
        },
      ],
    };
    expect(validate(deep)).toBe(true);
    expect(validate({ name: 'oak', children: [{ name: 'branch', children: [{ children: [] }] }] })).toBe(false);
    expect(
      validate({ name: 'oak', keeper: { name: 'ann', favourite: { name: 'elm', children: [{ name: 7 }] } } }),
    ).toBe(false);
  });

  it('follows a chain of references, an escaped name and same-named targets', () => {
    const schema = tool('replaceForest').inputSchema;
    expect(schema.required).toEqual(['forest_id', 'trees']);
    const validate = ajv.compile(schema);
    const valid = {
      forest_id: 'black-forest',
      trees: [{ name: 'fir' }],
      region: 'north',
      labels: { zone: 'a' },
      tags: ['old'],
    };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, forest_id: 'Black Forest!' })).toBe(false);
    expect(validate({ ...valid, region: 'east' })).toBe(false);
    expect(validate({ ...valid, labels: { zone: 1 } })).toBe(false);
    expect(validate({ ...valid, tags: ['far too long a tag'] })).toBe(false);
    expect(validate({ ...valid, trees: [{ children: [] }] })).toBe(false);
  });
});

describe('a large API of 600 interlinked schemas', () => {
  const SCHEMAS = 600;
  const OPERATIONS = 300;
  const SMALL = 5;
  let specBytes = 0;
  let elapsed = 0;
  let tools: McpTool[];
  let tableBytes = 0;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specsmith-interlinked-'));
    dirs.push(dir);
    const text = JSON.stringify(
      interlinkedSpec({ schemas: SCHEMAS, operations: OPERATIONS, smallOperations: SMALL }),
      null,
      2,
    );
    specBytes = text.length;
    await writeFile(join(dir, 'openapi.json'), text);
    const started = performance.now();
    const { mcp } = await generatePackage(join(dir, 'openapi.json'), {
      cwd: repoRoot,
      packageName: '@fixture/interlinked',
    });
    elapsed = performance.now() - started;
    ({ tools, bytes: tableBytes } = await toolTable(mcp));
  }, 240_000);

  it('is the size of the specs that used to crash generation', () => {
    expect(specBytes).toBeGreaterThan(2_500_000);
  });

  it('generates in bounded time, one tool per operation', () => {
    // Once "RangeError: Invalid string length" (or out of memory) after minutes; now seconds, with room for a busy machine.
    expect(elapsed).toBeLessThan(120_000);
    expect(tools).toHaveLength(OPERATIONS + SMALL);
  });

  it('keeps the tool table smaller than the spec, and every tool schema under 64 KiB', () => {
    expect(tableBytes).toBeLessThan(specBytes);
    for (const tool of tools) expect(JSON.stringify(tool.inputSchema).length, tool.name).toBeLessThan(64 * 1024);
  });

  it('gives every tool a self-contained schema that compiles', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const tool of tools) {
      expectSelfContained(tool);
      expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
    }
  });

  it('leaves a too-large input open but named, described and still required; small tools keep their whole schema', () => {
    const large = tools.find((tool) => tool.name === 'updateModel0');
    expect(large?.inputSchema.required).toEqual(expect.arrayContaining(['path_id', 'id', 'name']));
    expect(large?.inputSchema.description).toMatch(/too large/);
    expect(large?.inputSchema.properties['next']).toMatchObject({
      type: 'object',
      description: expect.stringMatching(/too large/),
    });
    // Plain inputs keep their schemas.
    expect(large?.inputSchema.properties['status']).toMatchObject({
      enum: ['active', 'paused', 'archived', 'deleted'],
    });
    // The body's fields are the tool's inputs, so the note is spelled out and the author it refers to is a definition.
    const small = tools.find((tool) => tool.name === 'createNote0');
    expect(small?.inputSchema.description).toBeUndefined();
    expect(Object.keys(small?.inputSchema.$defs ?? {})).toEqual(['Author']);
    const validate = new Ajv2020({ strict: false }).compile(small?.inputSchema ?? {});
    expect(validate({ note: { text: 'hi', author: { email: 'a@b.c' } } })).toBe(true);
    expect(validate({ note: { text: 'hi', author: { name: 'no email' } } })).toBe(false);
  });
});
