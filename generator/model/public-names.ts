/**
 * The public names of the component schemas, as the model decided them
 * (SchemaAlias): src/schema.ts declares each schema under its name
 * (emit/named-schemas.ts) and src/types.ts re-exports it. This module stays
 * free of TypeScript and openapi-typescript so the main thread can hand the
 * names to the schema worker without loading them.
 */
import type { ApiModel } from './types.js';

/** Component schema name (the key under components/schemas) -> exported type name. */
export type SchemaNames = ReadonlyMap<string, string>;

export function schemaNames(model: Pick<ApiModel, 'schemas'>): SchemaNames {
  return new Map(model.schemas.map((schema) => [schema.component, schema.name]));
}
