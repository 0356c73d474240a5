/**
 * src/schema.ts: the API's types from openapi-typescript, run through its API
 * (no subprocess). Binary payloads become `Blob`, which is what fetch gives
 * and takes, instead of `string`; open string enums keep their literals
 * (open-enums.ts).
 */
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { isBinary } from '../model/json-schema.js';
import { openStringEnums } from './open-enums.js';
import { generatedHeader } from './print.js';
import { repairSchemaTypes } from './schema-repairs.js';

/**
 * openapi-typescript edits the document it is given (it rewrites discriminator
 * properties), so it gets a copy: the caller's document goes on into
 * openapi.json, the MCP tools and the docs unchanged.
 */
export function emitSchema(document: Record<string, unknown>, source: string): Promise<string> {
  return emitSchemaFromOwnedDocument(structuredClone(document), source);
}

/** emitSchema for a document nobody else holds (the worker's own parse), which may be edited in place. */
export async function emitSchemaFromOwnedDocument(document: Record<string, unknown>, source: string): Promise<string> {
  const ast = await openapiTS(document as never, {
    transform(schemaObject) {
      if (isBinary(schemaObject as Record<string, unknown>)) return ts.factory.createTypeReferenceNode('Blob');
      return undefined;
    },
    // A property with a default may be left out by the caller; only `required` makes it required.
    defaultNonNullable: false,
    silent: true,
  });
  return `${generatedHeader(source)}\n${astToString(repairSchemaTypes(openStringEnums(ast)))}`;
}
