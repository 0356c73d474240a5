/**
 * src/schema.ts: the API's types from openapi-typescript, run through its API
 * (no subprocess). Binary payloads become `Blob`, which is what fetch gives
 * and takes, instead of `string`.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { generatedHeader } from './print.js';
import { repairSchemaTypes } from './schema-repairs.js';

function isBinary(schema: Record<string, unknown>): boolean {
  if (schema['format'] === 'binary') return true;
  const media = schema['contentMediaType'];
  return schema['type'] === 'string' && typeof media === 'string' && !/^text\/|json|xml/.test(media);
}

export async function emitSchema(document: Record<string, unknown>, source: string): Promise<string> {
  const ast = await openapiTS(document as never, {
    transform(schemaObject) {
      if (isBinary(schemaObject as Record<string, unknown>)) return ts.factory.createTypeReferenceNode('Blob');
      return undefined;
    },
    // A property with a default may be left out by the caller; only `required` makes it required.
    defaultNonNullable: false,
    silent: true,
  });
  return `${generatedHeader(source)}\n${astToString(repairSchemaTypes(ast))}`;
}
