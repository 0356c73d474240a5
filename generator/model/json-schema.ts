/**
 * What OpenAPI schemas mean for JSON Schema consumers (the schema.ts repairs
 * and the MCP tool inputs, emit/mcp-schema.ts): which schemas carry raw bytes.
 */
import type { Json } from './schema-utils.js';

/** A schema for raw bytes: `format: binary`, or a string whose media type is not text, JSON or XML. */
export function isBinary(schema: Json): boolean {
  const media = schema['contentMediaType'];
  return (
    schema['format'] === 'binary' ||
    (schema['type'] === 'string' && typeof media === 'string' && !/^text\/|json|xml/.test(media))
  );
}
