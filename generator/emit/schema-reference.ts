/**
 * Reads openapi-typescript's way of naming a component schema in its output:
 * the indexed access `components["schemas"]["Name"]`. The passes that rewrite
 * schema.ts (schema-repairs.ts, open-enums.ts) find schemas by it.
 */
import ts from 'typescript';

/** `components["schemas"]["Name"]` -> "Name"; undefined for any other node. */
export function schemaReference(node: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const inner = node.objectType;
  const literal = (type: ts.TypeNode): string | undefined =>
    ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined;
  if (!ts.isIndexedAccessTypeNode(inner) || literal(inner.indexType) !== 'schemas') return undefined;
  if (
    !ts.isTypeReferenceNode(inner.objectType) ||
    !ts.isIdentifier(inner.objectType.typeName) ||
    inner.objectType.typeName.text !== 'components'
  )
    return undefined;
  return literal(node.indexType);
}
