/**
 * Contract-test support: the generated clients pointed at the Prism mock of
 * their own spec, response validation against the spec's schemas (ajv,
 * JSON Schema 2020-12, as OpenAPI 3.1 uses), readers of the spec's responses
 * and examples (`$ref`s followed, pointers kept), and a ledger of which
 * operations reached the server and which client methods were called, for the
 * coverage checks.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect, inject } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { listOperations } from '../../generator/extensions/check.js';
import { appendPointer, getAtPointer, parsePointer } from '../../generator/load/json-pointer.js';
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
  /** The response schema of an operation at a status key (`200`, `4XX`), narrowed to the envelope's data when `unwrap` is given. */
  responsePointer(operationId: string, status: string | number, mediaType?: string, unwrap?: string): string;
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
        const [, path = '', method = ''] = parsePointer(pointer);
        return { operationId: String(operation['operationId']), method, path, operation };
      });
      const contract: ContractSpec = {
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
        responsePointer(
          operationId: string,
          status: string | number,
          mediaType = 'application/json',
          unwrap?: string,
        ): string {
          let pointer = appendPointer(
            responseAt(contract, operationId, status).pointer,
            'content',
            mediaType,
            'schema',
          );
          if (!unwrap) return pointer;
          // The envelope's data: follow $ref and allOf to the schema of each property on the way.
          for (const segment of parsePointer(unwrap)) pointer = propertyPointer(contract, pointer, segment);
          return pointer;
        },
      };
      return contract;
    })();
    specs.set(provider, spec);
  }
  return spec;
}

function propertyPointer(spec: ContractSpec, pointer: string, property: string): string {
  const { pointer: at, node: schema } = resolve(spec, pointer);
  if ((schema['properties'] as Json | undefined)?.[property] !== undefined)
    return appendPointer(at, 'properties', property);
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) {
    for (let index = 0; index < allOf.length; index++) {
      try {
        return propertyPointer(spec, appendPointer(at, 'allOf', index), property);
      } catch {
        // not in this part
      }
    }
  }
  throw new Error(`no property ${property} under ${pointer}`);
}

/** Follows local `$ref`s (a bounded number of hops) from the node at `pointer`; returns the final pointer and node. */
export function resolve(spec: Pick<ContractSpec, 'document'>, pointer: string): { pointer: string; node: Json } {
  let at = pointer;
  let node = getAtPointer(spec.document, at) as Json | undefined;
  for (let depth = 0; depth < 20 && node && typeof node['$ref'] === 'string'; depth++) {
    at = node['$ref'].replace(/^#/, '');
    node = getAtPointer(spec.document, at) as Json | undefined;
  }
  if (!node) throw new Error(`nothing at ${pointer}`);
  return { pointer: at, node };
}

/** Pointer to an operation (`/paths/<path>/<method>`) found by its operationId. */
export function operationPointer(spec: ContractSpec, operationId: string): string {
  const entry = spec.operations.find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId} in the spec`);
  return appendPointer('/paths', entry.path, entry.method);
}

/** The response object of an operation for a status key (`404`, `4XX`), `$ref`s followed. */
export function responseAt(
  spec: ContractSpec,
  operationId: string,
  statusKey: string | number,
): { pointer: string; node: Json } {
  return resolve(spec, appendPointer(operationPointer(spec, operationId), 'responses', statusKey));
}

/**
 * Every example of the media type object at `mediaPointer`, `$ref`s resolved: `[name, value]`, the name
 * undefined for a single unnamed `example` (the one Prism serves without `Prefer: example=`).
 */
export function examplesAt(
  spec: Pick<ContractSpec, 'document'>,
  mediaPointer: string,
): Array<[string | undefined, unknown]> {
  const media = resolve(spec, mediaPointer);
  if (media.node['example'] !== undefined) return [[undefined, media.node['example']]];
  const named = (media.node['examples'] ?? {}) as Json;
  return Object.keys(named).map((name) => [
    name,
    resolve(spec, appendPointer(media.pointer, 'examples', name)).node['value'],
  ]);
}

/** Every example of a response's media type (see examplesAt). */
export function examplesOf(
  spec: ContractSpec,
  operationId: string,
  statusKey: string | number,
  mediaType = 'application/json',
): Array<[string | undefined, unknown]> {
  const response = responseAt(spec, operationId, statusKey);
  if ((response.node['content'] as Json | undefined)?.[mediaType] === undefined)
    throw new Error(`${operationId} ${statusKey} has no ${mediaType} content`);
  return examplesAt(spec, appendPointer(response.pointer, 'content', mediaType));
}

/** The example of a response named `name`, or its first (the one Prism serves unless `Prefer: example=<name>` says otherwise). */
export function exampleOf(
  spec: ContractSpec,
  operationId: string,
  statusKey: string | number,
  mediaType = 'application/json',
  name?: string,
): unknown {
  const examples = examplesOf(spec, operationId, statusKey, mediaType);
  const found = name === undefined ? examples[0] : examples.find(([candidate]) => candidate === name);
  if (!found) throw new Error(`${operationId} ${statusKey} has no example${name === undefined ? '' : ` ${name}`}`);
  return found[1];
}

/** Records what a contract suite exercised: operationIds sent to the server and client methods called. */
export class Ledger {
  readonly sent = new Set<string>();
  readonly called = new Set<string>();

  /** Client options whose hooks record each operation that reaches the server. */
  hooks(): { onRequest(event: { operationId: string }): void } {
    return { onRequest: (event) => void this.sent.add(event.operationId) };
  }

  /** Coverage: every operation of the spec reached the server, and every generated method of `client` was called. */
  expectCoverage(spec: ContractSpec, client: object): void {
    expect([...this.sent].sort()).toEqual(spec.operations.map((operation) => operation.operationId).sort());
    expect(clientMethods(client).filter((method) => !this.called.has(method))).toEqual([]);
  }

  /** Wraps a client so every resource method call is recorded as `resource.method`. */
  track<T extends object>(client: T): T {
    return new Proxy(client, {
      get: (target, property) => {
        // Read with the client itself as `this`: its getters use private fields a proxy does not have.
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof property !== 'string' || value === null || typeof value !== 'object' || property === 'raw')
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
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
      if (name !== 'constructor' && typeof (prototype as Record<string, unknown>)[name] === 'function')
        methods.push(`${property}.${name}`);
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
