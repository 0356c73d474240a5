/**
 * specsmith's intermediate representation: what the emit stage needs to know
 * about an API, with every naming decision already made. Type expressions are
 * TypeScript source text over openapi-typescript's `paths`, `components` and
 * `webhooks` types in src/schema.ts.
 */
import type { AuthScheme } from '../runtime/config.js';
import type { RateLimitHeaders } from '../runtime/retry.js';
import type { WebhookUrlRules } from '../runtime/webhook-url.js';
import type { RuntimeDescriptor } from './descriptor/index.js';
import type { OperationModel } from './operation-types.js';

export type {
  BodyModel,
  ChunkedUploadModel,
  LongRunningModel,
  OperationModel,
  PaginationModel,
  ParamModel,
  ResponseModel,
  SSEModel,
  WaitModel,
} from './operation-types.js';

export interface ResourceModel {
  tag: string;
  /** Property on the client (`serviceKeys`). */
  property: string;
  /** Class name (`ServiceKeys`). */
  className: string;
  /** Module file name without extension (`service-keys`). */
  fileName: string;
  description: string | undefined;
  operations: OperationModel[];
}

export interface RateLimitPolicy {
  name?: string | undefined;
  scope: string;
  limit: number;
  windowSeconds: number;
}

export interface WebhookEventModel {
  name: string;
  /** Exported name of this event's payload type (`ProjectCreatedWebhookEvent`). */
  typeName: string;
  summary: string | undefined;
  description: string | undefined;
  type: string;
}

export interface WebhooksModel {
  header: string;
  encoding: 'hex' | 'base64';
  prefix: string;
  eventField: string;
  secret: string | undefined;
  userAgent: string | undefined;
  retries: number | undefined;
  events: WebhookEventModel[];
  /** Exported name of the event union type. */
  eventTypeName: string;
}

export interface SchemaAlias {
  /** Key under components/schemas. */
  component: string;
  /** Exported type name. */
  name: string;
}

export interface ApiModel {
  /** Client class name. */
  name: string;
  packageName: string;
  packageVersion: string;
  title: string;
  apiVersion: string;
  description: string | undefined;
  /** Path of the spec, relative to the working directory, for headers and docs. */
  source: string;
  apiKeyEnv: string | undefined;
  baseUrlEnv: string | undefined;
  baseUrl: string;
  servers: Array<{ url: string; description: string | undefined }>;
  auth: Record<string, AuthScheme>;
  /** Scheme descriptions for the README. */
  authDescriptions: Record<string, string>;
  security: string[][];
  errors: {
    message: string | undefined;
    code: string | undefined;
    requestId: string | undefined;
    codes: string[];
    open: boolean;
  };
  requestId: { header?: string; pointer?: string } | undefined;
  rateLimit: RateLimitHeaders | undefined;
  rateLimitPolicies: RateLimitPolicy[];
  retry: { maxRetries?: number; statuses?: number[]; requireRetryAfter?: number[] } | undefined;
  webhookUrlRules: WebhookUrlRules | undefined;
  webhooks: WebhooksModel | undefined;
  resources: ResourceModel[];
  operations: OperationModel[];
  schemas: SchemaAlias[];
  /** What src/operations.ts declares. */
  descriptor: RuntimeDescriptor;
  /** Names the generator had to change (reserved or already taken), for `--verbose`. */
  renames: Rename[];
}

export interface Rename {
  /** What was named, e.g. `schema #/components/schemas/Promise`. */
  subject: string;
  wanted: string;
  name: string;
  /** `reserved`: a global, runtime or language name; `not-identifier`: not valid as it stands; `taken`: an earlier name of the spec. */
  reason: 'reserved' | 'not-identifier' | 'taken';
}
