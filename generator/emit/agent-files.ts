/**
 * What AI agents get from the same spec. The client package ships
 * `llms.txt` and `llms-full.txt` (https://llmstxt.org), an RFC 9727 API
 * catalog and the OpenAPI document itself, which the catalog names as the
 * service description. The `<name>-mcp` package beside it is the MCP server:
 * its tool table (a data module), entry point, `bin` and server card.
 */
import { StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ApiModel, OperationModel, ResourceModel } from '../model/types.js';
import type { McpTool } from '../runtime/mcp.js';
import { fenced, operationExample, signature } from './call-example.js';
import { docText } from './doc-text.js';
import { expression, generatedHeader, printFile, type Statement } from './print.js';

/** The MCP protocol revision the server card advertises (the SDK's latest). */
export const MCP_PROTOCOL_VERSION = '2025-11-25';

/** The package's name without its scope: the MCP server's name in client configurations. */
export function serverName(model: ApiModel): string {
  return model.packageName.split('/').at(-1) ?? 'api';
}

export function mcpBinName(model: ApiModel): string {
  return `${serverName(model)}-mcp`;
}

/** The MCP server's package, published beside the client (as `@stripe/mcp` beside `stripe`). */
export function mcpPackageName(model: ApiModel): string {
  return `${model.packageName}-mcp`;
}

/** The first paragraph of Markdown text that is prose (not a heading or a quote), on one line. */
export function firstParagraph(text: string | undefined): string {
  return (
    (text ?? '')
      .split(/\n\s*\n/)
      .find((part) => part.trim() !== '' && !part.trim().startsWith('#') && !part.trim().startsWith('>'))
      ?.replace(/\s+/g, ' ')
      .trim() ?? ''
  );
}

function instructions(model: ApiModel): string {
  return `Tools for the ${model.title}, one per operation, calling it through the ${model.packageName} client (credentials from ${model.apiKeyEnv ?? 'the environment'}, retries, typed errors). ${firstParagraph(model.description)}`.trim();
}

/**
 * The tool table as a plain ES module (JSON is a subset of JavaScript), so
 * Node and every bundler load it like code, with nothing read from disk at run
 * time. It sits beside a small declaration (emitMcpToolsDeclaration): typing a
 * large API's table from its text would cost the compiler seconds.
 */
export function emitMcpToolsModule(model: ApiModel, tools: readonly McpTool[]): string {
  return `${generatedHeader(model.source)}// The MCP tool table: one tool per operation (see src/runtime/mcp.ts for its fields).\nexport default ${JSON.stringify(tools, null, 1)};\n`;
}

export function emitMcpToolsDeclaration(model: ApiModel): string {
  return `${generatedHeader(model.source)}/** The MCP tool table (mcp-tools.js); src/index.ts gives it its type. */\ndeclare const tools: readonly unknown[];\nexport default tools;\n`;
}

/** The MCP SDK pieces the server uses, imported statically so that Node and bundlers load them like any module. */
export function emitMcpSdkModule(model: ApiModel): string {
  return [
    generatedHeader(model.source).trimEnd(),
    "export { Server } from '@modelcontextprotocol/sdk/server/index.js';",
    "export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
    "export { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';",
    '',
  ].join('\n');
}

/** Their types, as far as the server uses them (runtime/mcp.ts, McpSdk), so the package compiles without the SDK's declarations. */
export function emitMcpSdkDeclaration(model: ApiModel): string {
  return [
    generatedHeader(model.source).trimEnd(),
    "import type { McpSdk } from './src/runtime/mcp.js';",
    '',
    "export declare const Server: McpSdk['Server'];",
    "export declare const StdioServerTransport: McpSdk['StdioServerTransport'];",
    "export declare const CallToolRequestSchema: McpSdk['CallToolRequestSchema'];",
    "export declare const ListToolsRequestSchema: McpSdk['ListToolsRequestSchema'];",
    '',
  ].join('\n');
}

export function emitMcpIndex(model: ApiModel): string {
  const info = {
    name: mcpPackageName(model),
    title: `${model.title} MCP server`,
    version: model.packageVersion,
    instructions: instructions(model),
    command: mcpBinName(model),
    env: { apiKey: model.apiKeyEnv, baseUrl: model.baseUrlEnv },
  };
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: model.packageName,
      namedImports: [model.name, { name: 'ClientOptions', isTypeOnly: true }],
    },
    // From src/ and from dist/ alike, the table and the SDK's re-exports are one folder up.
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../mcp-sdk.js', namespaceImport: 'sdk' },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../mcp-tools.js', defaultImport: 'table' },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './runtime/mcp.js',
      namedImports: [
        'createMcpServer',
        'runMcpServer',
        'selectTools',
        { name: 'McpServer', isTypeOnly: true },
        { name: 'McpServerInfo', isTypeOnly: true },
        { name: 'McpTool', isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: './runtime/mcp.js',
      namedExports: [
        'callTool',
        'selectTools',
        'usage',
        { name: 'McpSdk', isTypeOnly: true },
        { name: 'McpServer', isTypeOnly: true },
        { name: 'McpServerInfo', isTypeOnly: true },
        { name: 'McpTool', isTypeOnly: true },
        { name: 'McpToolParameter', isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['Name, version and instructions the server announces, and the command and environment its --help names.'],
      declarations: [{ name: 'serverInfo', type: 'McpServerInfo', initializer: expression(info) }],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [docText(`One MCP tool per operation of the ${model.title}.`)],
      declarations: [{ name: 'tools', type: 'readonly McpTool[]', initializer: 'table as readonly McpTool[]' }],
    },
    {
      kind: StructureKind.Function,
      name: 'createServer',
      isExported: true,
      docs: [
        docText(
          `An MCP server (not yet connected) whose tools call a ${model.name} client; \`only\` keeps the named operations, tags or resources (comma-separated), and without it every tool is served.`,
        ),
      ],
      parameters: [
        { name: 'options', type: 'ClientOptions', initializer: '{}' },
        { name: 'only', type: 'string', hasQuestionToken: true },
      ],
      returnType: 'McpServer',
      statements: [`return createMcpServer(sdk, serverInfo, new ${model.name}(options), selectTools(tools, only));`],
    },
    {
      kind: StructureKind.Function,
      name: 'main',
      isExported: true,
      isAsync: true,
      docs: [
        docText(
          `Runs the server on stdio (the \`${mcpBinName(model)}\` command); the API key comes from ${model.apiKeyEnv ?? 'the environment'}.`,
        ),
      ],
      parameters: [{ name: 'argv', type: 'readonly string[]', hasQuestionToken: true }],
      returnType: 'Promise<void>',
      statements: [`await runMcpServer(sdk, serverInfo, () => new ${model.name}(), tools, argv);`],
    },
  ];
  return printFile(model.source, statements);
}

export function emitMcpBin(model: ApiModel): string {
  // The shebang must be the first line of the compiled file, so it precedes the generated header.
  return `#!/usr/bin/env node\n${printFile(model.source, [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: './index.js', namedImports: ['main'] }, 'await main();'])}`;
}

export function emitMcpServerCard(model: ApiModel, tools: readonly McpTool[]): string {
  return `${JSON.stringify(
    {
      version: '1.0',
      protocolVersion: MCP_PROTOCOL_VERSION,
      serverInfo: { name: mcpPackageName(model), title: `${model.title} MCP server`, version: model.packageVersion },
      description: instructions(model),
      transport: {
        type: 'stdio',
        command: 'npx',
        args: ['-y', mcpPackageName(model)],
        env: [model.apiKeyEnv, model.baseUrlEnv].filter((name): name is string => name !== undefined),
      },
      capabilities: { tools: { listChanged: false } },
      tools: tools.map((tool) => ({ name: tool.name, description: tool.title })),
    },
    null,
    2,
  )}\n`;
}

export function emitApiCatalog(model: ApiModel): string {
  return `${JSON.stringify(
    {
      linkset: [
        {
          anchor: model.baseUrl || model.packageName,
          'service-desc': [{ href: 'openapi.json', type: 'application/openapi+json' }],
          'service-doc': [
            { href: 'README.md', type: 'text/markdown' },
            { href: 'llms.txt', type: 'text/plain' },
          ],
        },
      ],
    },
    null,
    2,
  )}\n`;
}

/** GitHub's heading anchor for a README heading. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function oneLine(operation: OperationModel): string {
  return `- [${operation.resource}.${operation.methodName}](README.md#${anchor(signature(operation))}): \`${operation.method.toUpperCase()} ${operation.path}\`${operation.summary ? ` — ${operation.summary}` : ''}`;
}

export function emitLlmsTxt(model: ApiModel): string {
  const sections = model.resources.map((resource: ResourceModel) =>
    [
      `## ${resource.tag}`,
      '',
      ...(resource.description ? [firstParagraph(resource.description), ''] : []),
      ...resource.operations.map(oneLine),
      '',
    ].join('\n'),
  );
  return `${[
    `# ${model.title}`,
    '',
    `> ${firstParagraph(model.description) || `The ${model.title}.`}`,
    '',
    `\`${model.packageName}\` is a typed TypeScript client for this API, generated from its OpenAPI document; its MCP server is the \`${mcpPackageName(model)}\` package (command \`${mcpBinName(model)}\`). Credentials: ${model.apiKeyEnv ? `the \`${model.apiKeyEnv}\` environment variable` : 'the apiKey option'}. Base URL: ${model.baseUrl || 'set baseUrl'}.`,
    '',
    ...sections,
    '## Optional',
    '',
    '- [Full reference](llms-full.txt): every operation with its parameters and an example',
    '- [OpenAPI document](openapi.json): the machine-readable description',
    '- [Method index](api.md): every operation and the method that calls it',
    '',
  ].join('\n')}`;
}

function schemaType(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'any';
  const record = schema as Record<string, unknown>;
  if (Array.isArray(record['enum'])) return record['enum'].map((value) => JSON.stringify(value)).join(' | ');
  if (record['const'] !== undefined) return JSON.stringify(record['const']);
  const type = record['type'];
  if (Array.isArray(type)) return type.join(' | ');
  if (type === 'array') return `${schemaType(record['items'])}[]`;
  if (typeof type === 'string') return record['contentEncoding'] === 'base64' ? 'bytes' : type;
  if (Array.isArray(record['oneOf']) || Array.isArray(record['anyOf'])) return 'one of several shapes';
  return 'object';
}

/** An input's schema with the definition it refers to (`#/$defs/<name>`) merged under its own keywords. */
function withDefinition(
  schema: Record<string, unknown>,
  defs: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const ref = schema['$ref'];
  const definition =
    typeof ref === 'string' && ref.startsWith('#/$defs/') ? defs?.[ref.slice('#/$defs/'.length)] : undefined;
  if (!definition || typeof definition !== 'object') return schema;
  const { $ref: _ref, ...own } = schema;
  return { ...(definition as Record<string, unknown>), ...own };
}

export function emitLlmsFullTxt(model: ApiModel, tools: readonly McpTool[]): string {
  // The tool table lists the operations in model order.
  const blocks = model.operations.map((operation, index) => {
    const tool = tools[index];
    const properties = (tool?.inputSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const required = new Set(tool?.inputSchema.required ?? []);
    const rows = Object.entries(properties)
      .map(([name, input]) => [name, withDefinition(input, tool?.inputSchema.$defs)] as const)
      .map(
        ([name, schema]) =>
          `| \`${name}\` | ${schemaType(schema).replace(/\|/g, '\\|')} | ${required.has(name) ? 'yes' : 'no'} | ${String(
            schema['description'] ?? '',
          )
            .replace(/\s+/g, ' ')
            .replace(/\|/g, '\\|')} |`,
      );
    return [
      `## ${operation.resource}.${operation.methodName}`,
      '',
      `\`${operation.method.toUpperCase()} ${operation.path}\`${operation.summary ? ` — ${operation.summary}` : ''}. MCP tool: \`${tool?.name ?? operation.operationId}\`.`,
      '',
      ...(operation.description ? [operation.description.trim(), ''] : []),
      ...(rows.length > 0
        ? ['| parameter | type | required | description |', '|---|---|---|---|', ...rows, '']
        : ['No parameters.', '']),
      fenced(operationExample(model, operation)),
      '',
    ].join('\n');
  });
  return `# ${model.title}: full reference\n\n> ${firstParagraph(model.description) || `The ${model.title}.`}\n\n${blocks.join('\n')}`;
}
