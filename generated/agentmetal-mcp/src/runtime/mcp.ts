/**
 * An MCP server (Model Context Protocol, stdio transport) over a generated
 * client: one tool per operation, described by the generated tool table. Each
 * call goes through the client, so credentials, retries, envelopes and typed
 * errors behave exactly as in code; an API error comes back as an MCP tool
 * error with the provider's status, code and message. Node only: it is copied
 * into the `<name>-mcp` package, never into the client package, whose
 * installs therefore never bring the MCP SDK.
 */
import { fromBase64, toBase64 } from './encoding.js';

declare const process: {
  argv: string[];
  stdout: { write(text: string): void };
  stderr: { write(text: string): void };
  exitCode?: number;
};

/** The part of the MCP SDK's Server this module uses. */
export interface McpServer {
  setRequestHandler(
    schema: unknown,
    handler: (request: { params: { name: string; arguments?: Record<string, unknown> } }) => unknown,
  ): void;
  connect(transport: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * The MCP SDK's classes and request schemas this module uses, handed in by the
 * package's entry point, which imports them statically (from mcp-sdk.js, so
 * bundlers include them) but types them as here: the SDK's own (zod-heavy)
 * declarations would cost every compile of the package seconds.
 */
export interface McpSdk {
  Server: new (info: Record<string, unknown>, options: Record<string, unknown>) => McpServer;
  StdioServerTransport: new () => unknown;
  CallToolRequestSchema: unknown;
  ListToolsRequestSchema: unknown;
}

export interface McpToolParameter {
  /** Name in the tool's input. */
  input: string;
  /** Name on the wire (the client's parameter name). */
  name: string;
}

export interface McpTool {
  name: string;
  title: string;
  description: string;
  /** JSON Schema 2020-12; the schemas its inputs refer to are in its `$defs`. */
  inputSchema: {
    type: 'object';
    properties: Record<string, unknown>;
    required?: string[];
    $defs?: Record<string, unknown>;
    description?: string;
  };
  annotations: {
    title: string;
    readOnlyHint: boolean;
    destructiveHint: boolean;
    idempotentHint: boolean;
    openWorldHint: boolean;
  };
  /** Tag and resource the operation belongs to (for --tools filtering). */
  tag: string;
  resource: string;
  method: string;
  pathParams: readonly McpToolParameter[];
  /** Inputs that go into the method's params object. */
  params: readonly McpToolParameter[];
  /** The method takes a params object. */
  hasParams: boolean;
  /** Inputs (by input name) that carry bytes as base64. */
  binary: readonly string[];
  kind: 'call' | 'page' | 'stream';
}

export interface McpServerInfo {
  name: string;
  title: string;
  version: string;
  instructions: string;
  /** The command that runs the server (for --help). */
  command: string;
  /** Environment variables the client reads, for --help. */
  env: { apiKey?: string; baseUrl?: string };
}

/** Limits on what one tool call collects from a list or a stream. */
export interface McpLimits {
  streamEvents: number;
  streamMs: number;
  inlineBytes: number;
}

const DEFAULT_LIMITS: McpLimits = { streamEvents: 50, streamMs: 15_000, inlineBytes: 256 * 1024 };

type Method = (...args: unknown[]) => unknown;
type ToolResult = {
  content: Array<{ type: 'text'; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

function blobFromBase64(text: unknown): unknown {
  return typeof text === 'string' ? new Blob([fromBase64(text) as Uint8Array<ArrayBuffer>]) : text;
}

async function blobSummary(blob: Blob, limits: McpLimits): Promise<Record<string, unknown>> {
  const summary: Record<string, unknown> = { contentType: blob.type || 'application/octet-stream', size: blob.size };
  if (blob.size <= limits.inlineBytes) summary['base64'] = toBase64(new Uint8Array(await blob.arrayBuffer()));
  return summary;
}

async function toJson(value: unknown, limits: McpLimits): Promise<unknown> {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return blobSummary(value, limits);
  return value;
}

function success(value: unknown): ToolResult {
  const structured =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { result: value ?? null };
  return {
    content: [{ type: 'text', text: value === undefined ? 'Done (no content).' : JSON.stringify(value, null, 2) }],
    structuredContent: structured,
  };
}

/** An error as a tool result: status, code, message and request id, never credentials (the client redacts them). */
function failure(error: unknown): ToolResult {
  const record = error as Error & { status?: number; code?: string; requestId?: string };
  const details = {
    name: record?.name ?? 'Error',
    status: record?.status,
    code: record?.code,
    message: record?.message ?? String(error),
    requestId: record?.requestId,
  };
  // The client's messages already begin with the status and code ("404 not_found: ...").
  const text = `${details.name}: ${details.message}${details.requestId ? ` (request id ${details.requestId})` : ''}`;
  return { isError: true, content: [{ type: 'text', text }], structuredContent: { error: details } };
}

/** Calls the client method a tool stands for. */
export async function callTool(
  client: object,
  tool: McpTool,
  args: Record<string, unknown>,
  limits: McpLimits = DEFAULT_LIMITS,
): Promise<ToolResult> {
  const resource = (client as Record<string, Record<string, Method> | undefined>)[tool.resource];
  const method = resource?.[tool.method];
  if (!resource || typeof method !== 'function')
    return failure(new Error(`the client has no method ${tool.resource}.${tool.method}`));
  const decode = (input: string, value: unknown): unknown =>
    tool.binary.includes(input) ? blobFromBase64(value) : value;
  const positional = tool.pathParams.map((parameter) => args[parameter.input]);
  const params: Record<string, unknown> = {};
  for (const parameter of tool.params)
    if (args[parameter.input] !== undefined) params[parameter.name] = decode(parameter.input, args[parameter.input]);
  const controller = new AbortController();
  const options = tool.kind === 'stream' ? { signal: controller.signal, resume: false } : {};
  const call = (): unknown =>
    method.apply(resource, tool.hasParams ? [...positional, params, options] : [...positional, options]);
  try {
    if (tool.kind === 'page') {
      const page = (await call()) as { items: unknown[]; total?: number; hasNextPage(): boolean };
      return success({ items: page.items, total: page.total, hasMore: page.hasNextPage() });
    }
    if (tool.kind === 'stream') {
      const events: unknown[] = [];
      const timer = setTimeout(() => controller.abort(), limits.streamMs);
      let truncated = false;
      try {
        for await (const event of call() as AsyncIterable<unknown>) {
          events.push(event);
          if (events.length >= limits.streamEvents) {
            truncated = true;
            break;
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
        truncated = true;
      } finally {
        clearTimeout(timer);
      }
      return success({ events, truncated });
    }
    return success(await toJson(await call(), limits));
  } catch (error) {
    return failure(error);
  }
}

/** Tools kept by a `--tools` filter: operation (tool) names, tags or resource names, comma-separated. */
export function selectTools(tools: readonly McpTool[], filter: string | undefined): McpTool[] {
  if (!filter) return [...tools];
  const wanted = new Set(
    filter
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
  return tools.filter((tool) => wanted.has(tool.name) || wanted.has(tool.tag) || wanted.has(tool.resource));
}

export function createMcpServer(
  sdk: McpSdk,
  info: McpServerInfo,
  client: object,
  tools: readonly McpTool[],
  limits: McpLimits = DEFAULT_LIMITS,
): McpServer {
  const { Server, CallToolRequestSchema, ListToolsRequestSchema } = sdk;
  const server = new Server(
    { name: info.name, title: info.title, version: info.version },
    { capabilities: { tools: {} }, instructions: info.instructions },
  );
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: tool.annotations,
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) return failure(new Error(`unknown tool ${request.params.name}`));
    return callTool(client, tool, request.params.arguments ?? {}, limits);
  });
  return server;
}

/** What `--help` prints: the options, the `--tools` syntax and the environment the client reads. */
export function usage(info: McpServerInfo, tools: readonly McpTool[]): string {
  const groups = [...new Set(tools.map((tool) => tool.resource))].sort();
  const env = [
    info.env.apiKey
      ? `  ${info.env.apiKey.padEnd(22)}the API key (required by operations that need credentials)`
      : undefined,
    info.env.baseUrl
      ? `  ${info.env.baseUrl.padEnd(22)}the API's base URL (optional; the spec's server otherwise)`
      : undefined,
  ].filter((line): line is string => line !== undefined);
  return [
    `${info.command}: ${info.title} (stdio), ${info.name} ${info.version}`,
    '',
    `Usage: ${info.command} [--tools <names>]`,
    '',
    'Options:',
    `  --tools <names>       only these tools: comma-separated operation names (tool names), tags or resources;`,
    `                        without it, all ${tools.length} tools are served. Example: --tools ${[groups[0], tools[0]?.name].filter(Boolean).join(',')}`,
    `                        Resources: ${groups.join(', ')}`,
    '  --help                this text',
    '  --version             the version',
    ...(env.length > 0 ? ['', 'Environment:', ...env] : []),
    '',
  ].join('\n');
}

/** The `<name>-mcp` command: `--tools a,b` limits the tools; the client reads its key from the environment. */
export async function runMcpServer(
  sdk: McpSdk,
  info: McpServerInfo,
  makeClient: () => object,
  tools: readonly McpTool[],
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  let filter: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--tools') filter = argv[++index];
    else if (arg.startsWith('--tools=')) filter = arg.slice('--tools='.length);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage(info, tools));
      return;
    } else if (arg === '--version') {
      process.stdout.write(`${info.version}\n`);
      return;
    } else {
      process.stderr.write(`${info.command}: unknown argument ${arg}\n\n${usage(info, tools)}`);
      process.exitCode = 2;
      return;
    }
  }
  if (filter === undefined && argv.includes('--tools')) {
    process.stderr.write(`${info.command}: --tools needs a value\n`);
    process.exitCode = 2;
    return;
  }
  const selected = selectTools(tools, filter);
  if (selected.length === 0) {
    process.stderr.write(`${info.command}: --tools ${filter ?? ''} matches no tool (see --help)\n`);
    process.exitCode = 2;
    return;
  }
  const server = createMcpServer(sdk, info, makeClient(), selected);
  await server.connect(new sdk.StdioServerTransport());
}
