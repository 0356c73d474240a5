/**
 * Contract-test support: the generated clients pointed at the Prism mock of
 * their own spec, response validation against the spec's schemas (ajv,
 * JSON Schema 2020-12, as OpenAPI 3.1 uses), and a ledger of which operations
 * reached the server and which client methods were called, for the coverage
 * checks.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect, inject } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { listOperations } from '../../generator/extensions/check.js';
import { getAtPointer } from '../../generator/load/json-pointer.js';
import { specPath, type Provider } from './providers.js';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** A fixed key per provider, shaped like the provider's real keys; Prism accepts any. */
export const TEST_KEYS: Record<Provider, string> = {
  hotmetal: 'hm_test_0123456789abcdef0123456789abcdef',
  hot: 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4',
  agentmetal: 'ak_live_abc123def456ghi789',
  heycmo: 'hcmo_live_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
};

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
}

export interface ContractSpec {
  document: Json;
  operations: SpecOperation[];
  /** Validates a value against the schema at a pointer in the document; returns ajv's error text or undefined. */
  validate(pointer: string, value: unknown): string | undefined;
  /** The success response schema of an operation at `status`, narrowed to the envelope's data when `unwrap` is given. */
  responsePointer(operationId: string, status: number, mediaType?: string, unwrap?: string): string;
}

const specs = new Map<Provider, Promise<ContractSpec>>();

export function contractSpec(provider: Provider): Promise<ContractSpec> {
  let spec = specs.get(provider);
  if (!spec) {
    spec = (async () => {
      const { document } = await loadSpec(specPath(provider));
      const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true, validateFormats: true }));
      ajv.addSchema(document, 'spec');
      const compiled = new Map<string, ValidateFunction>();
      const operations = listOperations(document).map(({ pointer, operation }) => {
        const [, , escapedPath = '', method = ''] = pointer.split('/');
        return { operationId: String(operation['operationId']), method, path: escapedPath.replace(/~1/g, '/').replace(/~0/g, '~'), operation };
      });
      return {
        document,
        operations,
        validate(pointer: string, value: unknown): string | undefined {
          let validate = compiled.get(pointer);
          if (!validate) {
            validate = ajv.compile({ $ref: `spec#${pointer}` });
            compiled.set(pointer, validate);
          }
          return validate(value) ? undefined : ajv.errorsText(validate.errors, { dataVar: 'response' });
        },
        responsePointer(operationId: string, status: number, mediaType = 'application/json', unwrap?: string): string {
          const entry = operations.find((candidate) => candidate.operationId === operationId);
          if (!entry) throw new Error(`no operation ${operationId}`);
          const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
          let pointer = `/paths/${escape(entry.path)}/${entry.method}/responses/${status}`;
          let response = getAtPointer(document, pointer) as Json;
          while (typeof response['$ref'] === 'string') {
            pointer = response['$ref'].slice(1);
            response = getAtPointer(document, pointer) as Json;
          }
          pointer += `/content/${escape(mediaType)}/schema`;
          if (!unwrap) return pointer;
          // The envelope's data: follow $ref and allOf to the schema of each property on the way.
          for (const segment of unwrap.split('/').slice(1)) pointer = propertyPointer(document, pointer, segment);
          return pointer;
        },
      };
    })();
    specs.set(provider, spec);
  }
  return spec;
}

function propertyPointer(document: Json, pointer: string, property: string): string {
  let schema = getAtPointer(document, pointer) as Json;
  let at = pointer;
  while (typeof schema['$ref'] === 'string') {
    at = schema['$ref'].slice(1);
    schema = getAtPointer(document, at) as Json;
  }
  if ((schema['properties'] as Json | undefined)?.[property] !== undefined) return `${at}/properties/${property}`;
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) {
    for (let index = 0; index < allOf.length; index++) {
      try {
        return propertyPointer(document, `${at}/allOf/${index}`, property);
      } catch {
        // not in this part
      }
    }
  }
  throw new Error(`no property ${property} under ${pointer}`);
}

/** Records what a contract suite exercised: operationIds sent to the server and client methods called. */
export class Ledger {
  readonly sent = new Set<string>();
  readonly called = new Set<string>();

  /** Client options whose hooks record each operation that reaches the server. */
  hooks(): { onRequest(event: { operationId: string }): void } {
    return { onRequest: (event) => void this.sent.add(event.operationId) };
  }

  /** Wraps a client so every resource method call is recorded as `resource.method`. */
  track<T extends object>(client: T): T {
    return new Proxy(client, {
      get: (target, property) => {
        // Read with the client itself as `this`: its getters use private fields a proxy does not have.
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof property !== 'string' || value === null || typeof value !== 'object' || property === 'raw') return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        return new Proxy(value, {
          get: (resource, name, resourceReceiver) => {
            const member = Reflect.get(resource, name, resourceReceiver) as unknown;
            if (typeof name !== 'string' || typeof member !== 'function') return member;
            return (...args: unknown[]) => {
              this.called.add(`${property}.${name}`);
              return (member as (...args: unknown[]) => unknown).apply(resource, args);
            };
          },
        });
      },
    });
  }
}

/** Every method on the client's resource objects, as `resource.method`. */
export function clientMethods(client: object): string[] {
  const methods: string[] = [];
  for (const [property, resource] of Object.entries(client)) {
    if (resource === null || typeof resource !== 'object') continue;
    const prototype = Object.getPrototypeOf(resource) as object;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name !== 'constructor' && typeof (prototype as Record<string, unknown>)[name] === 'function') methods.push(`${property}.${name}`);
    }
  }
  return methods.sort();
}

export function prismUrl(provider: Provider): string {
  return inject('prism')[provider];
}

/** Asserts Prism saw no request violations and the value matches the spec's schema. */
export function expectValid(spec: ContractSpec, pointer: string, value: unknown, headers?: Headers): void {
  if (headers) expect(headers.get('sl-violations')).toBeNull();
  expect(spec.validate(pointer, value)).toBeUndefined();
}

/** Options that make Prism answer with the documented example for `status`. */
export function prefer(status: number, example?: string): { headers: Record<string, string> } {
  return { headers: { Prefer: example ? `code=${status}, example=${example}` : `code=${status}` } };
}

/** Awaits a call that must fail and returns the error for assertions. */
export async function failure(call: PromiseLike<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
