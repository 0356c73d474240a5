/**
 * src/schema.ts: the API's types from openapi-typescript, run through its API
 * (no subprocess). Binary payloads become `Blob`, which is what fetch gives
 * and takes, instead of `string`; open string enums keep their literals
 * (open-enums.ts); each component schema is declared under its public name
 * (named-schemas.ts), so editors show `Run`, not `components["schemas"]["Run"]`.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { isBinary } from '../model/json-schema.js';
import type { SchemaNames } from '../model/public-names.js';
import { nameSchemaTypes } from './named-schemas.js';
import { openStringEnums } from './open-enums.js';
import { generatedHeader } from './print.js';
import { repairSchemaTypes } from './schema-repairs.js';

/**
 * openapi-typescript edits the document it is given (it rewrites discriminator
 * properties), so it gets a copy: the caller's document goes on into
 * openapi.json, the MCP tools and the docs unchanged.
 */
export function emitSchema(
  document: Record<string, unknown>,
  source: string,
  names: SchemaNames | Promise<SchemaNames>,
): Promise<string> {
  return emitSchemaFromOwnedDocument(structuredClone(document), source, names);
}

/**
 * emitSchema for a document nobody else holds (the worker's own parse), which
 * may be edited in place. The names may come later than the document: the
 * model decides them while openapi-typescript runs.
 */
export async function emitSchemaFromOwnedDocument(
  document: Record<string, unknown>,
  source: string,
  names: SchemaNames | Promise<SchemaNames>,
): Promise<string> {
  const ast = await openapiTS(document as never, {
    transform(schemaObject) {
      if (isBinary(schemaObject as Record<string, unknown>)) return ts.factory.createTypeReferenceNode('Blob');
      return undefined;
    },
    // A property with a default may be left out by the caller; only `required` makes it required.
    defaultNonNullable: false,
    silent: true,
  });
  const named = await names;
  return `${generatedHeader(source)}\n${astToString(nameSchemaTypes(repairSchemaTypes(openStringEnums(ast), named), named))}`;
}
