/**
 * The `components` interface openapi-typescript prints, and its `schemas`
 * table: the one place schema.ts passes (schema-repairs.ts, named-schemas.ts)
 * rewrite. Each pass maps the table's members; this module finds the table
 * and rebuilds the interface around the mapped members.
 */
import ts from 'typescript';

const { factory } = ts;

/** The member name of a property signature (openapi-typescript quotes names that are not identifiers). */
export function memberName(member: ts.TypeElement): string | undefined {
  return ts.isPropertySignature(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
    ? member.name.text
    : undefined;
}

export function isComponents(node: ts.Node): node is ts.InterfaceDeclaration {
  return ts.isInterfaceDeclaration(node) && node.name.text === 'components';
}

type SchemasMember = ts.PropertySignature & { type: ts.TypeLiteralNode };

function isSchemasTable(member: ts.TypeElement): member is SchemasMember {
  return (
    ts.isPropertySignature(member) &&
    member.type !== undefined &&
    ts.isTypeLiteralNode(member.type) &&
    memberName(member) === 'schemas'
  );
}

/**
 * `components` with its `schemas` table's members mapped by `mapSchemas` (which
 * sees the whole table, in order) and every other member by `mapOther`.
 */
export function mapComponentSchemas(
  node: ts.InterfaceDeclaration,
  mapSchemas: (schemas: readonly ts.TypeElement[]) => ts.TypeElement[],
  mapOther: (member: ts.TypeElement) => ts.TypeElement = (member) => member,
): ts.InterfaceDeclaration {
  const members = node.members.map((member) => {
    if (!isSchemasTable(member)) return mapOther(member);
    const schemas = mapSchemas(member.type.members);
    return factory.updatePropertySignature(
      member,
      member.modifiers,
      member.name,
      member.questionToken,
      factory.updateTypeLiteralNode(member.type, factory.createNodeArray(schemas)),
    );
  });
  return factory.updateInterfaceDeclaration(
    node,
    node.modifiers,
    node.name,
    node.typeParameters,
    node.heritageClauses,
    members,
  );
}

/**
 * A schema member pointing at a named type instead of its own literal
 * (`Run: Run`). The member's comments go with the declaration it points at,
 * unless `keepComments` (an intermediate step whose result is rewritten again).
 */
export function pointAt(schema: ts.PropertySignature, name: string, keepComments = false): ts.PropertySignature {
  const type = factory.createTypeReferenceNode(name);
  return keepComments
    ? factory.updatePropertySignature(schema, schema.modifiers, schema.name, schema.questionToken, type)
    : factory.createPropertySignature(schema.modifiers, schema.name, schema.questionToken, type);
}
