/**
 * A runnable call of an operation built from the spec's own examples: the one
 * source of examples for JSDoc `@example` blocks, the package README, llms-full.txt
 * and the TypeScript samples of the API reference (generator/docs/). Binary
 * fields become Blobs.
 */
import { camelCase, identifier } from '../model/naming.js';
import type { ApiModel, OperationModel, WebhooksModel } from '../model/types.js';
import { expression, literal, objectCode } from './print.js';

/** The variable examples hold the client in (`hot` for `Hot`); `client` when that would be the class's own name. */
export function clientVariable(model: ApiModel): string {
  const variable = identifier(camelCase(model.name), 'client');
  return variable === model.name ? 'client' : variable;
}

/** The value an example shows for a parameter: the spec's example, else a named placeholder. */
export function placeholder(param: { name: string; example: unknown }): unknown {
  return param.example ?? `${param.name}-example`;
}

function binaryValue(): string {
  return "new Blob(['example bytes'])";
}

/** The params object of a call, as source code, or undefined when the call takes none. */
function paramsCode(operation: OperationModel): string | undefined {
  // No prototype: a parameter called `__proto__` is then an ordinary key.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  // A body field named like a parameter is left out: the parameter already has that key.
  const add = (key: string, code: string): void => {
    if (!Object.hasOwn(fields, key)) fields[key] = code;
  };
  for (const param of [...operation.queryParams, ...operation.headerParams]) {
    if (param.example !== undefined || param.required) add(param.name, expression(placeholder(param)));
  }
  const body = operation.body;
  if (body) {
    const key = body.param ?? 'body';
    if (body.kind === 'binary') add(key, binaryValue());
    else if (body.kind === 'text')
      add(key, expression(typeof body.example === 'string' ? body.example : 'example text'));
    else if (body.flat && body.example && typeof body.example === 'object' && !Array.isArray(body.example)) {
      for (const [key, value] of Object.entries(body.example as Record<string, unknown>)) {
        if (operation.upload?.hash?.field === key) continue;
        add(key, operation.upload?.file === key ? binaryValue() : expression(value));
      }
      // An example cannot hold the file's bytes; the call still needs them.
      if (operation.upload) add(operation.upload.file, binaryValue());
    } else if (!body.flat) add(key, expression(body.example ?? {}));
  }
  return Object.keys(fields).length === 0 ? undefined : objectCode(fields);
}

/** The arguments of a call from the spec's examples: path parameters, then the params object. */
export function argumentsCode(operation: OperationModel): string[] {
  const args = operation.pathParams.map((param) => expression(placeholder(param)));
  const params = paramsCode(operation);
  if (params) args.push(params);
  else if (operation.paramsRequired) args.push('{}');
  return args;
}

/** Source code of one call, e.g. `hot.projects.get('my-project')`. */
export function callCode(model: ApiModel, operation: OperationModel, methodName = operation.methodName): string {
  return `${clientVariable(model)}.${operation.resource}.${methodName}(${argumentsCode(operation).join(', ')})`;
}

/** A short, complete usage snippet for the operation. */
export function exampleSnippet(model: ApiModel, operation: OperationModel): string {
  const call = callCode(model, operation);
  if (operation.sse)
    return `for await (const event of ${call}) {\n  console.log(${operation.sse.typeField === 'type' ? 'event.type' : 'event'});\n}`;
  if (operation.pagination) return `for await (const item of ${call}) {\n  console.log(item);\n}`;
  if (operation.responseType === 'void') return `await ${call};`;
  return `const result = await ${call};\nconsole.log(result);`;
}

/** How a method is called, as the README heads its section: `projects.get(projectIdOrSlug, options?)`. llms.txt links to those headings. */
export function signature(operation: OperationModel, methodName = operation.methodName): string {
  const args = [
    ...operation.pathParams.map((param) => param.argName),
    ...(operation.paramsType ? [operation.paramsRequired ? 'params' : 'params?'] : []),
    'options?',
  ];
  return `${operation.resource}.${methodName}(${args.join(', ')})`;
}

/** What a method returns, as its declaration says (`PagePromise<Run>`, `APIPromise<RunStatsResponse>`, `EventStream<RunSubscriptionEvent, RunSubscribeResult>`). */
export function returnType(operation: OperationModel): string {
  const yields = operation.responseTypeName;
  if (operation.sse)
    return `EventStream<${yields}${operation.sse.resultTypeName ? `, ${operation.sse.resultTypeName}` : ''}>`;
  if (operation.pagination) return `PagePromise<${yields}>`;
  return `APIPromise<${yields}>`;
}

/** A complete module: the import, the client, then `body`. */
export function moduleCode(
  model: ApiModel,
  body: string,
  extraImports: string[] = [],
  construction = `new ${model.name}()`,
): string {
  const names = [model.name, ...extraImports].join(', ');
  return [
    `import { ${names} } from ${literal(model.packageName)};`,
    '',
    `const ${clientVariable(model)} = ${construction};`,
    ...(body ? [body] : []),
  ].join('\n');
}

/** Fences module code as a Markdown `ts` block. */
export function fenced(code: string): string {
  return ['```ts', code, '```'].join('\n');
}

/** A complete `ts` code block: the import, the client, then `body`. */
export function block(
  model: ApiModel,
  body: string,
  extraImports: string[] = [],
  construction = `new ${model.name}()`,
): string {
  return fenced(moduleCode(model, body, extraImports, construction));
}

/** The example of one operation as a complete module: what the README, llms-full.txt and the API reference show. */
export function operationExample(model: ApiModel, operation: OperationModel): string {
  return moduleCode(model, exampleSnippet(model, operation));
}

/**
 * Receiving a webhook delivery as a complete module: verify the raw body's
 * signature, then use the typed event. The README's webhook example and the
 * reference's sample for every webhook.
 */
export function webhookExample(model: ApiModel, webhooks: WebhooksModel): string {
  return [
    `import { verifyWebhook } from ${literal(model.packageName)};`,
    '',
    'export async function handle(request: Request): Promise<Response> {',
    '  const rawBody = await request.text();',
    `  const event = await verifyWebhook(rawBody, request.headers.get(${literal(webhooks.header)}), 'your-webhook-secret');`,
    `  console.log(event.${webhooks.eventField === 'event' ? 'event' : webhooks.eventField});`,
    '  return new Response(null, { status: 204 });',
    '}',
  ].join('\n');
}
