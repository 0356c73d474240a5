/**
 * Stage 3, model: the bundled, validated OpenAPI document as three parts,
 * each a pure function of the document and the parts before it:
 *
 * 1. the public surface (surface/): client, resource and method names, arguments;
 * 2. the type layer (types/): every exported type name and its expression;
 * 3. the runtime descriptor (descriptor/): exactly what operations.ts declares.
 *
 * The ApiModel the emit stage reads joins them; nothing is filled in later.
 */
import { parsePointer } from '../load/json-pointer.js';
import { buildDescriptor } from './descriptor/index.js';
import { securitySchemesOf } from './descriptor/config.js';
import { camelCase } from './naming.js';
import { operationModel } from './operation-model.js';
import { listOperations, readSpec, text, type Spec } from './read/document.js';
import { serversOf } from './read/servers.js';
import { webhooksOf } from './read/webhooks.js';
import { literalValues, schemaAtPointer, type Json } from './schema-utils.js';
import { buildSurface } from './surface/index.js';
import { buildTypes, type TypeLayer } from './type-layer/index.js';
import type { ApiModel, OperationModel, ResourceModel, WebhooksModel } from './types.js';

export { CLIENT_MEMBERS } from './surface/client-name.js';
export { responseKindOf } from './read/media.js';

export interface ModelOptions {
  /** Spec path shown in generated headers and docs. */
  source: string;
  /** npm package name; defaults to `@specsmith/<spec folder>`. */
  packageName?: string | undefined;
  packageVersion?: string | undefined;
}

/** The error codes the API documents: the literal values at `x-specsmith-errors.code` in its error schema. */
function errorCodes(spec: Spec): string[] {
  const errors = spec.api['x-specsmith-errors'];
  const schemaName = text(errors?.schema);
  const codePointer = text(errors?.code);
  const schema = schemaName ? spec.api.components?.schemas?.[schemaName] : undefined;
  const codeSchema = schema && codePointer ? schemaAtPointer(spec.json, schema, parsePointer(codePointer)) : undefined;
  return codeSchema ? literalValues(spec.json, codeSchema) : [];
}

function webhooksModel(
  spec: Spec,
  types: TypeLayer['webhooks'],
  sources: ReturnType<typeof webhooksOf>,
): WebhooksModel | undefined {
  const extension = spec.api['x-specsmith-webhooks'];
  if (!extension || !types || !sources) return undefined;
  const typeOf = new Map(types.events.map((event) => [event.name, event]));
  return {
    header: extension.signature.header,
    encoding: extension.signature.encoding === 'base64' ? 'base64' : 'hex',
    prefix: typeof extension.signature.prefix === 'string' ? extension.signature.prefix : '',
    eventField: text(extension.eventField) ?? 'event',
    secret: text(extension.secret),
    userAgent: text(extension.userAgent),
    retries: typeof extension.retries === 'number' ? extension.retries : undefined,
    events: sources.map((event) => ({
      name: event.name,
      typeName: typeOf.get(event.name)?.typeName ?? '',
      summary: event.summary,
      description: event.description,
      type: typeOf.get(event.name)?.type ?? 'unknown',
    })),
    eventTypeName: types.eventTypeName,
  };
}

export function buildModel(document: Json, options: ModelOptions): ApiModel {
  const spec = readSpec(document);
  const sources = listOperations(spec);
  const surface = buildSurface(spec, sources);
  const webhookSources = webhooksOf(spec);
  const types = buildTypes(spec, sources, surface, webhookSources);
  const descriptor = buildDescriptor(spec, sources, surface);
  const operationIds = new Set(sources.map((operation) => operation.operationId));
  const described = new Map(descriptor.operations.map((operation) => [operation.pointer, operation]));
  const operations = sources.flatMap((operation): OperationModel[] => {
    const own = surface.operations.get(operation.pointer);
    const typed = types.operations.get(operation.pointer);
    const ownDescriptor = described.get(operation.pointer);
    return own && typed && ownDescriptor
      ? [operationModel(spec, { operation, surface: own, types: typed, described: ownDescriptor, operationIds })]
      : [];
  });
  const resources = surface.resources.map(
    (resource): ResourceModel => ({
      tag: resource.tag,
      property: resource.property,
      className: types.resourceClasses.get(resource.tag) ?? '',
      fileName: resource.fileName,
      description: resource.description,
      operations: operations.filter((operation) => operation.resource === resource.property),
    }),
  );
  const config = descriptor.config;
  const errors = spec.api['x-specsmith-errors'];
  const folder = options.source.split(/[\\/]/).slice(-2, -1)[0] ?? camelCase(surface.name);
  return {
    name: surface.name,
    packageName: options.packageName ?? `@specsmith/${folder}`,
    packageVersion: options.packageVersion ?? '0.1.0',
    title: text(spec.api.info?.title) ?? surface.name,
    apiVersion: text(spec.api.info?.version) ?? '',
    description: text(spec.api.info?.description),
    source: options.source,
    apiKeyEnv: config.apiKeyEnv,
    baseUrlEnv: config.baseUrlEnv,
    baseUrl: config.baseUrl,
    servers: serversOf(spec),
    auth: { ...config.auth },
    authDescriptions: Object.fromEntries(
      securitySchemesOf(spec).map(([name, scheme]) => [name, text(scheme.description) ?? '']),
    ),
    security: config.security.map((requirement) => [...requirement]),
    errors: {
      message: text(errors?.message),
      code: text(errors?.code),
      requestId: text(errors?.requestId),
      codes: errorCodes(spec),
      open: true,
    },
    requestId: config.requestId,
    rateLimit: config.rateLimit,
    rateLimitPolicies: spec.api['x-specsmith-rate-limit']?.policies ?? [],
    retry: spec.api['x-specsmith-retry'],
    webhookUrlRules: config.webhookUrlRules,
    webhooks: webhooksModel(spec, types.webhooks, webhookSources),
    resources,
    operations,
    schemas: types.schemas,
    descriptor,
    renames: [...surface.renames, ...types.renames],
  };
}
