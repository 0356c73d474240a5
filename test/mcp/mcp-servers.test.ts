/**
 * Each provider's MCP server package, started by the MCP SDK's own Client
 * over stdio (the package's bin, compiled), talking to the Prism mock of its spec: one
 * tool per operation with valid JSON Schema inputs, a read and a write tool
 * whose results match the spec, a documented error as a tool error carrying
 * the provider's code and message, tool filtering, and the key never shown.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSpec, exampleOf, prismUrl, TEST_KEYS } from '../support/contract.js';
import { startPreferProxy } from '../support/prefer-proxy.js';
import type { Provider } from '../support/providers.js';
import { getAtPointer } from '../../generator/load/json-pointer.js';
import { compilePackages, mcpBin } from './support/compile.js';

interface Case {
  env: string;
  read: { tool: string; args: Record<string, unknown>; status: number; unwrap?: string };
  write: { tool: string; args: Record<string, unknown>; status: number; unwrap?: string };
  error: { tool: string; args: Record<string, unknown>; path: RegExp; status: number; example: string };
}

const CASES: Record<Provider, Case> = {
  agentmetal: {
    env: 'AGENTMETAL',
    read: { tool: 'getInstance', args: { instance_id: 'inst-xyz789' }, status: 200 },
    write: {
      tool: 'createInstance',
      args: { metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } },
      status: 201,
    },
    error: {
      tool: 'getInstance',
      args: { instance_id: 'inst-missing' },
      path: /\/v1\/instances\/inst-missing/,
      status: 404,
      example: 'getInstance',
    },
  },
  hot: {
    env: 'HOT',
    read: { tool: 'getProject', args: { project_id_or_slug: 'my-project' }, status: 200, unwrap: '/data' },
    write: { tool: 'createProject', args: { name: 'my-project' }, status: 201, unwrap: '/data' },
    error: {
      tool: 'getProject',
      args: { project_id_or_slug: 'missing-project' },
      path: /\/v1\/projects\/missing-project/,
      status: 404,
      example: 'getProject',
    },
  },
  hotmetal: {
    env: 'HOTMETAL',
    read: { tool: 'getCurrentUser', args: {}, status: 200, unwrap: '/data' },
    write: {
      tool: 'createPublication',
      args: { name: 'Quiet Compute', slug: 'quiet-compute' },
      status: 201,
      unwrap: '/data',
    },
    error: {
      tool: 'getIdea',
      args: { id: '5d2f8a1c-4b6e-4c9d-8a3f-7e1b2c4d6f8a' },
      path: /\/ideas\//,
      status: 404,
      example: 'getIdea',
    },
  },
  heycmo: {
    env: 'HEYCMO',
    read: { tool: 'getHealth', args: {}, status: 200 },
    write: { tool: 'createCheckoutSession', args: { email: 'founder@acmecoffee.co' }, status: 200 },
    error: {
      tool: 'getDashboard',
      args: { id: '8f14e45f-ceea-467a-9b5d-2d1f3c9a7b10' },
      path: /\/api\/dashboard\//,
      status: 404,
      example: 'getDashboard',
    },
  },
};

const PROVIDERS = Object.keys(CASES) as Provider[];

beforeAll(compilePackages, 180_000);

async function connect(
  provider: Provider,
  baseUrl: string,
  args: string[] = [],
): Promise<{ client: Client; stderr: () => string }> {
  const bin = mcpBin(provider);
  const { env } = CASES[provider];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, ...args],
    env: { PATH: process.env['PATH'] ?? '', [`${env}_API_KEY`]: TEST_KEYS[provider], [`${env}_BASE_URL`]: baseUrl },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'specsmith-tests', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe.each(PROVIDERS)('%s MCP server over stdio', (provider) => {
  const outputs: string[] = [];
  let client: Client;
  let stderr: () => string;
  let proxy: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    const { error } = CASES[provider];
    proxy = await startPreferProxy(prismUrl(provider), [{ path: error.path, prefer: `code=${error.status}` }]);
    ({ client, stderr } = await connect(provider, proxy.url));
  });

  afterAll(async () => {
    await client?.close();
    await proxy?.close();
    // The key never appears in anything the server said.
    expect(outputs.join('\n')).not.toContain(TEST_KEYS[provider]);
    expect(stderr()).not.toContain(TEST_KEYS[provider]);
  });

  const callTool = async (
    name: string,
    args: Record<string, unknown>,
  ): Promise<{
    isError?: boolean;
    structuredContent?: Record<string, unknown>;
    content: Array<{ type: string; text?: string }>;
  }> => {
    const result = (await client.callTool({ name, arguments: args })) as {
      isError?: boolean;
      structuredContent?: Record<string, unknown>;
      content: Array<{ type: string; text?: string }>;
    };
    outputs.push(JSON.stringify(result));
    return result;
  };

  it('lists one tool per operation, named by operationId, with valid JSON Schema inputs and method-based annotations', async () => {
    const spec = await contractSpec(provider);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      spec.operations.map((operation) => operation.operationId).sort(),
    );
    const ajv = new Ajv2020({ strict: false });
    for (const tool of tools) {
      expect(() => ajv.compile(tool.inputSchema)).not.toThrow();
      expect(tool.inputSchema.type).toBe('object');
      const operation = spec.operations.find((candidate) => candidate.operationId === tool.name);
      expect(tool.description).toContain(String(operation?.operation['summary']));
      expect(tool.annotations?.readOnlyHint).toBe(operation?.method === 'get');
      expect(tool.annotations?.destructiveHint).toBe(operation?.method === 'delete');
      // Required path parameters are required inputs.
      const pathParams = (operation?.path.match(/\{([^}]+)\}/g) ?? []).map((match) => match.slice(1, -1));
      for (const name of pathParams) expect(tool.inputSchema.required ?? []).toContain(name);
    }
  });

  it('a read tool returns the documented response', async () => {
    const spec = await contractSpec(provider);
    const { read } = CASES[provider];
    const result = await callTool(read.tool, read.args);
    expect(result.isError).toBeFalsy();
    expect(
      spec.validate(
        spec.responsePointer(read.tool, read.status, 'application/json', read.unwrap),
        result.structuredContent,
      ),
    ).toBeUndefined();
    expect(JSON.parse(result.content[0]?.text ?? 'null')).toEqual(result.structuredContent);
  });

  it('a write tool sends a valid request and returns the documented response', async () => {
    const spec = await contractSpec(provider);
    const { write } = CASES[provider];
    const result = await callTool(write.tool, write.args);
    expect(result.content[0]?.text).not.toMatch(/Error/);
    expect(result.isError).toBeFalsy();
    expect(
      spec.validate(
        spec.responsePointer(write.tool, write.status, 'application/json', write.unwrap),
        result.structuredContent,
      ),
    ).toBeUndefined();
  });

  it("a documented error becomes a tool error with the provider's status, code and message", async () => {
    const spec = await contractSpec(provider);
    const { error } = CASES[provider];
    const result = await callTool(error.tool, error.args);
    expect(result.isError).toBe(true);
    const details = result.structuredContent?.['error'] as {
      status?: number;
      code?: string;
      message?: string;
      requestId?: string;
    };
    expect(details.status).toBe(error.status);
    // What the provider's documented error body says, found with the spec's own x-specsmith-errors pointers.
    const body = exampleOf(spec, error.tool, error.status);
    const pointers = spec.document['x-specsmith-errors'] as { message: string; code?: string };
    expect(details.message).toContain(String(getAtPointer(body, pointers.message)));
    expect(details.code).toBe(pointers.code ? getAtPointer(body, pointers.code) : undefined);
    expect(result.content[0]?.text).toContain(details.message ?? '-');
  });
});

describe('tool filtering', () => {
  it('--tools keeps only the named resources and operations', async () => {
    const { client } = await connect('hot', prismUrl('hot'), ['--tools', 'projects,getStatus']);
    try {
      const { tools } = await client.listTools();
      const spec = await contractSpec('hot');
      const expected = spec.operations
        .filter(
          (operation) =>
            (operation.operation['tags'] as string[])[0] === 'Projects' || operation.operationId === 'getStatus',
        )
        .map((operation) => operation.operationId);
      expect(tools.map((tool) => tool.name).sort()).toEqual(expected.sort());
    } finally {
      await client.close();
    }
  });
});

describe('streams and pages', () => {
  it('a stream tool returns the events it collected; a list tool returns one page', async () => {
    const { client } = await connect('hot', prismUrl('hot'));
    try {
      const stream = (await client.callTool({
        name: 'subscribeWithEvent',
        arguments: { event_type: 'chat:message', event_data: { message: 'Hello!' } },
      })) as { isError?: boolean; structuredContent?: { events: Array<{ type: string }>; truncated: boolean } };
      expect(stream.isError).toBeFalsy();
      expect(stream.structuredContent?.events[0]?.type).toBe('event:published');
      expect(stream.structuredContent?.events.at(-1)?.type).toBe('run:stop');
      const page = (await client.callTool({ name: 'listProjects', arguments: { limit: 1 } })) as {
        structuredContent?: { items: unknown[]; total: number; hasMore: boolean };
      };
      expect(Array.isArray(page.structuredContent?.items)).toBe(true);
      expect(typeof page.structuredContent?.total).toBe('number');
      expect(typeof page.structuredContent?.hasMore).toBe('boolean');
    } finally {
      await client.close();
    }
  });
});
