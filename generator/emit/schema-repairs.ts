/**
 * Repairs to openapi-typescript's output for valid schemas it renders as code
 * that does not compile:
 *
 * - `WithRequired<T, K>` (emitted for `allOf` + `required`) demands
 *   `K extends keyof T`, which fails when T is nullable (`keyof (X | null)` is
 *   `never`). JSON Schema's `required` only constrains objects, so the helper
 *   is replaced by one that applies to the object part and keeps `null`.
 * - A schema that refers to itself inside a union (`Json: null | Json[] | {...}`)
 *   becomes an interface property whose indexed-access type refers to itself,
 *   which TypeScript rejects (TS2502). Such schemas are moved into exported
 *   recursive type aliases, which TypeScript allows; a union member that is
 *   the schema itself (`Loop: null | Loop`) adds nothing and is dropped.
 */
import ts from 'typescript';

const factory = ts.factory;

/** `components["schemas"]["Name"]` -> "Name". */
function selfReferenceName(node: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const inner = node.objectType;
  const literal = (type: ts.TypeNode): string | undefined => (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined);
  if (!ts.isIndexedAccessTypeNode(inner) || literal(inner.indexType) !== 'schemas') return undefined;
  if (!ts.isTypeReferenceNode(inner.objectType) || !ts.isIdentifier(inner.objectType.typeName) || inner.objectType.typeName.text !== 'components') return undefined;
  return literal(node.indexType);
}

/** Whether `type` refers to `name` where TypeScript resolves eagerly (anywhere but inside an object type's members). */
function refersEagerly(type: ts.Node, name: string): boolean {
  if (selfReferenceName(type) === name) return true;
  if (ts.isTypeLiteralNode(type)) {
    // Index signatures are resolved eagerly too; plain property signatures are deferred.
    return type.members.some((member) => ts.isIndexSignatureDeclaration(member) && refersEagerly(member.type, name));
  }
  let found = false;
  ts.forEachChild(type, (child) => {
    found ||= refersEagerly(child, name);
  });
  return found;
}

function replaceSelf(type: ts.TypeNode, name: string, alias: string): ts.TypeNode {
  const visit = (node: ts.Node): ts.Node => (selfReferenceName(node) === name ? factory.createTypeReferenceNode(alias) : ts.visitEachChild(node, visit, undefined));
  let result = visit(type) as ts.TypeNode;
  if (ts.isUnionTypeNode(result)) {
    const kept = result.types.filter((member) => !(ts.isTypeReferenceNode(member) && ts.isIdentifier(member.typeName) && member.typeName.text === alias));
    result = kept.length === 0 ? factory.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword) : kept.length === 1 ? (kept[0] as ts.TypeNode) : factory.createUnionTypeNode(kept);
  }
  return result;
}

function withRequiredHelper(): ts.TypeAliasDeclaration {
  const T = factory.createTypeReferenceNode('T');
  const K = factory.createTypeReferenceNode('K');
  const P = factory.createTypeReferenceNode('P');
  // type WithRequired<T, K extends PropertyKey> = T extends object ? T & { [P in K & keyof T]-?: T[P] } : T;
  return factory.createTypeAliasDeclaration(
    undefined,
    'WithRequired',
    [factory.createTypeParameterDeclaration(undefined, 'T'), factory.createTypeParameterDeclaration(undefined, 'K', factory.createTypeReferenceNode('PropertyKey'))],
    factory.createConditionalTypeNode(
      T,
      factory.createKeywordTypeNode(ts.SyntaxKind.ObjectKeyword),
      factory.createIntersectionTypeNode([
        T,
        factory.createMappedTypeNode(
          undefined,
          factory.createTypeParameterDeclaration(undefined, 'P', factory.createIntersectionTypeNode([K, factory.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, T)])),
          undefined,
          factory.createToken(ts.SyntaxKind.MinusToken),
          factory.createIndexedAccessTypeNode(T, P),
          undefined,
        ),
      ]),
      T,
    ),
  );
}

export function repairSchemaTypes(nodes: readonly ts.Node[]): ts.Node[] {
  const aliases: ts.TypeAliasDeclaration[] = [];
  const repaired = nodes.map((node) => {
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'WithRequired') return withRequiredHelper();
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'components') return node;
    const members = node.members.map((member) => {
      if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type) || !ts.isIdentifier(member.name) || member.name.text !== 'schemas') return member;
      const schemas = member.type.members.map((schema) => {
        if (!ts.isPropertySignature(schema) || !schema.type) return schema;
        const name = ts.isIdentifier(schema.name) || ts.isStringLiteral(schema.name) ? schema.name.text : undefined;
        if (!name || ts.isTypeLiteralNode(schema.type) || !refersEagerly(schema.type, name)) return schema;
        const alias = `RecursiveSchema_${name.replace(/[^A-Za-z0-9_$]/g, '_')}`;
        aliases.push(factory.createTypeAliasDeclaration([factory.createModifier(ts.SyntaxKind.ExportKeyword)], alias, undefined, replaceSelf(schema.type, name, alias)));
        return factory.updatePropertySignature(schema, schema.modifiers, schema.name, schema.questionToken, factory.createTypeReferenceNode(alias));
      });
      return factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, factory.updateTypeLiteralNode(member.type, factory.createNodeArray(schemas)));
    });
    return factory.updateInterfaceDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members);
  });
  return [...repaired, ...aliases];
}
