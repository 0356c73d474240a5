/**
 * README.md and api.md of a generated package, written from the spec: install,
 * authentication, a quick start, one section per resource with a runnable
 * example per operation, then errors, retries and the traits the API has
 * (pagination, streams, waiters, webhooks, uploads). Every `ts` block is a
 * complete module, so it can be copied as it is (and is type-checked in tests).
 */
import type { ApiModel, OperationModel } from '../model/types.js';
import {
  argumentsCode,
  block,
  callCode,
  clientVariable,
  fenced,
  operationExample,
  returnType,
  signature,
  webhookExample,
} from './call-example.js';
import { mcpBinName, mcpPackageName } from './agent-files.js';
import { baseUrlRule } from './base-url-text.js';
import { coreClassName } from './core-file.js';
import { funcName } from './funcs-file.js';
import { OLDEST_TYPESCRIPT } from './package-files.js';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_BUDGET_MS,
  DEFAULT_RETRY_STATUSES,
  DEFAULT_TIMEOUT_MS,
} from '../runtime/defaults.js';

/** A duration as the README states it: `60 s`, `1.5 s`, `250 ms`. */
function durationText(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A byte count as the README states it: `50 MiB`, `512 KiB`, `100 bytes`. */
function bytesText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The first paragraph; one that leads into a list (ends with ':') ends with a full stop instead. */
function firstParagraph(text: string | undefined): string | undefined {
  return text
    ?.split(/\n\s*\n/)[0]
    ?.trim()
    .replace(/:$/, '.');
}

function authSection(model: ApiModel): string {
  const schemes = Object.entries(model.auth).map(([name, scheme]) => {
    const how =
      scheme.type === 'bearer'
        ? '`Authorization: Bearer <key>`'
        : scheme.type === 'basic'
          ? 'HTTP Basic'
          : scheme.type === 'query'
            ? `the \`${scheme.name}\` query parameter`
            : scheme.type === 'cookie'
              ? `the \`${scheme.name}\` cookie`
              : `the \`${scheme.name}\` header`;
    const description = firstParagraph(model.authDescriptions[name]);
    return `- \`${name}\`: sent as ${how}.${description ? ` ${description.replace(/\n/g, ' ')}` : ''}`;
  });
  return [
    '## Authentication',
    '',
    `The client reads the API key from \`options.apiKey\`${model.apiKeyEnv ? `, else from the \`${model.apiKeyEnv}\` environment variable` : ''}. Operations that need no credentials work without one; the others throw a clear error naming the variable. The key never appears in errors, logs, hooks or \`console.log(client)\`.`,
    '',
    ...schemes,
    '',
    `${baseUrlRule(model)}${model.servers.length > 1 ? ` Servers in the spec: ${model.servers.map((server) => `\`${server.url}\`${server.description ? ` (${firstParagraph(server.description)?.replace(/\n/g, ' ')})` : ''}`).join(', ')}.` : ''}`,
    '',
    block(
      model,
      '',
      [],
      `new ${model.name}({\n  apiKey: 'your-api-key',\n  timeout: 30_000, // per attempt, in milliseconds\n  maxRetries: 2,\n})`,
    ),
  ].join('\n');
}

function operationSection(model: ApiModel, operation: OperationModel): string {
  const lines = [
    `#### \`${signature(operation)}\``,
    '',
    `\`${operation.method.toUpperCase()} ${operation.path}\`${operation.summary ? ` — ${operation.summary}` : ''}`,
  ];
  if (operation.deprecated) lines.push('', '**Deprecated.**');
  if (operation.description) lines.push('', firstParagraph(operation.description) ?? '');
  lines.push('', fenced(operationExample(model, operation)));
  if (operation.wait)
    lines.push(
      '',
      `\`${operation.wait.methodName}()\` does the same and then waits for the outcome (see [Waiting for results](#waiting-for-results)).`,
    );
  if (operation.chunkedUpload)
    lines.push(
      '',
      `\`${operation.chunkedUpload.methodName}(${operation.pathParams.map((param) => param.argName).join(', ')}${operation.pathParams.length > 0 ? ', ' : ''}params, data)\` runs the whole chunked upload (see [Uploads](#uploads)).`,
    );
  return lines.join('\n');
}

/** `./funcs`: the standalone form of one operation (the quick start's, else the first), with the core client. */
function funcsSection(model: ApiModel, operation: OperationModel | undefined): string {
  if (!operation) return '';
  const client = clientVariable(model);
  const name = funcName(model, operation);
  const call = `${name}(${[client, ...argumentsCode(operation)].join(', ')})`;
  const use =
    operation.sse || operation.pagination
      ? [`for await (const item of ${call}) {`, '  console.log(item);', '}']
      : operation.responseType === 'void'
        ? [`await ${call};`]
        : [`const result = await ${call};`, 'console.log(result);'];
  const code = [
    `import { ${coreClassName(model)} } from '${model.packageName}';`,
    `import { ${name} } from '${model.packageName}/funcs';`,
    '',
    `const ${client} = new ${coreClassName(model)}();`,
    ...use,
  ].join('\n');
  return [
    '## Standalone functions',
    '',
    `\`${model.packageName}/funcs\` has one function per operation, named by its operationId, that takes the client first and returns what the method returns (\`${name}(${client}, ...)\` is \`${client}.${operation.resource}.${operation.methodName}(...)\`, with the same errors). With the core client \`${coreClassName(model)}\` (the same options as \`${model.name}\`, no operations), a bundler keeps only the functions you import and their operations. Helpers that chain calls (waiters, chunked uploads, \`waitFor\`) are methods of \`${model.name}\` only.`,
    '',
    fenced(code),
  ].join('\n');
}

function errorsSection(model: ApiModel): string {
  const example =
    model.operations.find(
      (operation) =>
        operation.method === 'get' && !operation.sse && !operation.pagination && operation.pathParams.length > 0,
    ) ?? model.operations.find((operation) => !operation.sse && !operation.pagination);
  const codes =
    model.errors.codes.length > 0
      ? `\`error.code\` is typed as the codes the API documents (${model.errors.codes.map((code) => `\`${code}\``).join(', ')}) and still accepts any other string the server sends.`
      : '`error.code` carries whatever code the server sends, when it sends one.';
  return [
    '## Errors',
    '',
    `Every error extends \`${model.name}Error\`. A response with an error status throws \`APIError\` (with \`status\`, \`code\`, \`message\`, \`requestId\`, \`body\`, \`headers\` and \`attempts\`) or its subclass for the status: \`BadRequestError\` (400), \`AuthenticationError\` (401), \`PermissionDeniedError\` (403), \`NotFoundError\` (404), \`ConflictError\` (409), \`UnprocessableEntityError\` (422), \`RateLimitError\` (429), \`InternalServerError\` (5xx). ${codes}`,
    '',
    'Network failures throw `APIConnectionError`, timeouts `APIConnectionTimeoutError`, an aborted signal `APIUserAbortError`; a success response that is not what the spec promises (for example truncated JSON) throws `InvalidResponseError` with the raw text.',
    '',
    example
      ? block(
          model,
          [
            `try {`,
            `  await ${callCode(model, example)};`,
            `} catch (error) {`,
            `  if (error instanceof NotFoundError) console.log('not found', error.requestId);`,
            `  else if (error instanceof APIError) console.log(error.status, error.code, error.message);`,
            `  else throw error;`,
            `}`,
          ].join('\n'),
          ['APIError', 'NotFoundError'],
        )
      : '',
  ].join('\n');
}

function retriesSection(model: ApiModel): string {
  const retry = model.retry;
  const statuses = retry?.statuses ?? DEFAULT_RETRY_STATUSES;
  return [
    '## Retries, timeouts and cancellation',
    '',
    `Failed attempts are retried ${retry?.maxRetries ?? DEFAULT_MAX_RETRIES} times by default (\`maxRetries\`) with exponential backoff and jitter: network errors and statuses ${statuses.join(', ')}${retry?.requireRetryAfter?.length ? ` (${retry.requireRetryAfter.join(', ')} only when the response carries \`Retry-After\`)` : ''}. The server's \`Retry-After\` (seconds or an HTTP date), \`retry-after-ms\`${model.rateLimit?.reset ? ` and \`${model.rateLimit.reset}\`` : ''} are honoured within a total budget (\`retryBudget\`, ${durationText(DEFAULT_RETRY_BUDGET_MS)}). Only idempotent methods are retried, unless the operation is marked idempotent or you pass an \`idempotencyKey\`, which is sent on every attempt. The attempt count is on every error (\`error.attempts\`).`,
    '',
    `Each attempt has a timeout (\`timeout\`, ${durationText(DEFAULT_TIMEOUT_MS)} by default); every call takes an \`AbortSignal\`, and per-call \`timeout\`, \`maxRetries\` and \`headers\`. A JSON, text or binary body larger than \`maxResponseBytes\` (${bytesText(DEFAULT_MAX_RESPONSE_BYTES)} by default) fails the call with \`InvalidResponseError\`; \`.asResponse()\` bodies are not capped.`,
    '',
    '`.withResponse()` gives the data with `status`, `headers`, `requestId`, `rateLimit` (limit, remaining, reset) and `attempts`; `.asResponse()` gives the raw `Response` with its body unread.',
  ].join('\n');
}

function traitSections(model: ApiModel): string[] {
  const sections: string[] = [];
  const paginated = model.operations.find((operation) => operation.pagination);
  if (paginated) {
    sections.push(
      [
        '## Pagination',
        '',
        'List operations return a page promise: `await` it for the first page (`page.items`, `page.total`, `page.hasNextPage()`, `page.getNextPage()`), iterate it with `for await` for every item of every page, or iterate `.pages()`.',
        '',
        block(
          model,
          [
            `for await (const item of ${callCode(model, paginated)}) {`,
            '  console.log(item);',
            '}',
            '',
            `const first = await ${callCode(model, paginated)};`,
            'console.log(first.items.length, first.hasNextPage());',
          ].join('\n'),
        ),
      ].join('\n'),
    );
  }
  const stream =
    model.operations.find((operation) => operation.sse?.result) ?? model.operations.find((operation) => operation.sse);
  if (stream?.sse) {
    const resumable = model.operations.filter((operation) => operation.sse?.resume);
    sections.push(
      [
        '## Streaming',
        '',
        `Server-sent-event operations return an \`EventStream\`: iterate it with \`for await\`; each event is narrowed by \`${stream.sse.typeField}\`, and event types the spec does not define arrive as \`{ type: 'unknown', event, data }\` instead of being dropped. \`break\`, \`stream.close()\` or the \`signal\` option closes the connection.`,
        resumable.length > 0
          ? `\nWhen the server ends a stream early (for example after its timeout), the client resumes it the way the API specifies${resumable.some((operation) => operation.sse?.dedupe) ? ', skipping events a resumed stream repeats' : ''}; pass \`{ resume: false }\` to turn that off.`
          : '',
        '',
        block(
          model,
          [`for await (const event of ${callCode(model, stream)}) {`, `  console.log(event);`, '}'].join('\n'),
        ),
        stream.sse.result
          ? `\n\`await stream.result()\` resolves with the stream's result (the \`${stream.sse.result.success.event}\` event) or rejects with \`OperationFailedError\`.`
          : '',
      ].join('\n'),
    );
  }
  const waiters = model.operations.filter((operation) => operation.wait);
  const longRunning = model.operations.find((operation) => operation.longRunning);
  if (waiters.length > 0 || longRunning) {
    const lines = ['## Waiting for results', ''];
    for (const operation of waiters) {
      lines.push(
        `\`${operation.resource}.${operation.wait?.methodName}()\` calls \`${operation.methodName}()\` and resolves with the outcome.`,
        '',
        block(
          model,
          `const result = await ${callCode(model, operation, operation.wait?.methodName)};\nconsole.log(result);`,
        ),
        '',
      );
    }
    if (longRunning?.longRunning) {
      lines.push(
        `Operations that answer ${longRunning.longRunning.status} return an operation object; \`${clientVariable(model)}.waitFor(operation, { timeout, signal })\` polls it until it finishes and resolves with the result, or throws \`OperationFailedError\` (failed) or \`WaitTimeoutError\` (deadline).`,
        '',
        block(
          model,
          [
            `const created = await ${callCode(model, longRunning)};`,
            `const done = await ${clientVariable(model)}.waitFor(created, { timeout: 60_000 });`,
            'console.log(done);',
          ].join('\n'),
        ),
      );
    }
    sections.push(lines.join('\n'));
  }
  const asyncWebhook = model.operations.find((operation) => operation.webhookUrlField);
  if (model.webhooks) {
    const webhooks = model.webhooks;
    sections.push(
      [
        '## Webhooks',
        '',
        `Deliveries are signed with HMAC-SHA256 in the \`${webhooks.header}\` header (${webhooks.encoding}${webhooks.prefix ? `, after \`${webhooks.prefix}\`` : ''})${webhooks.secret ? `; the secret is ${webhooks.secret}` : ''}. \`verifyWebhook(rawBody, signature, secret)\` checks the signature in constant time and returns the typed event (${webhooks.events.map((event) => `\`${event.name}\``).join(', ')}); a missing, malformed or wrong signature throws \`WebhookVerificationError\`.${webhooks.userAgent ? ` Deliveries come from the \`${webhooks.userAgent}\` user agent.` : ''}${webhooks.retries !== undefined ? ` A non-2xx answer is retried up to ${webhooks.retries} times.` : ''}`,
        asyncWebhook
          ? `\nOperations that take a webhook URL (\`${asyncWebhook.webhookUrlField}\`) check it against the API's URL rules before sending.`
          : '',
        '',
        fenced(webhookExample(model, webhooks)),
      ].join('\n'),
    );
  }
  const upload = model.operations.find((operation) => operation.upload);
  const chunked = model.operations.find((operation) => operation.chunkedUpload);
  const download = model.operations.find((operation) =>
    operation.responses.some((response) => response.kind === 'binary'),
  );
  if (upload || chunked || download) {
    const lines = ['## Uploads', ''];
    if (upload?.upload)
      lines.push(
        `\`${upload.resource}.${upload.methodName}()\` sends multipart form data; pass the file as a \`Blob\`.${upload.upload.hash ? ` The \`${upload.upload.hash.field}\` digest (SHA-256, ${upload.upload.hash.encoding}) is computed for you when you leave it out.` : ''}`,
        '',
      );
    if (chunked?.chunkedUpload)
      lines.push(
        `\`${chunked.resource}.${chunked.chunkedUpload.methodName}()\` uploads large data in parts and completes the upload (aborting it on failure).`,
        '',
        block(
          model,
          `const result = await ${clientVariable(model)}.${chunked.resource}.${chunked.chunkedUpload.methodName}(${[...argumentsCode(chunked), "new Blob(['large data'])"].join(', ')}, {\n  onProgress: (sent, total) => console.log(sent, total),\n});\nconsole.log(result);`,
        ),
        '',
      );
    if (download)
      lines.push(
        `Downloads (\`${download.resource}.${download.methodName}()\`) resolve to a \`Blob\`; call \`.asResponse()\` instead to stream the body.`,
        '',
      );
    sections.push(lines.join('\n').trimEnd());
  }
  return sections;
}

function mcpSection(model: ApiModel): string {
  const mcp = mcpPackageName(model);
  return [
    '## For agents: MCP server, llms.txt, API catalog',
    '',
    `The MCP server for this API is a separate package, [\`${mcp}\`](https://www.npmjs.com/package/${mcp}) (command \`${mcpBinName(model)}\`, stdio): one tool per operation, each calling this client, so credentials, retries and typed errors are the same. Installing this client does not install it or the MCP SDK. Run it with \`npx -y ${mcp}\`; its README lists the tools and how to pick some with \`--tools\`.`,
    '',
    'This package ships `llms.txt` and `llms-full.txt`, an RFC 9727 API catalog (`api-catalog.json`) and the OpenAPI document (`openapi.json`).',
  ].join('\n');
}

export function emitReadme(model: ApiModel): string {
  const quick =
    model.operations.find(
      (operation) =>
        operation.method === 'get' && !operation.sse && operation.pathParams.length === 0 && !operation.paramsRequired,
    ) ?? model.operations[0];
  const parts = [
    `# ${model.packageName}`,
    '',
    `Typed TypeScript client for the ${model.title}${model.apiVersion ? ` (API version ${model.apiVersion})` : ''}, generated by specsmith from \`${model.source}\`. Do not edit it by hand: regenerate it from the spec.`,
    '',
    firstParagraph(model.description) ?? '',
    '',
    `It uses only \`fetch\` and Web Crypto, so it runs on Node 18+, browsers, Deno, Bun and edge runtimes. It ships ESM and CommonJS (\`import\` or \`require()\`), and its types need TypeScript ${OLDEST_TYPESCRIPT} or later.`,
    '',
    '## Install',
    '',
    '```sh',
    `npm install ${model.packageName}`,
    '```',
    '',
    authSection(model),
    '',
    '## Quick start',
    '',
    quick ? fenced(operationExample(model, quick)) : '',
    '',
    '## Resources',
    '',
    'Every method is listed in [api.md](./api.md).',
    '',
    ...model.resources.flatMap((resource) => [
      `### ${resource.property}`,
      '',
      firstParagraph(resource.description) ?? '',
      '',
      ...resource.operations.flatMap((operation) => [operationSection(model, operation), '']),
    ]),
    funcsSection(model, quick ?? model.operations[0]),
    '',
    errorsSection(model),
    '',
    retriesSection(model),
    '',
    ...traitSections(model).flatMap((section) => [section, '']),
    mcpSection(model),
    '',
    '## Raw client',
    '',
    `\`${clientVariable(model)}.raw\` is the [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client underneath, typed from the spec and configured with the same base URL, credentials and headers. It is made on first use, so an app that never reads it does not bundle it.`,
    '',
  ];
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

export function emitApiIndex(model: ApiModel): string {
  const lines = [
    `# ${model.name} API: method index`,
    '',
    `Every operation of \`${model.source}\`, the method that calls it and what it returns. Every type named here is exported by the package (\`import type { ... } from '${model.packageName}'\`).`,
    '',
  ];
  for (const resource of model.resources) {
    lines.push(`## ${resource.property}`, '');
    const types = [
      ...new Set(
        resource.operations
          .flatMap((operation) => [
            operation.paramsType?.name,
            operation.responseTypeName,
            operation.sse?.resultTypeName,
          ])
          .filter((name): name is string => name !== undefined && name !== 'void'),
      ),
    ];
    if (types.length > 0) lines.push(`Types: ${types.map((name) => `\`${name}\``).join(', ')}`, '');
    lines.push('| Method | HTTP | Summary |', '|---|---|---|');
    for (const operation of resource.operations) {
      lines.push(
        `| \`${clientVariable(model)}.${signature(operation)} -> ${returnType(operation)}\` | \`${operation.method.toUpperCase()} ${operation.path}\` | ${(operation.summary ?? '').replace(/\|/g, '\\|')} |`,
      );
      if (operation.wait)
        lines.push(
          `| \`${clientVariable(model)}.${signature(operation, operation.wait.methodName)} -> Promise<${model.operations.find((candidate) => candidate.operationId === operation.wait?.via)?.sse?.resultTypeName ?? 'unknown'}>\` | \`${operation.method.toUpperCase()} ${operation.path}\` + stream | Waits for the outcome |`,
        );
      if (operation.chunkedUpload)
        lines.push(
          `| \`${clientVariable(model)}.${operation.resource}.${operation.chunkedUpload.methodName}(params, data, options?) -> Promise<${model.operations.find((candidate) => candidate.operationId === operation.chunkedUpload?.complete)?.responseTypeName ?? 'unknown'}>\` | chunked upload | Uploads in parts |`,
        );
    }
    lines.push('');
  }
  if (model.operations.some((operation) => operation.longRunning))
    lines.push(
      '## client',
      '',
      '| Method | Summary |',
      '|---|---|',
      `| \`${clientVariable(model)}.waitFor(operation, options?)\` | Polls a long-running operation until it finishes |`,
      '',
    );
  if (model.schemas.length > 0)
    lines.push(
      '## Schemas',
      '',
      'The component schemas of the spec, each an exported type:',
      '',
      ...model.schemas.map(
        (schema) =>
          `- \`${schema.name}\`${schema.name === schema.component ? '' : ` (\`${schema.component.replace(/`/g, "'")}\` in the spec)`}`,
      ),
      '',
    );
  return `${lines.join('\n').trimEnd()}\n`;
}
